package vn.bantin.account;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ApiTokenStore extends JpaRepository<ApiToken, Long> {

	Optional<ApiToken> findByTokenHash(String tokenHash);

	List<ApiToken> findByUserUsernameOrderByCreatedAtDescIdDesc(String username);

	Optional<ApiToken> findByIdAndUserUsername(Long id, String username);

}
