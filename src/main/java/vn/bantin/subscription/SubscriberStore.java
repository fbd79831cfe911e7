package vn.bantin.subscription;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** The subscribers, by address. */
interface SubscriberStore extends JpaRepository<Subscriber, Long> {

	Optional<Subscriber> findByAddressKey(String addressKey);

}
