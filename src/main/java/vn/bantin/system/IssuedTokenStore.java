package vn.bantin.system;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.repository.NoRepositoryBean;

/** The queries every kind of {@link IssuedToken} needs; each kind's store extends it. */
@NoRepositoryBean
public interface IssuedTokenStore<T extends IssuedToken> extends JpaRepository<T, Long> {

	Optional<T> findByTokenHash(String tokenHash);

	List<T> findAllByOrderByCreatedAtDescIdDesc();

}
