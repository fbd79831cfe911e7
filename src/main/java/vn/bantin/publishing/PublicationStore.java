package vn.bantin.publishing;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import vn.bantin.content.Channel;

interface PublicationStore extends JpaRepository<Publication, Long> {

	Optional<Publication> findByItemIdAndChannelAndTargetAndOccurrence(String itemId, Channel channel, String target,
			Instant occurrence);

	List<Publication> findByStatusInAndOccurrenceLessThanEqualOrderByOccurrenceAscIdAsc(
			Collection<PublicationStatus> statuses, Instant now);

}
