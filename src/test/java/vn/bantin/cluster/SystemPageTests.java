package vn.bantin.cluster;

import java.time.Instant;
import java.time.ZoneOffset;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import vn.bantin.BantinWebTest;
import vn.bantin.SignIn;
import vn.bantin.account.Role;
import vn.bantin.account.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /admin/system} on a single commune: the node answering, a node gone, the
 * scheduler's instance named after the node; only an administrator sees it.
 */
@BantinWebTest
class SystemPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Nodes nodes;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Scheduler scheduler;

	@Autowired
	TestAccounts accounts;

	@Test
	void theSchedulersInstanceIsNamedAfterTheNode() throws Exception {
		assertThat(this.scheduler.getSchedulerInstanceId()).isEqualTo(this.nodes.self());
	}

	@Test
	void anAdministratorSeesThisNodeRunningAndANodeThatMissedItsHeartbeatsGone() throws Exception {
		Instant now = this.nodes.databaseNow();
		String gone = "web-gone-" + System.nanoTime() + ":8080";
		this.jdbc.update(
				"INSERT INTO cluster_node (id, version, incarnation, started_at, heartbeat_at) "
						+ "VALUES (?, '0.9', 'i', ?, ?)",
				gone, now.minusSeconds(600).atOffset(ZoneOffset.UTC), now.minusSeconds(45).atOffset(ZoneOffset.UTC));
		String html = this.mvc
			.perform(get("/admin/system").session(SignIn.as(this.mvc, SignIn.ADMIN, SignIn.ADMIN_PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document page = Jsoup.parse(html);
		var self = page.selectFirst("tr[data-node='" + this.nodes.self() + "']");
		assertThat(self).isNotNull();
		assertThat(self.className()).contains("alive");
		assertThat(self.selectFirst(".node-state").text()).isEqualTo("đang chạy");
		assertThat(self.selectFirst(".node-scheduler").text()).contains("chạy một mình")
			.contains(this.scheduler.isInStandbyMode() ? "chờ" : "đang lập lịch");
		var other = page.selectFirst("tr[data-node='" + gone + "']");
		assertThat(other).isNotNull();
		assertThat(other.className()).contains("gone");
		assertThat(other.selectFirst(".node-state").text()).isEqualTo("mất liên lạc");
	}

	@Test
	void aContextStoppedAndStartedAgainSchedulesAgain(@Autowired ConfigurableApplicationContext context)
			throws Exception {
		assertThat(this.scheduler.isInStandbyMode()).as("started once the node was ready").isFalse();
		// what Spring's test framework does to a cached context it does not use for a
		// while
		context.stop();
		assertThat(this.scheduler.isInStandbyMode()).isTrue();
		context.start();
		assertThat(this.scheduler.isInStandbyMode()).as("started again").isFalse();
	}

	@Test
	void anEditorIsRefused() throws Exception {
		this.mvc.perform(get("/admin/system").session(this.accounts.signedIn(Role.EDITOR)))
			.andExpect(status().isForbidden());
	}

}
