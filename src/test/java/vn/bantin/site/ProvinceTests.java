package vn.bantin.site;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.bantin.BantinWebTest;
import vn.bantin.MutableClock;
import vn.bantin.SignIn;
import vn.bantin.account.ProvinceStaff;
import vn.bantin.account.Role;
import vn.bantin.commune.Communes;
import vn.bantin.content.Channel;
import vn.bantin.content.TestPublishedItems;
import vn.bantin.system.CommuneTenancy;
import vn.bantin.system.CurrentCommune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A province of several communes on one deployment: each host shows its own commune, an
 * unknown host the list of communes, the province host the portal and its API; staff sign
 * in where their commune is. A context of its own: a province host makes the deployment a
 * province of many, which the shared context must not become.
 */
@BantinWebTest
@TestPropertySource(properties = { "bantin.province.host=tinh.example.vn", "bantin.province.name=Tỉnh Mẫu" })
class ProvinceTests {

	static final String PROVINCE = "tinh.example.vn";

	@Autowired
	MockMvc mvc;

	@Autowired
	Communes communes;

	@Autowired
	TestPublishedItems items;

	@Autowired
	ProvinceStaff staff;

	@Autowired
	MutableClock clock;

	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Autowired
	void jdbc(javax.sql.DataSource dataSource) {
		this.jdbc = vn.bantin.AllCommunes.jdbc(dataSource);
	}

	static RequestPostProcessor host(String host) {
		return (request) -> {
			request.setServerName(host);
			return request;
		};
	}

	static RequestPostProcessor admin() {
		String basic = Base64.getEncoder().encodeToString(("admin:" + SignIn.ADMIN_PASSWORD).getBytes());
		return (request) -> {
			request.addHeader("Authorization", "Basic " + basic);
			return request;
		};
	}

	private CurrentCommune.Scope commune(String key) {
		return this.communes.scope(key).orElseGet(() -> {
			this.communes.create(key, "UBND xã " + key, List.of(key + ".example.vn"), null);
			return this.communes.scope(key).orElseThrow();
		});
	}

	@BeforeEach
	void twoCommunes() {
		commune("xa-a");
		commune("xa-b");
	}

