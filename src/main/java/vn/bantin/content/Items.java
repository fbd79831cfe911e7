package vn.bantin.content;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface Items extends JpaRepository<Item, String>, JpaSpecificationExecutor<Item> {

	List<Item> findBySourceFileIsNotNull();

}
