package vn.bantin.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import vn.bantin.commune.Communes;
import vn.bantin.publishing.Handover;
import vn.bantin.publishing.Publications;
import vn.bantin.system.CurrentCommune;

/**
 * The communes the one scheduler works for: each job runs its work in the scope of its
 * trigger's commune, and the province-wide runs (the start-up sweep, the periodic
 * hand-over) go through the communes one by one, each in its own scope. Only the picking
 * of which communes have work reads across communes.
 */
@Component
class EngineCommunes {

	private static final Logger log = LoggerFactory.getLogger(EngineCommunes.class);

	private final Communes communes;

	private final Handover handover;

	private final Publications publications;

	EngineCommunes(Communes communes, Handover handover, Publications publications) {
		this.communes = communes;
		this.handover = handover;
		this.publications = publications;
	}

	/**
	 * Runs {@code work} in the scope of {@code commune}: the one in scope already when it
	 * is that commune, else the commune's own.
	 * @return false, with nothing run, when the commune is gone or archived
	 */
	boolean run(long commune, Runnable work) {
		if (CurrentCommune.id().filter((id) -> id == commune).isPresent()) {
			work.run();
			return true;
		}
		Optional<CurrentCommune.Scope> scope = this.communes.active(commune);
		scope.ifPresent((found) -> CurrentCommune.run(found, work));
		return scope.isPresent();
	}

	/** The scope of every commune not archived. */
	List<CurrentCommune.Scope> all() {
		return this.communes.scopes();
	}

	/**
	 * Decides and hands over what has come due at {@code now} in every commune that has
	 * some, each in its own scope.
	 * @return the publications handled, commune by commune
	 */
	List<Publications.PublicationView> handOverEverywhere(Instant now) {
		List<Publications.PublicationView> handled = new ArrayList<>();
		for (long commune : this.publications.communesWithDue(now)) {
			boolean ran = run(commune, () -> handled.addAll(this.handover.run(now)));
			if (!ran) {
				log.debug("Commune {} is gone or archived: its due publications are left", commune);
			}
		}
		return handled;
	}

}
