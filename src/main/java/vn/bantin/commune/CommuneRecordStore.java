package vn.bantin.commune;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CommuneRecordStore extends JpaRepository<CommuneRecord, Long> {

	Optional<CommuneRecord> findByKey(String key);

	@Query("select c from CommuneRecord c join c.hosts h where h = :host")
	Optional<CommuneRecord> findByHost(String host);

	List<CommuneRecord> findAllByOrderByKey();

}
