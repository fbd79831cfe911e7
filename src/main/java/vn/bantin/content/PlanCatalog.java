package vn.bantin.content;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plans the commune works to, for other modules (site, reports).
 */
@Service
@Transactional(readOnly = true)
public class PlanCatalog {

	private final PlanStore plans;

	PlanCatalog(PlanStore plans) {
		this.plans = plans;
	}

	/** All plans, the most recent period first. */
	public List<PlanView> plans() {
		return this.plans.findAllByOrderByPeriodStartDescTitleAsc().stream().map(Plan::view).toList();
	}

	/** The themes of every plan, in the plans' order: what items may point at. */
	public List<PlanView.Theme> themes() {
		return plans().stream().flatMap((plan) -> plan.themes().stream()).toList();
	}

	/**
	 * When a plan was last (re)loaded from its file, the epoch when there is none: plans
	 * are never deleted, so the site's pages showing plans changed no later than this.
	 */
	public java.time.Instant lastLoaded() {
		java.time.Instant loaded = this.plans.lastLoaded();
		return (loaded != null) ? loaded : java.time.Instant.EPOCH;
	}

	/** The plan with this id, if loaded. */
	public Optional<PlanView> plan(String id) {
		return this.plans.findById(ItemKeys.of(id)).map(Plan::view);
	}

	/** The text of the plan with this id, in Markdown, if loaded. */
	public Optional<String> body(String id) {
		return this.plans.findById(ItemKeys.of(id)).map(Plan::bodyMarkdown);
	}

}
