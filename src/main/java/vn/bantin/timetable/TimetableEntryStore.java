package vn.bantin.timetable;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** The slots and campaigns kept in the database (edited in the admin UI). */
interface TimetableEntryStore extends JpaRepository<TimetableEntry, Long> {

	Optional<TimetableEntry> findByKindAndKey(TimetableEntry.Kind kind, String key);

	List<TimetableEntry> findAllByOrderByKindDescIdAsc();

}
