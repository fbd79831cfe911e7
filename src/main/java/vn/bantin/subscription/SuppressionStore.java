package vn.bantin.subscription;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** The suppression list. */
interface SuppressionStore extends JpaRepository<Suppression, Suppression.Key> {

	List<Suppression> findByAddressKey(String addressKey);

}
