package vn.bantin;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.jayway.jsonpath.JsonPath;
import jakarta.mail.internet.MimeMessage;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import vn.bantin.account.ProvinceRole;
import vn.bantin.account.ProvinceStaff;
import vn.bantin.account.Role;
import vn.bantin.commune.Communes;
import vn.bantin.mailroom.Mailroom;
import vn.bantin.content.Channel;
import vn.bantin.content.Priority;
import vn.bantin.content.TestItems;
import vn.bantin.content.TestPublishedItems;
import vn.bantin.system.CommuneTenancy;
import vn.bantin.system.CurrentCommune;
import vn.bantin.timetable.Campaign;
import vn.bantin.timetable.CampaignOrder;
import vn.bantin.timetable.Recurrence;
import vn.bantin.timetable.Slot;
import vn.bantin.timetable.SlotKind;
import vn.bantin.timetable.Timetable;
import vn.bantin.timetable.Timetables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Two communes on one deployment, walked through every {@code /admin} and {@code /api}
 * route the application maps (read from its handler mappings, like the route-by-role
 * walk, so a new route is covered the day it exists), with commune B's object ids and
 * keys in every path variable:
 * <ul>
 * <li>A's administrator (session) and A's API token, on A's host, never see anything of
 * B's, and a read of B's object is answered 404 (or refused) — never a page or JSON of
 * it;</li>
 * <li>on B's host, A's session and A's token are strangers: 401, 403 or the sign-in
 * page;</li>
 * <li>a province viewer reads and changes nothing: every changing route is refused;</li>
 * <li>after all of it, every row of B's is exactly as it was.</li>
 * </ul>
 * Public pages, feeds, search, sitemap and calendar of each commune show its own items
 * only, the same slug in both communes working on both.
 */
@BantinWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = { "bantin.province.host=tinh.example.vn", "bantin.province.name=Tỉnh Mẫu" })
class CommunesAreSealedTests {

	static final String HOST_A = "xa-a.example.vn";

	static final String HOST_B = "xa-b.example.vn";

	static final String PROVINCE = "tinh.example.vn";

	/** In every text of B's: a page or JSON holding it shows B's data. */
	static final String SECRET_B = "BiMatCuaXaB";

	static final String SECRET_A = "RiengCuaXaA";

	static final String PASSWORD = "mat-khau-rat-dai-123";

	private static final Pattern PATH_VARIABLE = Pattern.compile("\\{[^}]+}");

	/** The tables whose rows belong to a commune (they carry commune_id). */
	private static final List<String> COMMUNE_TABLES = List.of("plan", "item", "item_event", "item_revision",
			"api_token", "publication", "calendar_token", "timetable_entry", "subscriber", "subscription",
			"suppression", "mailing", "delivery", "radio_audio", "radio_as_run", "radio_token");

	@Autowired
	MockMvc mvc;

	@Autowired
	Communes communes;

	@Autowired
	ProvinceStaff staff;

	@Autowired
	TestPublishedItems items;

	@Autowired
	MutableClock clock;

	@Autowired
	Mailroom mailroom;

	@Autowired
	Timetables timetables;

	@Autowired
	TestItems approvedItems;

	@Autowired
	List<RequestMappingHandlerMapping> handlerMappings;

	JdbcTemplate jdbc;

	CurrentCommune.Scope a;

	CurrentCommune.Scope b;

	/** The slug of an item only B has. */
	String onlyInB;

	/** B's ids and keys, as a request would name them. */
	final Set<String> idsOfB = new LinkedHashSet<>();

	@Autowired
	void jdbc(DataSource dataSource) {
		this.jdbc = AllCommunes.jdbc(dataSource);
	}

