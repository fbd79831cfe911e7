package vn.bantin.radio;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface RadioTokenStore extends JpaRepository<RadioToken, Long> {

	Optional<RadioToken> findByTokenHash(String tokenHash);

	List<RadioToken> findAllByOrderByCreatedAtDescIdDesc();

}
