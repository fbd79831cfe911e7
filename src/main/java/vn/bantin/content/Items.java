package vn.bantin.content;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface Items extends JpaRepository<Item, String>, JpaSpecificationExecutor<Item> {

	/**
	 * Id, file and status of every item kept in a file: enough to notice deleted files.
	 */
	@Query("select new vn.bantin.content.Items$FileItem(i.id, i.sourceFile, i.status) from Item i"
			+ " where i.sourceFile is not null")
	List<FileItem> findFileItems();

	record FileItem(String id, String sourceFile, ItemStatus status) {
	}

}
