package vn.bantin.mailing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import vn.bantin.BantinWebTest;
import vn.bantin.MutableClock;
import vn.bantin.account.Role;
import vn.bantin.account.TestAccounts;
import vn.bantin.account.TestApiTokens;
import vn.bantin.content.Channel;
import vn.bantin.content.Priority;
import vn.bantin.content.TestItems;
import vn.bantin.subscription.TestSubscribers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.bantin.account.TestApiTokens.as;

/**
 * Issue 13, point 3: "send now" (the page {@code /admin/sends/new} and {@code POST
 * /api/lists/{list}/sends}) is an approver's act, refuses with 409 and a machine-readable
 * reason an item that is not released yet (its publish-at is ahead), not approved,
 * expired or not going out by email, and sending again needs a reason, which each send
 * keeps, shows and logs.
 */
@BantinWebTest
@ExtendWith(OutputCaptureExtension.class)
class SendNowTests {

	private static final String LIST = "truong-thon";

	private static final AtomicInteger counter = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestItems items;

	@Autowired
	TestApiTokens tokens;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestSubscribers subscribers;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void now() {
		// a real instant, with a sub-second part
		this.clock.set(Instant.parse("2025-03-03T01:00:00.395513Z"));
	}

	String released(String title, Set<Channel> channels) {
		return this.items.approvedNews(title + " " + counter.incrementAndGet(), List.of(), List.of(), Priority.NORMAL,
				null, null, channels);
	}

	ResultActions sendOverApi(String token, String json) throws Exception {
		return this.mvc.perform(
				as(post("/api/lists/" + LIST + "/sends"), token).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	long mailings(String itemId) {
		// to this list only: the release on approval mails the officials' list by itself
		Long count = this.jdbc
			.queryForObject("SELECT COUNT(*) FROM mailing_item i JOIN mailing m ON m.id = i.mailing_id"
					+ " WHERE i.item_id = ? AND m.list_key = ?", Long.class, itemId, LIST);
		return (count != null) ? count : 0;
	}

	@Test
	void anItemWhosePublishAtIsAheadIsRefusedWith409NotReleasedOnTheApiInBothLanguages() throws Exception {
		Instant publishAt = Instant.parse("2025-03-05T00:30:00.250Z");
		String embargoed = this.items.approvedNews("Thông báo cấm đăng trước " + counter.incrementAndGet(), List.of(),
				List.of(), Priority.NORMAL, publishAt, null, Set.of(Channel.WEB, Channel.EMAIL));
		String token = this.tokens.token(Role.APPROVER);

		sendOverApi(token, "{\"itemId\":\"" + embargoed + "\"}").andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.reason").value("not-released"))
			.andExpect(jsonPath("$.detail")
				.value("Bản tin " + embargoed + " chưa đến giờ phát hành (05/03/2025 07:30): chưa gửi thư được."));
		this.mvc
			.perform(as(post("/api/lists/" + LIST + "/sends"), token).contentType(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
				.content("{\"itemId\":\"" + embargoed + "\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.reason").value("not-released"))
			.andExpect(jsonPath("$.detail")
				.value("Item " + embargoed + " is not released yet (from 05/03/2025 07:30): it cannot be mailed now."));
		// sending it again does not get round the embargo either
		sendOverApi(token, "{\"itemId\":\"" + embargoed + "\",\"again\":true,\"reason\":\"Gấp\"}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.reason").value("not-released"));
		assertThat(mailings(embargoed)).isZero();

		// once its time has come, it goes
		this.clock.set(publishAt.plusMillis(1));
		sendOverApi(token, "{\"itemId\":\"" + embargoed + "\"}").andExpect(status().isCreated());
		assertThat(mailings(embargoed)).isEqualTo(1);
	}

	@Test
	void anItemWhoseChannelsLeaveEmailOutIsRefusedWith409NotOnEmail() throws Exception {
		String webOnly = released("Tin chỉ đăng web", Set.of(Channel.WEB, Channel.RADIO));
		String token = this.tokens.token(Role.APPROVER);

		sendOverApi(token, "{\"itemId\":\"" + webOnly + "\"}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.reason").value("not-on-email"))
			.andExpect(jsonPath("$.detail").value(containsString("không phát qua thư điện tử")));
		sendOverApi(token, "{\"itemId\":\"" + webOnly + "\",\"again\":true,\"reason\":\"Gấp\"}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.reason").value("not-on-email"));
		assertThat(mailings(webOnly)).isZero();
	}