	@BeforeEach
	void twoCommunesWithTheSameSlugAndThingsOfTheirOwn() throws Exception {
		this.a = commune("xa-a", HOST_A);
		this.b = commune("xa-b", HOST_B);
		if (!this.idsOfB.isEmpty()) {
			return;
		}
		Instant at = this.clock.instant().minusSeconds(120);
		// the same title, so the same slug, in both communes
		String itemOfA = CurrentCommune.call(this.a, () -> this.items.published(at, "Thông báo chung", SECRET_A,
				SECRET_A, "Nội dung " + SECRET_A + ".", List.of(), List.of("chung"), null, null));
		String itemOfB = CurrentCommune.call(this.b, () -> this.items.published(at, "Thông báo chung", SECRET_B,
				SECRET_B, "Nội dung " + SECRET_B + ".", List.of(), List.of("chung"), null, null));
		assertThat(CommuneTenancy.slug(itemOfA)).isEqualTo(CommuneTenancy.slug(itemOfB));
		String draftOfB = CurrentCommune.call(this.b, () -> this.items.submitted("Bản nháp " + SECRET_B, "nv-b"));
		String onlyInB = CurrentCommune.call(this.b,
				() -> this.items.published(at, "Tin riêng " + SECRET_B, "rieng-b", Set.of(Channel.WEB, Channel.FEED)));
		this.onlyInB = CommuneTenancy.slug(onlyInB);
		this.staff.grant(this.a, "qt-xa-a", PASSWORD, Set.of(Role.values()));
		this.staff.grant(this.b, "qt-xa-b", PASSWORD, Set.of(Role.values()));
		this.staff.grant(this.communes.defaultScope(), "xem-tinh", PASSWORD, Set.of(Role.EDITOR));
		this.staff.assignProvinceRole("xem-tinh", ProvinceRole.PROVINCE_VIEWER);
		this.jdbc.update("INSERT INTO subscriber (commune_id, address, address_key, name, status, consent_source,"
				+ " consent_at, created_at) VALUES (?, 'dan-b@example.vn', 'dan-b@example.vn', ?, 'CONFIRMED', 'test',"
				+ " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", this.b.id(), SECRET_B);
		long subscriberOfB = this.jdbc.queryForObject(
				"SELECT id FROM subscriber WHERE commune_id = ? AND address_key = 'dan-b@example.vn'", Long.class,
				this.b.id());
		token("qt-xa-b", HOST_B);
		// a letter of B's in the outbox (no SMTP server in tests): A's outbox pages never
		// list it
		CurrentCommune.run(this.b, () -> {
			try (Mailroom.Round round = this.mailroom.open()) {
				MimeMessage letter = this.mailroom.newMessage();
				letter.setFrom("ubnd@xa-b.example.vn");
				letter.setRecipients(jakarta.mail.Message.RecipientType.TO, "dan-b@example.vn");
				letter.setSubject("Thư " + SECRET_B, "UTF-8");
				letter.setText("Nội dung " + SECRET_B, "UTF-8");
				round.send(letter);
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		});
		for (String id : List.of(itemOfB, draftOfB, onlyInB)) {
			this.idsOfB.add(id);
			this.idsOfB.add(CommuneTenancy.slug(id));
		}
		this.idsOfB.remove(CommuneTenancy.slug(itemOfB)); // A has the same slug: its own
															// item
		this.idsOfB.add(Long.toString(subscriberOfB));
		for (String table : COMMUNE_TABLES) {
			if (!table.equals("suppression")) {
				this.idsOfB.addAll(this.jdbc.queryForList(
						"SELECT CAST(id AS VARCHAR(200)) FROM " + table + " WHERE commune_id = ? ORDER BY id",
						String.class, this.b.id()));
			}
		}
		this.idsOfB.addAll(this.jdbc.queryForList(
				"SELECT CAST(id AS VARCHAR(200)) FROM app_user" + " WHERE username IN ('qt-xa-b', 'xem-tinh')",
				String.class));
		this.idsOfB.add(this.b.key());
	}

	@Test
	void aCommunesStaffAndTokensNeitherSeeNorChangeAnotherCommunesThings() throws Exception {
		String fingerprint = fingerprintOf(this.b);
		MockHttpSession adminOfA = signIn("qt-xa-a", HOST_A);
		String tokenOfA = token("qt-xa-a", HOST_A);
		List<Route> routes = routes();
		assertThat(routes).as("admin and API routes found").hasSizeGreaterThan(50);
		SoftAssertions softly = new SoftAssertions();
		int walked = 0;
		for (Route route : routes) {
			for (String id : route.hasVariables() ? this.idsOfB : Set.of("")) {
				MockHttpServletResponse own = perform(route, id, HOST_A,
						route.api() ? bearer(tokenOfA) : session(adminOfA));
				walked++;
				softly.assertThat(own.getContentAsString())
					.as("%s with B's %s, as A on A's host (%d)", route, id, own.getStatus())
					.doesNotContain(SECRET_B);
				if (route.hasVariables() && route.method() == HttpMethod.GET && !isIdOfA(id)) {
					softly.assertThat(own.getStatus())
						.as("%s with B's %s, as A on A's host: B's thing is not found here", route, id)
						.isIn(400, 403, 404, 405);
				}
				MockHttpServletResponse there = perform(route, id, HOST_B,
						route.api() ? bearer(tokenOfA) : session(adminOfA));
				softly.assertThat(refused(there))
					.as("%s with %s, as A on B's host: got %d %s", route, id, there.getStatus(),
							there.getRedirectedUrl())
					.isTrue();
				softly.assertThat(there.getContentAsString()).doesNotContain(SECRET_B);
			}
		}
		softly.assertAll();
		assertThat(walked).isGreaterThan(100);
		assertThat(fingerprintOf(this.b)).as("every row of B's, after A walked every route").isEqualTo(fingerprint);
	}

	@Test
	void aProvinceViewerChangesNothingAnywhere() throws Exception {
		String fingerprintOfB = fingerprintOf(this.b);
		String fingerprintOfA = fingerprintOf(this.a);
		// on the province host, in commune B (the viewer holds no role there)
		MockHttpSession viewer = signIn("xem-tinh", PROVINCE);
		this.mvc
			.perform(post("/choose-commune").param("commune", this.b.key())
				.session(viewer)
				.with(csrf())
				.with(host(PROVINCE)))
			.andExpect(status().is3xxRedirection());
		assertThat(this.mvc.perform(get("/admin/agenda").session(viewer).with(host(PROVINCE)))
			.andReturn()
			.getResponse()
			.getStatus()).as("the viewer reads B's agenda").isEqualTo(200);
		SoftAssertions softly = new SoftAssertions();
		for (Route route : routes()) {
			if (route.method() == HttpMethod.GET || route.api()) {
				continue;
			}
			for (String host : List.of(PROVINCE, HOST_A, HOST_B)) {
				for (String id : route.hasVariables() ? this.idsOfB : Set.of("")) {
					MockHttpServletResponse response = perform(route, id, host, session(viewer));
					softly.assertThat(refused(response))
						.as("%s with %s as a province viewer on %s: got %d %s", route, id, host, response.getStatus(),
								response.getRedirectedUrl())
						.isTrue();
				}
			}
		}
		softly.assertAll();
		assertThat(fingerprintOf(this.b)).isEqualTo(fingerprintOfB);
		assertThat(fingerprintOf(this.a)).isEqualTo(fingerprintOfA);
	}

	@Test
	void publicPagesOfEachCommuneShowItsOwnItemsWithTheSameSlug() throws Exception {
		String slug = "thong-bao-chung";
		for (String[] pair : new String[][] { { HOST_A, SECRET_A, SECRET_B }, { HOST_B, SECRET_B, SECRET_A } }) {
			String page = body(get("/items/{slug}", slug), pair[0], 200);
			assertThat(page).contains(pair[1]).doesNotContain(pair[2]);
			for (String path : List.of("/", "/items", "/feeds/rss.xml", "/feeds/atom.xml", "/sitemap.xml",
					"/search?q=thong+bao", "/tags/chung", "/feeds/podcast.xml")) {
				MockHttpServletResponse response = this.mvc.perform(get(path).with(host(pair[0])))
					.andReturn()
					.getResponse();
				assertThat(response.getContentAsString()).as("%s on %s", path, pair[0])
					.doesNotContain(pair[2])
					.doesNotContainPattern("/(items|plans|procedures)/\\d+(~|%7E)");
			}
		}
		// links in feeds and the sitemap are on each commune's own site address, whatever
		// address the request came through (a proxy's plain http here)
		for (String host : List.of(HOST_A, HOST_B)) {
			assertThat(body(get("/feeds/rss.xml"), host, 200))
				.contains("<link>https://" + host + "/items/" + slug + "</link>")
				.contains("href=\"https://" + host + "/feeds/rss.xml\"");
			assertThat(body(get("/sitemap.xml"), host, 200)).contains("<loc>https://" + host + "/items/" + slug);
			assertThat(body(get("/robots.txt"), host, 200)).contains("Sitemap: https://" + host + "/sitemap.xml");
		}
		// B's own items and drafts are nowhere on A's site
		for (String id : this.idsOfB) {
			assertThat(
					this.mvc.perform(get("/items/{id}", id).with(host(HOST_A))).andReturn().getResponse().getStatus())
				.as("/items/%s on A's host", id)
				.isEqualTo(404);
		}
		// a search echoes the words asked for, but finds B's item only on B's site
		assertThat(body(get("/search?q=" + SECRET_B), HOST_A, 200)).doesNotContain(this.onlyInB);
		assertThat(body(get("/search?q=" + SECRET_B), HOST_B, 200)).contains(this.onlyInB);
	}

	@Test
	void aCommunesCalendarAndPlaylistSecretsAnswerOnlyOnItsOwnHost() throws Exception {
		// both communes have a bulletin coming: a refusal is the secret's, not an empty
		// programme's
		Slot morning = new Slot("radio-sang", "Bản tin sáng", Channel.RADIO, SlotKind.TIMED,
				Recurrence.at(LocalTime.of(6, 0)).withDays(DayOfWeek.values()), Duration.ofMinutes(30), Set.of(), null,
				null);
		Campaign daily = new Campaign("moi-ngay", "Mỗi ngày", null, List.of(), null, null, null, List.of("radio-sang"),
				null, null, null, null, null, CampaignOrder.OLDEST, null);
		for (CurrentCommune.Scope scope : List.of(this.a, this.b)) {
			CurrentCommune.run(scope, () -> {
				this.timetables.define("test", new Timetable(List.of(), List.of(), List.of(morning), List.of(daily)),
						List.of());
				this.approvedItems.approvedNews("Tin phát thanh " + scope.key(), List.of(), List.of(), Priority.NORMAL,
						null, null, Set.of(Channel.RADIO));
			});
		}
		MockHttpSession adminOfB = signIn("qt-xa-b", HOST_B);
		String calendar = issued(
				post("/admin/agenda/calendars").param("channel", "RADIO").param("label", "Điện thoại " + SECRET_B),
				adminOfB, "feedUrl");
		String playlist = issued(post("/admin/radio/playlists/tokens").param("label", "Máy phát " + SECRET_B), adminOfB,
				"issued");
		assertThat(calendar).as("the calendar address shown once").contains("/calendar/");
		assertThat(playlist).as("the playlist address shown once").contains("/radio/");
		String calendarPath = java.net.URI.create(calendar).getPath();
		String playlistPath = java.net.URI.create(playlist).getPath();
		String json = playlistPath.replace("current.m3u8", "current.json");
		for (String path : List.of(calendarPath, playlistPath, json)) {
			assertThat(this.mvc.perform(get(path).with(host(HOST_B))).andReturn().getResponse().getStatus())
				.as("%s on B's own host", path)
				.isEqualTo(200);
			assertThat(this.mvc.perform(get(path).with(host(HOST_A))).andReturn().getResponse().getStatus())
				.as("B's secret %s on A's host", path)
				.isEqualTo(404);
		}
		assertThat(java.net.URI.create(playlist).getHost()).as("the playlist address is B's own site")
			.isEqualTo(HOST_B);
	}

	/** The address a form on B's admin pages shows once after making a secret. */
	private String issued(MockHttpServletRequestBuilder form, MockHttpSession session, String shownAs)
			throws Exception {
		return (String) this.mvc.perform(form.session(session).with(csrf()).with(host(HOST_B)))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getFlashMap()
			.get(shownAs);
	}

	private String body(MockHttpServletRequestBuilder request, String host, int status) throws Exception {
		return this.mvc.perform(request.with(host(host)))
			.andExpect(status().is(status))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private MockHttpServletResponse perform(Route route, String id, String host, RequestPostProcessor who)
			throws Exception {
		String path = PATH_VARIABLE.matcher(route.pattern()).replaceAll(Matcher.quoteReplacement(id));
		MockHttpServletRequestBuilder request = request(route.method(), path).with(host(host))
			.with(SignIn.from(SignIn.newAddress()))
			.with(who);
		if (route.method() != HttpMethod.GET) {
			request.with(csrf());
			if (route.api()) {
				request.contentType(MediaType.APPLICATION_JSON).content("{}");
			}
		}
		try {
			return this.mvc.perform(request).andReturn().getResponse();
		}
		catch (Exception ex) {
			// the request failed on its empty input, past every check: it saw nothing of
			// B's
			MockHttpServletResponse failed = new MockHttpServletResponse();
			failed.setStatus(500);
			return failed;
		}
	}

	/** Turned away: not signed in here, not allowed, or not found. */
	private static boolean refused(MockHttpServletResponse response) {
		int status = response.getStatus();
		String location = response.getRedirectedUrl();
		return status == 401 || status == 403 || status == 404 || status == 405
				|| (status == 302 && location != null && location.contains("/login"));
	}

	/**
	 * Whether {@code id} also names a row of A's (ids are unique per table, not per
	 * province).
	 */
	private boolean isIdOfA(String id) {
		for (String table : COMMUNE_TABLES) {
			if (table.equals("suppression")) {
				continue;
			}
			Integer found = this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM " + table + " WHERE commune_id = ? AND CAST(id AS VARCHAR(200)) = ?",
					Integer.class, this.a.id(), id);
			if (found != null && found > 0) {
				return true;
			}
		}
		return this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM app_user_grant WHERE commune_id = ?" + " AND CAST(user_id AS VARCHAR(200)) = ?",
				Integer.class, this.a.id(), id) > 0;
	}

