package vn.bantin.mailing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import vn.bantin.BantinWebTest;
import vn.bantin.MutableClock;
import vn.bantin.SignIn;
import vn.bantin.account.ResidentAddresses;
import vn.bantin.account.Role;
import vn.bantin.account.TestAccounts;
import vn.bantin.account.TestApiTokens;
import vn.bantin.content.Channel;
import vn.bantin.content.TestPublishedItems;
import vn.bantin.mailroom.Mailroom;
import vn.bantin.publishing.Handover;
import vn.bantin.publishing.Publications;
import vn.bantin.subscription.Audience;
import vn.bantin.subscription.TestSubscribers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static vn.bantin.account.TestApiTokens.as;

/**
 * Staff read mail meant for residents (the outbox in the embedded default, a send's
 * deliveries on the page and in the API) without ever getting a resident's token they
 * could use: a confirmation mail and a list letter go out for real, then every staff role
 * looks at every view of them, and whatever looks like a token there is tried on the
 * residents' pages, where it must fail. The raw file is for administrators only; the
 * addresses and names are shown exactly to the roles of {@link ResidentAddresses}.
 */
@BantinWebTest
class ResidentTokensInStaffViewsTests {

	private static final AtomicInteger counter = new AtomicInteger();

	/**
	 * A token in a link, or in the subject of the {@code mailto:} of List-Unsubscribe.
	 */
	private static final Pattern SHOWN_TOKEN = Pattern.compile("(?:token=|unsubscribe%20)([^&\"'\\s<>]+)");

	@Autowired
	MockMvc mvc;

	@Autowired
	Mailroom mailroom;

	@Autowired
	Mailings mailings;

	@Autowired
	Publications publications;

	@Autowired
	Handover handover;

	@Autowired
	TestSubscribers subscribers;

	@Autowired
	TestPublishedItems items;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestApiTokens apiTokens;

