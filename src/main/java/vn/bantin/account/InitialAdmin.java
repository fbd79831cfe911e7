package vn.bantin.account;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start of an installation (no user yet), creates user {@code admin}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class InitialAdmin implements ApplicationRunner {

	private final StaffDirectory directory;

	private final AccountSettings settings;

	InitialAdmin(StaffDirectory directory, AccountSettings settings) {
		this.directory = directory;
		this.settings = settings;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.directory.createInitialAdminIfNoUsers(this.settings.initialAdminPassword());
	}

}
