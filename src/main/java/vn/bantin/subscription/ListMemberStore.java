package vn.bantin.subscription;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * The subscribers of one list, as the lists' admin pages, export and API read them. Kept
 * apart from {@link SubscriberStore} because only the lists' pages need these queries.
 */
interface ListMemberStore extends Repository<Subscriber, Long> {

	/** The subscribers on a list, by address. */
	@Query(value = "select s from Subscriber s where exists (select 1 from Subscription m where m.subscriberId = s.id"
			+ " and m.listKey = :list) order by s.addressKey",
			countQuery = "select count(s) from Subscriber s where exists (select 1 from Subscription m"
					+ " where m.subscriberId = s.id and m.listKey = :list)")
	Page<Subscriber> members(@Param("list") String list, Pageable page);

	/** Every subscriber on a list, by address (export, search). */
	@Query("select s from Subscriber s where exists (select 1 from Subscription m where m.subscriberId = s.id"
			+ " and m.listKey = :list) order by s.addressKey")
	List<Subscriber> allMembers(@Param("list") String list);

	/** How many subscribers of a list are in each status: rows of (status, count). */
	@Query("select s.status, count(s) from Subscriber s where exists (select 1 from Subscription m"
			+ " where m.subscriberId = s.id and m.listKey = :list) group by s.status")
	List<Object[]> countByStatus(@Param("list") String list);

	/** A subscriber on a list, by id. */
	@Query("select s from Subscriber s where s.id = :id and exists (select 1 from Subscription m"
			+ " where m.subscriberId = s.id and m.listKey = :list)")
	Optional<Subscriber> member(@Param("list") String list, @Param("id") long id);

}
