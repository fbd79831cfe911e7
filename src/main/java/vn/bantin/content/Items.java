package vn.bantin.content;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface Items extends JpaRepository<Item, String> {

	List<Item> findBySourceFileIsNotNull();

}