	@Test
	void anUnapprovedOrExpiredItemIsRefusedWith409AndItsReason() throws Exception {
		String submitted = this.items.submittedNews("Tin chờ duyệt " + counter.incrementAndGet(), List.of(), List.of(),
				Priority.NORMAL, null, null, Set.of(Channel.WEB, Channel.EMAIL));
		String expiring = this.items.approvedNews("Tin sắp hết hạn " + counter.incrementAndGet(), List.of(), List.of(),
				Priority.NORMAL, null, this.clock.instant().plus(Duration.ofHours(1)),
				Set.of(Channel.WEB, Channel.EMAIL));
		String token = this.tokens.token(Role.APPROVER);

		sendOverApi(token, "{\"itemId\":\"" + submitted + "\"}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.reason").value("not-approved"));
		this.clock.advance(Duration.ofHours(2));
		sendOverApi(token, "{\"itemId\":\"" + expiring + "\"}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.reason").value("expired"));
		assertThat(mailings(submitted) + mailings(expiring)).isZero();
	}

	@Test
	void onlyApproversAndAdministratorsSendNowAndOnlyTheySeeTheButton() throws Exception {
		String item = released("Tin gửi ngay theo vai trò", Set.of(Channel.WEB, Channel.EMAIL));
		String json = "{\"itemId\":\"" + item + "\"}";

		sendOverApi(this.tokens.token(Role.EDITOR), json).andExpect(status().isForbidden());
		sendOverApi(this.tokens.token(Role.OPERATOR), json).andExpect(status().isForbidden());
		for (Role role : List.of(Role.EDITOR, Role.OPERATOR)) {
			MockHttpSession session = this.accounts.signedIn(role);
			this.mvc.perform(get("/admin/sends/new").param("item", item).session(session))
				.andExpect(status().isForbidden());
			this.mvc
				.perform(post("/admin/sends").param("itemId", item)
					.param("list", LIST)
					.param("key", "0123456789abcdef")
					.session(session)
					.with(csrf()))
				.andExpect(status().isForbidden());
		}
		assertThat(mailings(item)).isZero();

		MockHttpSession editor = this.accounts.signedIn(Role.EDITOR);
		this.mvc.perform(get("/admin/sends").session(editor))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/admin/sends/new"))));
		this.mvc.perform(get("/admin/items/{id}", item).session(editor))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/admin/sends/new"))));
		MockHttpSession approver = this.accounts.signedIn(Role.APPROVER);
		this.mvc.perform(get("/admin/sends").session(approver))
			.andExpect(content().string(containsString("/admin/sends/new")));
		this.mvc.perform(get("/admin/items/{id}", item).session(approver))
			.andExpect(content().string(containsString("/admin/sends/new?item=" + item)));

		sendOverApi(this.tokens.token(Role.ADMIN), json).andExpect(status().isCreated());
		assertThat(mailings(item)).isEqualTo(1);
	}

	@Test
	void sendingAgainWithoutAReasonIsA400NamingTheFieldOnTheApiAndThePage() throws Exception {
		String item = released("Tin gửi lại không lý do", Set.of(Channel.WEB, Channel.EMAIL));
		String token = this.tokens.token(Role.APPROVER);
		sendOverApi(token, "{\"itemId\":\"" + item + "\"}").andExpect(status().isCreated());

		sendOverApi(token, "{\"itemId\":\"" + item + "\",\"again\":true}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("reason"))
			.andExpect(jsonPath("$.detail").value("Gửi lại cần ghi lý do (reason)."));
		sendOverApi(token, "{\"itemId\":\"" + item + "\",\"again\":true,\"reason\":\" \\t \"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("reason"));
		sendOverApi(token, "{\"itemId\":\"" + item + "\"}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.reason").value("already-sent"));

		String page = this.mvc
			.perform(post("/admin/sends").param("itemId", item)
				.param("list", LIST)
				.param("again", "true")
				.param("reason", "")
				.param("key", "form-key-without-reason")
				.session(this.accounts.signedIn(Role.APPROVER))
				.header(HttpHeaders.ACCEPT_LANGUAGE, "vi")
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("class=\"field-error\"", "Gửi lại cần ghi lý do (reason).", "value=\"" + item + "\"",
				"checked");
		assertThat(mailings(item)).isEqualTo(1);
	}

	@Test
	void everySendAgainNeedsAndKeepsItsOwnReasonShownOnItsPageAndInTheApiAndLogged(CapturedOutput output)
			throws Exception {
		String item = released("Tin gửi lại nhiều lần", Set.of(Channel.WEB, Channel.EMAIL));
		String token = this.tokens.token(Role.APPROVER);
		long first = id(sendOverApi(token, "{\"itemId\":\"" + item + "\"}").andExpect(status().isCreated())
			.andExpect(jsonPath("$.againReason").doesNotExist()));
		long second = id(
				sendOverApi(token, "{\"itemId\":\"" + item + "\",\"again\":true,\"reason\":\"Thêm trưởng thôn mới\"}")
					.andExpect(status().isCreated())
					.andExpect(jsonPath("$.againReason").value("Thêm trưởng thôn mới")));
		sendOverApi(token, "{\"itemId\":\"" + item + "\",\"again\":true}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("reason"));
		long third = id(sendOverApi(token,
				"{\"itemId\":\"" + item + "\",\"again\":true,\"reason\":\"Sửa lỗi máy chủ thư hôm qua\"}")
			.andExpect(status().isCreated()));

		assertThat(List.of(first, second, third)).doesNotHaveDuplicates();
		assertThat(mailings(item)).isEqualTo(3);
		this.mvc.perform(as(get("/api/sends/" + first), token)).andExpect(jsonPath("$.againReason").doesNotExist());
		this.mvc.perform(as(get("/api/sends/" + second), token))
			.andExpect(jsonPath("$.againReason").value("Thêm trưởng thôn mới"));
		this.mvc.perform(as(get("/api/sends/" + third), token))
			.andExpect(jsonPath("$.againReason").value("Sửa lỗi máy chủ thư hôm qua"));
		MockHttpSession editor = this.accounts.signedIn(Role.EDITOR);
		this.mvc.perform(get("/admin/sends/" + second).session(editor).header(HttpHeaders.ACCEPT_LANGUAGE, "vi"))
			.andExpect(content().string(containsString("Lý do gửi lại")))
			.andExpect(content().string(containsString("Thêm trưởng thôn mới")))
			.andExpect(content().string(not(containsString("Sửa lỗi máy chủ thư hôm qua"))));
		this.mvc.perform(get("/admin/sends/" + first).session(editor))
			.andExpect(content().string(not(containsString("again-reason"))));
		assertThat(output.getOut()).contains(
				"sends item " + item + " to list " + LIST + " again, reason: " + "Thêm trưởng thôn mới",
				"sends item " + item + " to list " + LIST + " again, reason: Sửa lỗi máy chủ thư hôm qua");
	}

	@Test
	void anApproverSendsFromThePageAndAnEmbargoedItemIsRefusedThereWith409() throws Exception {
		this.subscribers.confirmed(LIST, 1);
		String item = released("Tin gửi từ trang", Set.of(Channel.WEB, Channel.EMAIL));
		String embargoed = this.items.approvedNews("Tin trang cấm đăng trước " + counter.incrementAndGet(), List.of(),
				List.of(), Priority.NORMAL, Instant.parse("2025-03-05T00:30:00Z"), null,
				Set.of(Channel.WEB, Channel.EMAIL));
		MockHttpSession approver = this.accounts.signedIn(Role.APPROVER);

		String form = this.mvc.perform(
				get("/admin/sends/new").param("item", item).session(approver).header(HttpHeaders.ACCEPT_LANGUAGE, "vi"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(form).contains("Gửi thư ngay", "value=\"" + item + "\"", "Trưởng thôn", "name=\"reason\"",
				"name=\"key\"");

		String refused = this.mvc
			.perform(post("/admin/sends").param("itemId", embargoed)
				.param("list", LIST)
				.param("key", "form-key-embargoed")
				.session(approver)
				.header(HttpHeaders.ACCEPT_LANGUAGE, "vi")
				.with(csrf()))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("data-reason=\"not-released\"",
				"Bản tin " + embargoed + " chưa đến giờ phát hành (05/03/2025 07:30)");
		assertThat(mailings(embargoed)).isZero();

		this.mvc
			.perform(post("/admin/sends").param("itemId", item)
				.param("list", LIST)
				.param("key", "form-key-first-send")
				.session(approver)
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/admin/sends/*"));
		assertThat(mailings(item)).isEqualTo(1);
	}

	@Test
	void theSameFormSubmittedTwiceMakesOneSendAndOneSendAgain() throws Exception {
		String item = released("Tin bấm hai lần", Set.of(Channel.WEB, Channel.EMAIL));
		MockHttpSession approver = this.accounts.signedIn(Role.APPROVER);
		this.mvc
			.perform(post("/admin/sends").param("itemId", item)
				.param("list", LIST)
				.param("key", "form-key-first-" + item)
				.session(approver)
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		// the second press finds it sent
		this.mvc
			.perform(post("/admin/sends").param("itemId", item)
				.param("list", LIST)
				.param("key", "form-key-first-" + item)
				.session(approver)
				.with(csrf()))
			.andExpect(status().isConflict());
		for (int press = 0; press < 2; press++) {
			this.mvc
				.perform(post("/admin/sends").param("itemId", item)
					.param("list", LIST)
					.param("again", "true")
					.param("reason", "Gửi bổ sung")
					.param("key", "form-key-again-" + item)
					.session(approver)
					.with(csrf()))
				.andExpect(status().is3xxRedirection());
		}
		assertThat(mailings(item)).isEqualTo(2);
	}

	private static long id(ResultActions result) throws Exception {
		return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8),
				"$.id"))
			.longValue();
	}

}
