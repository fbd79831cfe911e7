package vn.bantin.content;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ItemEventStore extends JpaRepository<ItemEvent, Long> {

	List<ItemEvent> findByItemIdOrderByAtAscIdAsc(String itemId);

}
