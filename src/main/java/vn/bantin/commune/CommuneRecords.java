package vn.bantin.commune;

import org.springframework.data.jpa.repository.JpaRepository;

interface CommuneRecords extends JpaRepository<CommuneRecord, Integer> {

}
