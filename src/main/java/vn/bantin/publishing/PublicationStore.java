package vn.bantin.publishing;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

import vn.bantin.content.Channel;

interface PublicationStore extends JpaRepository<Publication, Long>,
		org.springframework.data.jpa.repository.JpaSpecificationExecutor<Publication> {

	Optional<Publication> findByItemIdAndChannelAndTargetAndOccurrence(String itemId, Channel channel, String target,
			Instant occurrence);

	boolean existsByItemIdAndChannelAndTarget(String itemId, Channel channel, String target);

	Optional<Publication> findFirstByItemIdAndChannelAndTargetAndStatusInOrderByIdAsc(String itemId, Channel channel,
			String target, Collection<PublicationStatus> statuses);

	Optional<Publication> findByOnceKey(String onceKey);

	/**
	 * The publication, locked for this transaction, if it has this status and no other
	 * transaction holds it ({@code FOR UPDATE SKIP LOCKED}): the hand-over's claim.
	 */
	@org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
	@org.springframework.data.jpa.repository.QueryHints(@jakarta.persistence.QueryHint(
			name = "jakarta.persistence.lock.timeout", value = "-2"))
	@org.springframework.data.jpa.repository.Query("select p from Publication p where p.id = :id and p.status = :status")
	Optional<Publication> claim(long id, PublicationStatus status);

	@org.springframework.data.jpa.repository.Query("""
			select new vn.bantin.publishing.Publications$Airing(p.campaign, p.itemId, p.target, count(p))
			from Publication p where p.campaign is not null and p.status in :statuses
			group by p.campaign, p.itemId, p.target""")
	List<Publications.Airing> countAirings(Collection<PublicationStatus> statuses);

	@org.springframework.data.jpa.repository.Query("""
			select new vn.bantin.publishing.Publications$Airing(p.campaign, p.itemId, p.target, count(p))
			from Publication p where p.campaign is not null and p.status in :statuses and p.occurrence < :before
			group by p.campaign, p.itemId, p.target""")
	List<Publications.Airing> countAiringsBefore(Collection<PublicationStatus> statuses, Instant before);

	boolean existsByItemId(String itemId);

	List<Publication> findByChannelAndTargetAndOccurrenceAndSlotOrderByIdAsc(Channel channel, String target,
			Instant occurrence, String slot);

	List<Publication> findByOccurrenceGreaterThanEqualAndOccurrenceLessThanOrderByOccurrenceAscIdAsc(Instant from,
			Instant to);

	List<Publication> findByStatusInAndOccurrenceLessThanEqualOrderByOccurrenceAscIdAsc(
			Collection<PublicationStatus> statuses, Instant now);

	@org.springframework.data.jpa.repository.Query("""
			select distinct p.communeId from Publication p
			where p.status in :statuses and p.occurrence <= :now order by p.communeId""")
	List<Long> findCommunesWithStatusInAndOccurrenceLessThanEqual(Collection<PublicationStatus> statuses, Instant now);

}
