package vn.bantin.content;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface ItemStore extends JpaRepository<Item, String>, JpaSpecificationExecutor<Item> {

	/**
	 * Id, file, file hash and status of every item, without their text: enough for a load
	 * of the content folder to skip unchanged files, refuse ids taken by the editor and
	 * notice deleted files in one query.
	 */
	/**
	 * Published items that refer to a media address: attached, as a document's file, or
	 * in the text.
	 */
	@Query("""
			select distinct i from Item i left join i.attachments a
			where i.status = vn.bantin.content.ItemStatus.PUBLISHED
			and (a.file = :address or i.document.file = :address
			or i.bodyMarkdown like concat('%', :address, '%'))
			""")
	java.util.List<Item> referringTo(String address);

	@Query("select new vn.bantin.content.ItemStore$Stored(i.id, i.sourceFile, i.sourceHash, i.status) from Item i")
	List<Stored> findAllStored();

	/** What a load of the content folder needs to know of a stored item. */
	record Stored(String id, String sourceFile, String sourceHash, ItemStatus status) {

		boolean fromFile() {
			return this.sourceFile != null;
		}

		/**
		 * Whether {@code file} at {@code path} is exactly what was last applied to this
		 * item.
		 */
		boolean unchangedBy(ItemFile file, String path) {
			return file.sourceHash().equals(this.sourceHash) && path.equals(this.sourceFile)
					&& this.status != ItemStatus.ARCHIVED;
		}

	}

	/**
	 * The latest change, at or before {@code now}, of an item that residents have seen at
	 * some point (it carries a publication time): its publication, an edit, a withdrawal
	 * or an archiving all stamp {@code updatedAt}.
	 */
	@Query("select max(i.updatedAt) from Item i where i.publishedAt is not null and i.updatedAt <= :now")
	java.time.Instant lastChangeOfPublished(java.time.Instant now);

	/**
	 * When each published item on a channel (a {@code like} pattern over its
	 * comma-separated channels) that is current at {@code now}, or expired and kept in
	 * the archive, was published; newest first.
	 */
	@Query("""
			select i.publishedAt from Item i
			where i.status = vn.bantin.content.ItemStatus.PUBLISHED and i.publishedAt <= :now
			  and (i.expireAt is null or i.expireAt > :now or i.onExpiry = :kept)
			  and concat(',', i.channels, ',') like :channel
			order by i.publishedAt desc""")
	List<java.time.Instant> publicationTimes(java.time.Instant now, String channel, OnExpiry kept);

	/** The latest expiry, at or before {@code now}, of an item that was published. */
	@Query("select max(i.expireAt) from Item i where i.publishedAt is not null and i.expireAt <= :now")
	java.time.Instant lastExpiryOfPublished(java.time.Instant now);

	/**
	 * {@code base} if no item has it yet, else the first free {@code base-2},
	 * {@code base-3}, …
	 */
	default String freeId(String base) {
		String id = base;
		for (int n = 2; existsById(id); n++) {
			id = base + "-" + n;
		}
		return id;
	}

}