	/** Every row of every commune-owned table of {@code scope}'s commune, as text. */
	private String fingerprintOf(CurrentCommune.Scope scope) {
		StringBuilder rows = new StringBuilder();
		for (String table : COMMUNE_TABLES) {
			List<Map<String, Object>> found = this.jdbc
				.queryForList("SELECT * FROM " + table + " WHERE commune_id = ? ORDER BY 1, 2", scope.id());
			rows.append(table).append(' ').append(found).append('\n');
		}
		return rows.toString();
	}

	private CurrentCommune.Scope commune(String key, String host) {
		return this.communes.scope(key).orElseGet(() -> {
			this.communes.create(key, "UBND xã " + key, List.of(host), null);
			return this.communes.scope(key).orElseThrow();
		});
	}

	private MockHttpSession signIn(String username, String host) throws Exception {
		return (MockHttpSession) this.mvc
			.perform(post("/login").param("username", username)
				.param("password", PASSWORD)
				.with(csrf())
				.with(SignIn.from(SignIn.newAddress()))
				.with(host(host)))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getRequest()
			.getSession(false);
	}

	private String token(String username, String host) throws Exception {
		String json = this.mvc
			.perform(post("/api/tokens").with(httpBasic(username, PASSWORD))
				.with(SignIn.from(SignIn.newAddress()))
				.with(host(host))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"kiểm thử\",\"expiresInDays\":30}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(json, "$.token");
	}

	private static RequestPostProcessor host(String host) {
		return (request) -> {
			request.setServerName(host);
			return request;
		};
	}

	private static RequestPostProcessor session(MockHttpSession session) {
		return (request) -> {
			request.setSession(session);
			return request;
		};
	}

	private static RequestPostProcessor bearer(String token) {
		return (request) -> {
			request.addHeader("Authorization", "Bearer " + token);
			return request;
		};
	}

	/** Every /admin and /api route of a commune (not the province's own), by method. */
	private List<Route> routes() {
		Set<Route> routes = new TreeSet<>();
		for (RequestMappingHandlerMapping mapping : this.handlerMappings) {
			for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
				RequestMappingInfo info = entry.getKey();
				List<HttpMethod> methods = info.getMethodsCondition().getMethods().isEmpty()
						? List.of(HttpMethod.GET, HttpMethod.POST)
						: info.getMethodsCondition().getMethods().stream().map(RequestMethod::asHttpMethod).toList();
				for (String pattern : info.getPatternValues()) {
					boolean admin = pattern.equals("/admin") || pattern.startsWith("/admin/");
					boolean api = pattern.startsWith("/api/");
					if ((admin || api) && !pattern.startsWith("/admin/province")
							&& !pattern.startsWith("/api/province")) {
						for (HttpMethod method : methods) {
							routes.add(new Route(pattern, method, api));
						}
					}
				}
			}
		}
		return new ArrayList<>(routes);
	}

	record Route(String pattern, HttpMethod method, boolean api) implements Comparable<Route> {

		boolean hasVariables() {
			return this.pattern.contains("{");
		}

		@Override
		public int compareTo(Route other) {
			return toString().compareTo(other.toString());
		}

		@Override
		public String toString() {
			return this.method + " " + this.pattern;
		}

	}

}