	@Test
	void eachHostShowsItsOwnItemsAndNeverTheOthers() throws Exception {
		Instant at = this.clock.instant().minusSeconds(60);
		String a = CurrentCommune.call(commune("xa-a"),
				() -> this.items.published(at, "Tin riêng xã A", "rieng", Set.of(Channel.WEB, Channel.FEED)));
		String b = CurrentCommune.call(commune("xa-b"),
				() -> this.items.published(at, "Tin riêng xã B", "rieng", Set.of(Channel.WEB, Channel.FEED)));
		this.mvc.perform(get("/items/{id}", CommuneTenancy.slug(a)).with(host("xa-a.example.vn")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Tin riêng xã A")));
		this.mvc.perform(get("/items/{id}", CommuneTenancy.slug(a)).with(host("xa-b.example.vn")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/items/{id}", CommuneTenancy.slug(b)).with(host("xa-a.example.vn")))
			.andExpect(status().isNotFound());
		String feedB = this.mvc.perform(get("/feeds/rss.xml").with(host("xa-b.example.vn")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(feedB).contains("Tin riêng xã B").doesNotContain("Tin riêng xã A");
	}

	@Test
	void anUnknownHostGetsTheListOfCommunesNotACommunesSite() throws Exception {
		this.mvc.perform(get("/").with(host("khong-biet.example.vn")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("xa-a.example.vn")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("xa-b.example.vn")));
		for (String path : List.of("/items", "/feeds/rss.xml", "/sitemap.xml", "/search?q=tin", "/feeds/podcast.xml")) {
			this.mvc.perform(get(path).with(host("khong-biet.example.vn")))
				.andExpect(status().isNotFound())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("UBND xã xa-a")));
		}
		this.mvc.perform(post("/subscribe").with(host("khong-biet.example.vn"))).andExpect(status().isNotFound());
	}

	@Test
	void theProvincePortalListsPublishedItemsOfEveryCommuneAndNoDraft() throws Exception {
		Instant at = this.clock.instant().minusSeconds(30);
		CurrentCommune.run(commune("xa-a"),
				() -> this.items.published(at, "Cổng: tin xã A", "cong", Set.of(Channel.WEB, Channel.FEED)));
		CurrentCommune.run(commune("xa-b"),
				() -> this.items.published(at, "Cổng: tin xã B", "cong", Set.of(Channel.WEB, Channel.FEED)));
		CurrentCommune.run(commune("xa-b"), () -> this.items.submitted("Cổng: bản nháp xã B", "nv"));
		String portal = this.mvc.perform(get("/").with(host(PROVINCE)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(portal).contains("Tỉnh Mẫu", "Cổng: tin xã A", "Cổng: tin xã B", "UBND xã xa-a", "UBND xã xa-b")
			.doesNotContain("bản nháp");
		String rss = this.mvc.perform(get("/province/rss.xml").with(host(PROVINCE)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(rss).contains("Cổng: tin xã A", "Cổng: tin xã B").doesNotContain("bản nháp");
		this.mvc.perform(get("/province/atom.xml").with(host(PROVINCE))).andExpect(status().isOk());
		this.mvc.perform(get("/province").with(host("xa-a.example.vn"))).andExpect(status().isNotFound());
	}

	@Test
	void staffOfOneCommuneSigningInOnAnothersHostAreToldWhereToGo() throws Exception {
		this.staff.grant(commune("xa-a"), "can-bo-a", "mat-khau-rat-dai-123", Set.of(Role.EDITOR));
		MvcResult refused = this.mvc
			.perform(post("/login").param("username", "can-bo-a")
				.param("password", "mat-khau-rat-dai-123")
				.with(csrf())
				.with(SignIn.from(SignIn.newAddress()))
				.with(host("xa-b.example.vn")))
			.andExpect(redirectedUrl("/login?elsewhere=" + commune("xa-a").id()))
			.andReturn();
		assertThat(refused.getRequest().getSession(false) == null
				|| refused.getRequest().getSession(false).getAttribute("SPRING_SECURITY_CONTEXT") == null)
			.isTrue();
		this.mvc.perform(get("/login?elsewhere=" + commune("xa-a").id()).with(host("xa-b.example.vn")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("https://xa-a.example.vn")));
		MvcResult in = this.mvc
			.perform(post("/login").param("username", "can-bo-a")
				.param("password", "mat-khau-rat-dai-123")
				.with(csrf())
				.with(SignIn.from(SignIn.newAddress()))
				.with(host("xa-a.example.vn")))
			.andExpect(redirectedUrl("/admin"))
			.andReturn();
		var session = (org.springframework.mock.web.MockHttpSession) in.getRequest().getSession(false);
		this.mvc.perform(get("/admin").session(session).with(host("xa-a.example.vn"))).andExpect(status().isOk());
		// the same session cookie carried to another commune's host brings no role there
		this.mvc.perform(get("/admin").session(session).with(host("xa-b.example.vn")))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void theProvinceApiCreatesCommunesAndTheirStaff() throws Exception {
		String json = "{\"key\":\"xa-api-1\",\"name\":\"UBND xã Một\",\"hosts\":[\"mot.example.vn\"]}";
		this.mvc
			.perform(post("/api/province/communes").contentType(MediaType.APPLICATION_JSON)
				.content(json)
				.with(admin())
				.with(host(PROVINCE)))
			.andExpect(status().isCreated());
		this.mvc
			.perform(post("/api/province/communes").contentType(MediaType.APPLICATION_JSON)
				.content("{\"key\":\"xa-api-2\",\"name\":\"UBND xã Hai\",\"hosts\":[\"hai.example.vn\"]}")
				.with(admin())
				.with(host(PROVINCE)))
			.andExpect(status().isCreated());
		this.mvc
			.perform(post("/api/province/communes").contentType(MediaType.APPLICATION_JSON)
				.content(json)
				.with(admin())
				.with(host(PROVINCE)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.field").value("key"));
		this.mvc
			.perform(post("/api/province/communes").contentType(MediaType.APPLICATION_JSON)
				.content("{\"key\":\"Xa Sai\",\"name\":\"x\",\"hosts\":[]}")
				.with(admin())
				.with(host(PROVINCE)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("key"));
		this.mvc
			.perform(post("/api/province/communes").contentType(MediaType.APPLICATION_JSON)
				.content("{\"key\":\"xa-api-3\",\"name\":\"x\",\"hosts\":[\"hai.example.vn\"]}")
				.with(admin())
				.with(host(PROVINCE)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.field").value("hosts"));
		this.mvc
			.perform(post("/api/province/communes/xa-api-1/users").contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"qt-mot\",\"password\":\"mat-khau-rat-dai-123\",\"roles\":[\"ADMIN\"]}")
				.with(admin())
				.with(host(PROVINCE)))
			.andExpect(status().isCreated());
		this.mvc.perform(get("/api/province/communes").with(admin()).with(host(PROVINCE)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.communes[?(@.key=='xa-api-1')].hosts[0]").value("mot.example.vn"))
			.andExpect(jsonPath("$.communes[?(@.key=='xa-api-2')].name").value("UBND xã Hai"));
		this.mvc
			.perform(post("/login").param("username", "qt-mot")
				.param("password", "mat-khau-rat-dai-123")
				.with(csrf())
				.with(SignIn.from(SignIn.newAddress()))
				.with(host("mot.example.vn")))
			.andExpect(redirectedUrl("/admin"));
		// a commune's staff are not province administrators
		String basic = Base64.getEncoder().encodeToString("qt-mot:mat-khau-rat-dai-123".getBytes());
		this.mvc.perform(get("/api/province/communes").header("Authorization", "Basic " + basic).with(host(PROVINCE)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/province/communes").with(host(PROVINCE))).andExpect(status().isUnauthorized());
	}

	@Test
	void aProvinceViewerReadsButChangesNothing() throws Exception {
		this.staff.grant(commune("xa-a"), "xem-tinh", "mat-khau-rat-dai-123", Set.of(Role.EDITOR));
		this.staff.assignProvinceRole("xem-tinh", vn.bantin.account.ProvinceRole.PROVINCE_VIEWER);
		MvcResult in = this.mvc
			.perform(post("/login").param("username", "xem-tinh")
				.param("password", "mat-khau-rat-dai-123")
				.with(csrf())
				.with(SignIn.from(SignIn.newAddress()))
				.with(host(PROVINCE)))
			.andExpect(redirectedUrl("/choose-commune"))
			.andReturn();
		var session = (org.springframework.mock.web.MockHttpSession) in.getRequest().getSession(false);
		this.mvc.perform(get("/admin/province/communes").session(session).with(host(PROVINCE)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("xa-b.example.vn")));
		this.mvc
			.perform(post("/admin/province/communes").param("key", "xa-xem")
				.param("name", "UBND xã Xem")
				.session(session)
				.with(csrf())
				.with(host(PROVINCE)))
			.andExpect(status().isForbidden());
		assertThat(this.communes.scope("xa-xem")).isEmpty();
		this.mvc
			.perform(post("/admin/province/communes/xa-a/archive").session(session).with(csrf()).with(host(PROVINCE)))
			.andExpect(status().isForbidden());
		// the viewer chooses a commune: the chooser lists them all
		this.mvc.perform(get("/choose-commune").session(session).with(host(PROVINCE)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("UBND xã xa-a")));
	}

	@Test
	void aCommunesAdministratorNeitherLocksOutNorTakesOverAColleagueWhoAlsoWorksInAnotherCommune() throws Exception {
		String password = "mat-khau-rat-dai-123";
		this.staff.grant(commune("xa-a"), "qt-chung-a", password, Set.of(Role.ADMIN));
		this.staff.grant(commune("xa-a"), "can-bo-hai-xa", password, Set.of(Role.EDITOR));
		this.staff.grant(commune("xa-b"), "can-bo-hai-xa", password, Set.of(Role.ADMIN));
		long colleague = this.jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'can-bo-hai-xa'",
				Long.class);
		var adminOfA = signIn("qt-chung-a", password, "xa-a.example.vn");
		// disabling, renaming: refused, with the reason on the field
		for (String[] change : new String[][] { { "enabled", "false", "Tên cũ" }, { "enabled", "true", "Tên mới" } }) {
			this.mvc
				.perform(post("/admin/users/{id}", colleague).param("displayName", change[2])
					.param("roles", "EDITOR")
					.param(change[0], change[1])
					.session(adminOfA)
					.with(csrf())
					.with(host("xa-a.example.vn")))
				.andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("chỉ quản trị cấp tỉnh")));
		}
		// a password reset would hand A's administrator B's administrator account
		this.mvc
			.perform(post("/admin/users/{id}/password", colleague).session(adminOfA)
				.with(csrf())
				.with(host("xa-a.example.vn")))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("refused", "account.error.shared-account"));
		assertThat(this.jdbc.queryForObject("SELECT enabled FROM app_user WHERE id = ?", Boolean.class, colleague))
			.isTrue();
		// still signs in on B's host with the same password, still B's administrator
		var onB = signIn("can-bo-hai-xa", password, "xa-b.example.vn");
		this.mvc.perform(get("/admin/users").session(onB).with(host("xa-b.example.vn"))).andExpect(status().isOk());
		// the roles held in A are A's administrator's to change
		this.mvc
			.perform(post("/admin/users/{id}", colleague).param("roles", "APPROVER")
				.param("enabled", "true")
				.session(adminOfA)
				.with(csrf())
				.with(host("xa-a.example.vn")))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForList("SELECT commune_id, role FROM app_user_grant WHERE user_id = ? ORDER BY 1, 2",
				colleague))
			.extracting((row) -> ((Number) row.get("COMMUNE_ID")).longValue() + " " + row.get("ROLE"))
			.containsExactly(commune("xa-a").id() + " APPROVER", commune("xa-b").id() + " ADMIN");
		// nor the account of a province administrator who holds a role in A only
		this.staff.grant(commune("xa-a"), "qt-tinh-o-xa-a", password, Set.of(Role.EDITOR));
		this.staff.assignProvinceRole("qt-tinh-o-xa-a", vn.bantin.account.ProvinceRole.PROVINCE_ADMIN);
		long provinceAdmin = this.jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'qt-tinh-o-xa-a'",
				Long.class);
		this.mvc
			.perform(post("/admin/users/{id}/password", provinceAdmin).session(adminOfA)
				.with(csrf())
				.with(host("xa-a.example.vn")))
			.andExpect(flash().attribute("refused", "account.error.shared-account"));
		signIn("qt-tinh-o-xa-a", password, "xa-a.example.vn");
	}

	private org.springframework.mock.web.MockHttpSession signIn(String username, String password, String host)
			throws Exception {
		return (org.springframework.mock.web.MockHttpSession) this.mvc
			.perform(post("/login").param("username", username)
				.param("password", password)
				.with(csrf())
				.with(SignIn.from(SignIn.newAddress()))
				.with(host(host)))
			.andExpect(redirectedUrl("/admin"))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

}
