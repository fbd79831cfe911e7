package vn.bantin.account;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface StaffUserStore extends JpaRepository<StaffUser, Long> {

	Optional<StaffUser> findByUsername(String username);

	List<StaffUser> findAllByOrderByUsername();

	boolean existsByUsername(String username);

}
