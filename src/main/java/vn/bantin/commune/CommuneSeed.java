package vn.bantin.commune;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Stores the configured identity on the first start.
 */
@Component
class CommuneSeed implements ApplicationRunner {

	private final Commune commune;

	CommuneSeed(Commune commune) {
		this.commune = commune;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.commune.seedIfMissing();
	}

}
