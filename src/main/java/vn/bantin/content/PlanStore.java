package vn.bantin.content;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PlanStore extends JpaRepository<Plan, String> {

	List<Plan> findAllByOrderByPeriodStartDescTitleAsc();

	/** When a plan was last loaded from its file; null when there is none. */
	@Query("select max(p.loadedAt) from Plan p")
	java.time.Instant lastLoaded();

}
