package vn.bantin.subscription;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** Who is on which list. */
interface SubscriptionStore extends JpaRepository<Subscription, Long> {

	Optional<Subscription> findBySubscriberIdAndListKey(long subscriberId, String listKey);

	List<Subscription> findBySubscriberId(long subscriberId);

	long countByListKey(String listKey);

}
