package vn.bantin.agenda;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface CalendarTokenStore extends JpaRepository<CalendarToken, Long> {

	Optional<CalendarToken> findByTokenHash(String tokenHash);

	List<CalendarToken> findAllByOrderByCreatedAtDescIdDesc();

	List<CalendarToken> findByCreatedByOrderByCreatedAtDescIdDesc(String createdBy);

}