	@Autowired
	Audience audience;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void noStaffViewShowsAUsableResidentTokenTheRawFileIsForAdminsAndAddressesForEditorsAndAdmins() throws Exception {
		int n = counter.incrementAndGet();
		// a resident signs up: a confirmation mail with a confirm token
		String pending = "cho-xac-nhan-" + n + "@example.vn";
		this.mvc
			.perform(post("/subscribe").param("email", pending)
				.param("lists", "nguoi-dan-cchc")
				.with(SignIn.from(SignIn.newAddress())))
			.andReturn();
		// two residents get a list letter: unsubscribe tokens in the header, text and
		// HTML
		String list = "thu-ma-" + n;
		List<Long> ids = this.subscribers.confirmed(list, 2);
		List<String> addresses = this.jdbc.queryForList("SELECT address FROM subscriber WHERE id IN (?, ?) ORDER BY id",
				String.class, ids.get(0), ids.get(1));
		long mailingId = sent(list);

		List<String> files = new ArrayList<>(this.jdbc.queryForList(
				"SELECT last_answer FROM delivery WHERE mailing_id = ? ORDER BY id", String.class, mailingId));
		files.add(outboxFileTo(pending));
		Set<String> realTokens = new LinkedHashSet<>();
		for (String file : files) {
			realTokens.addAll(tokensIn(decoded(outbox().resolve(file))));
		}
		assertThat(realTokens).as("the confirm token and the letters' two unsubscribe tokens").hasSize(3);

		for (Role role : List.of(Role.EDITOR, Role.APPROVER, Role.ADMIN)) {
			MockHttpSession session = this.accounts.signedIn(role);
			String apiToken = this.apiTokens.token(role);
			Map<String, String> views = new LinkedHashMap<>();
			views.put("outbox", page(get("/admin/outbox"), session));
			for (String file : files) {
				views.put(file, page(get("/admin/outbox/" + file), session));
				views.put(file + "/html", page(get("/admin/outbox/" + file + "/html"), session));
			}
			views.put("sends page", page(get("/admin/sends/" + mailingId), session));
			views.put("deliveries API",
					page(as(get("/api/sends/" + mailingId + "/deliveries"), apiToken).header("Accept-Language", "vi"),
							null));

			views.forEach((view, body) -> assertThat(body).as("%s as %s", view, role)
				.doesNotContain(realTokens.toArray(String[]::new)));
			assertThat(views.get(files.get(0))).as("the letter's links are shown, masked")
				.contains("/unsubscribe?token=•••", "unsubscribe%20•••");
			assertThat(views.get(files.get(2))).contains("/subscribe/confirm?token=•••");
			for (String body : views.values()) {
				for (String shown : tokensIn(body)) {
					triedAndRefused(shown);
				}
			}
			assertThat(this.jdbc.queryForObject("SELECT status FROM subscriber WHERE address_key = ?", String.class,
					pending))
				.isEqualTo("PENDING");
			assertThat(this.audience.recipients(list)).hasSize(2);

			int raw = this.mvc.perform(get("/admin/outbox/" + files.get(0) + "/raw").session(session))
				.andReturn()
				.getResponse()
				.getStatus();
			assertThat(raw).as("raw file for %s", role).isEqualTo((role == Role.ADMIN) ? 200 : 403);

			boolean seesAddresses = ResidentAddresses.SEEN_BY.contains(role);
			assertThat(seesAddresses).isEqualTo(role != Role.APPROVER);
			String deliveries = views.get("deliveries API");
			List<String> shownAddresses = JsonPath.read(deliveries, "$.deliveries[*].address");
			List<String> shownNames = JsonPath.read(deliveries, "$.deliveries[*].name");
			if (seesAddresses) {
				assertThat(shownAddresses).containsExactlyInAnyOrderElementsOf(addresses);
				assertThat(views.get("sends page")).contains(addresses.get(0), addresses.get(1));
				assertThat(views.get(files.get(0))).contains(addresses.get(0), "Người đọc 1");
				assertThat(views.get("outbox")).contains(addresses.get(0), pending);
			}
			else {
				assertThat(shownAddresses).allMatch((a) -> a.matches("r•••@example\\.vn"));
				assertThat(shownNames).containsOnlyNulls();
				views.forEach((view, body) -> assertThat(body).as("%s as %s", view, role)
					.doesNotContain(addresses.get(0), addresses.get(1), pending, "Người đọc 1", "Người đọc 2"));
				assertThat(views.get("outbox")).contains("r•••@example.vn", "c•••@example.vn");
			}
			// the same roles may read a list's subscribers
			int listApi = this.mvc.perform(as(get("/api/lists/nguoi-dan-cchc/subscribers"), apiToken))
				.andReturn()
				.getResponse()
				.getStatus();
			assertThat(listApi).as("subscribers API for %s", role).isEqualTo(seesAddresses ? 200 : 403);
		}

		MockHttpSession operator = this.accounts.signedIn(Role.OPERATOR);
		for (String path : List.of("/admin/outbox", "/admin/outbox/" + files.get(0),
				"/admin/outbox/" + files.get(0) + "/html", "/admin/outbox/" + files.get(0) + "/raw",
				"/admin/sends/" + mailingId)) {
			assertThat(this.mvc.perform(get(path).session(operator)).andReturn().getResponse().getStatus()).as(path)
				.isEqualTo(403);
		}
		assertThat(this.mvc
			.perform(as(get("/api/sends/" + mailingId + "/deliveries"), this.apiTokens.token(Role.OPERATOR)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
	}

	/** What a page shows as a token does nothing on any of the residents' pages. */
	private void triedAndRefused(String shown) throws Exception {
		for (MockHttpServletRequestBuilder attempt : List.of(post("/subscribe/confirm").param("token", shown),
				get("/subscribe/confirm").param("token", shown), post("/unsubscribe").param("token", shown),
				get("/preferences").param("token", shown),
				post("/preferences").param("token", shown).param("lists", "nguoi-dan-cchc"))) {
			int status = this.mvc.perform(attempt).andReturn().getResponse().getStatus();
			assertThat(status).as("%s used", shown).isIn(400, 410);
		}
	}

	private long sent(String list) {
		String itemId = this.items.published(this.clock.instant().minus(Duration.ofMinutes(5)),
				"Thông báo lịch tiếp công dân tháng 12", "thu", Set.of(Channel.WEB, Channel.EMAIL));
		Publications.PublicationView publication = this.publications
			.record(itemId, Channel.EMAIL, list, this.clock.instant(), new Publications.Origin("thu-ma", null))
			.orElseThrow();
		this.handover.run(this.clock.instant());
		long id = this.mailings.existing("publication:" + publication.id()).orElseThrow();
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.until(() -> this.mailings.mailing(id).orElseThrow().status() == MailingStatus.COMPLETED);
		assertThat(this.mailings.mailing(id).orElseThrow().count(DeliveryStatus.SENT)).isEqualTo(2);
		return id;
	}

	private Path outbox() {
		return Path.of(this.mailroom.destination());
	}

	private String outboxFileTo(String address) throws Exception {
		try (Stream<Path> all = Files.walk(outbox())) {
			for (Path file : all.filter((p) -> p.toString().endsWith(".eml")).toList()) {
				if (Files.readString(file, StandardCharsets.UTF_8).contains("To: " + address)) {
					return outbox().relativize(file).toString().replace('\\', '/');
				}
			}
		}
		throw new AssertionError("no mail to " + address + " in " + outbox());
	}

	/** Every header and text part of the message, decoded. */
	private static String decoded(Path file) throws Exception {
		try (java.io.InputStream in = Files.newInputStream(file)) {
			jakarta.mail.internet.MimeMessage message = new jakarta.mail.internet.MimeMessage(
					jakarta.mail.Session.getInstance(new java.util.Properties()), in);
			StringBuilder all = new StringBuilder();
			java.util.Enumeration<jakarta.mail.Header> headers = message.getAllHeaders();
			while (headers.hasMoreElements()) {
				all.append(jakarta.mail.internet.MimeUtility.unfold(headers.nextElement().getValue())).append('\n');
			}
			appendText(message, all);
			return all.toString();
		}
	}

	private static void appendText(jakarta.mail.Part part, StringBuilder all) throws Exception {
		if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				appendText(multipart.getBodyPart(i), all);
			}
		}
		else if (part.getContent() instanceof String text) {
			all.append(text).append('\n');
		}
	}

	private static Set<String> tokensIn(String text) {
		Set<String> tokens = new LinkedHashSet<>();
		Matcher matcher = SHOWN_TOKEN.matcher(text);
		while (matcher.find()) {
			tokens.add(matcher.group(1));
		}
		return tokens;
	}

	private String page(MockHttpServletRequestBuilder request, MockHttpSession session) throws Exception {
		if (session != null) {
			request.session(session);
		}
		MvcResult result = this.mvc.perform(request).andReturn();
		assertThat(result.getResponse().getStatus()).as("%s", result.getRequest().getRequestURI()).isEqualTo(200);
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
