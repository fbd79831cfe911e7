package vn.bantin.commune;

import org.springframework.data.jpa.repository.JpaRepository;

interface CommuneRecordStore extends JpaRepository<CommuneRecord, Integer> {

}
