package vn.bantin.content;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ItemRevisionStore extends JpaRepository<ItemRevision, Long> {

	List<ItemRevision> findByItemIdOrderByNumberDesc(String itemId);

	Optional<ItemRevision> findByItemIdAndNumber(String itemId, int number);

	Optional<ItemRevision> findFirstByItemIdOrderByNumberDesc(String itemId);

}
