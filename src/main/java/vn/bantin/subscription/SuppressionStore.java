package vn.bantin.subscription;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** The suppression list. */
interface SuppressionStore extends JpaRepository<Suppression, Suppression.Key> {

	List<Suppression> findByAddressKey(String addressKey);

	/** The suppression of the address for the list, in the commune in scope. */
	Optional<Suppression> findByAddressKeyAndListKey(String addressKey, String listKey);

	/** Whether the address is suppressed for the list in the commune in scope. */
	boolean existsByAddressKeyAndListKey(String addressKey, String listKey);

}
