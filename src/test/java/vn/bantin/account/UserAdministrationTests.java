package vn.bantin.account;

import java.text.Normalizer;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import com.jayway.jsonpath.JsonPath;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

import vn.bantin.BantinWebTest;
import vn.bantin.system.RuleViolation;
import vn.bantin.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * An administrator manages users through the admin pages, posting the forms as a browser
 * does.
 */
@BantinWebTest
class UserAdministrationTests {

	static final String DISPLAY_NAME = "Nguyễn Văn Ánh";

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffDirectory directory;

	@Autowired
	StaffUserStore users;

	@Autowired
	ApiTokens tokens;

	/** A signed-in administrator of this test's own. */
	StaffUser admin;

	MockHttpSession session;

	@BeforeEach
	void administratorSignsIn() throws Exception {
		this.admin = this.directory.create(unique("boss"), "", "boss-password", Set.of(Role.ADMIN));
		this.session = SignIn.as(this.mvc, this.admin.getUsername(), "boss-password");
	}

	@Test
	void createsUserWithTwoRolesAndDecomposedNameStoredComposed() throws Exception {
		String username = unique("anh");
		MvcResult result = this.mvc
			.perform(newUser(username, Normalizer.normalize(DISPLAY_NAME, Normalizer.Form.NFD), "anh-password-1",
					"EDITOR", "APPROVER"))
			.andExpect(status().isFound())
			.andReturn();
		StaffUser created = stored(username);
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/users/" + created.getId());
		assertThat(created.getDisplayName()).isEqualTo(DISPLAY_NAME);
		assertThat(Normalizer.isNormalized(created.getDisplayName(), Normalizer.Form.NFC)).isTrue();
		assertThat(created.getRoles()).containsExactly(Role.EDITOR, Role.APPROVER);
		assertThat(created.isEnabled()).isTrue();
		this.mvc.perform(get("/admin/users").session(this.session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(DISPLAY_NAME)));
		MockHttpSession theirs = SignIn.as(this.mvc, username, "anh-password-1");
		this.mvc.perform(get("/admin").session(theirs)).andExpect(status().isOk());
	}

	@Test
	void formTextIsComposedBeforeTheControllerSeesIt() throws Exception {
		// the service would compose the display name itself: look at the bound form
		// instead, re-shown after a refusal
		MvcResult result = this.mvc
			.perform(newUser("Not Valid!", Normalizer.normalize(DISPLAY_NAME, Normalizer.Form.NFD), "anh-password-1",
					"EDITOR"))
			.andExpect(view().name("admin/users/form"))
			.andReturn();
		UserAdminController.UserForm form = (UserAdminController.UserForm) result.getModelAndView()
			.getModel()
			.get("form");
		assertThat(form.displayName()).isEqualTo(DISPLAY_NAME);
	}

	@Test
	void malformedUserNameIsRefusedBesideTheField() throws Exception {
		this.mvc.perform(newUser("Bad Name!", "", "long-enough-password", "EDITOR"))
			.andExpect(status().isOk())
			.andExpect(view().name("admin/users/form"))
			.andExpect(model().attributeHasFieldErrorCode("form", "username", "account.error.username-format"));
		assertThat(this.users.findByUsername("bad name!")).isEmpty();
	}

	@Test
	void takenUserNameIsRefusedBesideTheField() throws Exception {
		this.mvc.perform(newUser(this.admin.getUsername(), "", "long-enough-password", "EDITOR"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "username", "account.error.username-taken"));
	}

	@Test
	void shortPasswordIsRefusedBesideTheField() throws Exception {
		String username = unique("shorty");
		this.mvc.perform(newUser(username, "", "123456789", "EDITOR"))
			.andExpect(status().isOk())
			.andExpect(view().name("admin/users/form"))
			.andExpect(model().attributeHasFieldErrorCode("form", "password", "account.error.password-short"));
		assertThat(this.users.findByUsername(username)).isEmpty();
	}

	@Test
	void userWithoutRoleIsRefusedBesideTheField() throws Exception {
		String username = unique("roleless");
		this.mvc.perform(newUser(username, "", "long-enough-password"))
			.andExpect(status().isOk())
			.andExpect(view().name("admin/users/form"))
			.andExpect(model().attributeHasFieldErrorCode("form", "roles", "account.error.roles-empty"));
		assertThat(this.users.findByUsername(username)).isEmpty();
	}

	@Test
	void changesRolesAndNameOfAUser() throws Exception {
		StaffUser user = this.directory.create(unique("mover"), "", "mover-password", Set.of(Role.EDITOR));
		this.mvc.perform(editUser(user, "Trần Thị Bình", true, "OPERATOR", "APPROVER"))
			.andExpect(redirectedUrl("/admin/users/" + user.getId()));
		StaffUser changed = stored(user.getUsername());
		assertThat(changed.getRoles()).containsExactly(Role.APPROVER, Role.OPERATOR);
		assertThat(changed.getDisplayName()).isEqualTo("Trần Thị Bình");
		MockHttpSession theirs = SignIn.as(this.mvc, user.getUsername(), "mover-password");
		this.mvc.perform(get("/admin/users").session(theirs)).andExpect(status().isForbidden());
	}

	@Test
	void disabledUserCannotSignInAnyMore() throws Exception {
		StaffUser user = this.directory.create(unique("leaver"), "", "leaver-password", Set.of(Role.EDITOR));
		this.mvc.perform(editUser(user, "", false, "EDITOR")).andExpect(redirectedUrl("/admin/users/" + user.getId()));
		assertThat(stored(user.getUsername()).isEnabled()).isFalse();
		redirectedUrl("/login?error").match(SignIn.attempt(this.mvc, user.getUsername(), "leaver-password"));
	}

	@Test
	void resetPasswordIsShownOnceAndReplacesTheOldOne() throws Exception {
		StaffUser user = this.directory.create(unique("forgetful"), "", "forgotten-password", Set.of(Role.EDITOR));
		MvcResult result = this.mvc
			.perform(post("/admin/users/{id}/password", user.getId()).session(this.session).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(view().name("admin/users/password-reset"))
			.andReturn();
		String shown = (String) result.getModelAndView().getModel().get("newPassword");
		assertThat(shown).hasSizeGreaterThanOrEqualTo(StaffDirectory.MIN_PASSWORD_LENGTH);
		assertThat(result.getResponse().getContentAsString()).contains(">" + shown + "<");
		this.mvc.perform(get("/admin/users/{id}", user.getId()).session(this.session))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(shown))));
		redirectedUrl("/login?error").match(SignIn.attempt(this.mvc, user.getUsername(), "forgotten-password"));
		SignIn.as(this.mvc, user.getUsername(), shown);
	}

	@Test
	void disablingOrChangingRolesEndsTheUsersOpenSessionAtOnce() throws Exception {
		StaffUser editor = this.directory.create(unique("dang-nhap"), "", "editor-password", Set.of(Role.EDITOR));
		MockHttpSession theirs = SignIn.as(this.mvc, editor.getUsername(), "editor-password");
		this.mvc.perform(get("/admin").session(theirs)).andExpect(status().isOk());

		this.mvc.perform(editUser(editor, "", true, "EDITOR", "OPERATOR")).andExpect(status().isFound());

		this.mvc.perform(get("/admin").session(theirs)).andExpect(redirectedUrl("/login?expired"));
		MockHttpSession again = SignIn.as(this.mvc, editor.getUsername(), "editor-password");
		this.mvc.perform(get("/admin").session(again)).andExpect(status().isOk());

		this.mvc.perform(editUser(editor, "", false, "EDITOR", "OPERATOR")).andExpect(status().isFound());

		this.mvc.perform(get("/admin").session(again)).andExpect(redirectedUrl("/login?expired"));
		this.mvc.perform(get("/admin").session(this.session)).andExpect(status().isOk());
	}

	/**
	 * A reset is what an administrator does when a password may be known to someone else:
	 * whatever that person opened with it (a session, an API token) must stop working.
	 */
	@Test
	void resetEndsTheUsersSessionsAndRevokesTheirApiTokens() throws Exception {
		StaffUser user = this.directory.create(unique("compromised"), "", "leaked-password", Set.of(Role.EDITOR));
		MockHttpSession theirs = SignIn.as(this.mvc, user.getUsername(), "leaked-password");
		String token = token(user.getUsername(), "leaked-password");
		items(token).andExpect(status().isOk());

		MvcResult result = this.mvc
			.perform(post("/admin/users/{id}/password", user.getId()).session(this.session)
				.with(csrf())
				.param("revokeTokens", "true")
				.param("_revokeTokens", "on"))
			.andExpect(status().isOk())
			.andExpect(model().attribute("tokensRevoked", 1))
			.andReturn();

		this.mvc.perform(get("/admin").session(theirs)).andExpect(redirectedUrl("/login?expired"));
		items(token).andExpect(status().isUnauthorized());
		String shown = (String) result.getModelAndView().getModel().get("newPassword");
		items(token(user.getUsername(), shown)).andExpect(status().isOk());
	}

	@Test
	void resetWithTheBoxUntickedKeepsTheApiTokens() throws Exception {
		StaffUser user = this.directory.create(unique("integrator"), "", "integrator-password", Set.of(Role.EDITOR));
		String token = token(user.getUsername(), "integrator-password");
		this.mvc
			.perform(post("/admin/users/{id}/password", user.getId()).session(this.session)
				.with(csrf())
				.param("_revokeTokens", "on"))
			.andExpect(status().isOk())
			.andExpect(model().attribute("tokensRevoked", 0));
		items(token).andExpect(status().isOk());
	}

	@Test
	void administratorResettingTheirOwnPasswordKeepsTheirSession() throws Exception {
		MockHttpSession elsewhere = SignIn.as(this.mvc, this.admin.getUsername(), "boss-password");
		this.mvc
			.perform(post("/admin/users/{id}/password", this.admin.getId()).session(this.session)
				.with(csrf())
				.param("revokeTokens", "true"))
			.andExpect(status().isOk());
		this.mvc.perform(get("/admin/users").session(this.session)).andExpect(status().isOk());
		this.mvc.perform(get("/admin").session(elsewhere)).andExpect(redirectedUrl("/login?expired"));
	}

	@Test
	void theUserPageListsTheUsersTokensAndRevokesThemOneByOneOrAll() throws Exception {
		StaffUser user = this.directory.create(unique("many-tokens"), "", "tokens-password", Set.of(Role.EDITOR));
		String first = token(user.getUsername(), "tokens-password", "Cổng thông tin huyện");
		String second = token(user.getUsername(), "tokens-password", "Ứng dụng điện thoại");
		String third = token(user.getUsername(), "tokens-password", "Bảng tin thôn");
		items(first).andExpect(status().isOk());

		String page = this.mvc.perform(get("/admin/users/{id}", user.getId()).session(this.session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		org.jsoup.nodes.Document document = org.jsoup.Jsoup.parse(page);
		org.jsoup.select.Elements rows = document.select("#tokens + table tbody tr");
		assertThat(rows).hasSize(3);
		assertThat(rows.eachText()).anySatisfy((row) -> assertThat(row).contains("Cổng thông tin huyện")
			.contains(first.substring(0, 8))
			.contains("Đang hiệu lực"));
		assertThat(rows.eachText())
			.anySatisfy((row) -> assertThat(row).contains("Bảng tin thôn").contains("Chưa dùng"));
		assertThat(page).doesNotContain(first.substring(8)).doesNotContain(second).doesNotContain(third);
		assertThat(document.select("#tokens + table th").eachText()).contains("Tạo lúc", "Dùng lần cuối", "Hết hạn");

		String revokeOne = document.select("#tokens + table form[action]")
			.stream()
			.filter((form) -> form.parent().parent().text().contains("Ứng dụng điện thoại"))
			.findFirst()
			.orElseThrow()
			.attr("action");
		this.mvc.perform(post(revokeOne).session(this.session).with(csrf()))
			.andExpect(redirectedUrl("/admin/users/" + user.getId() + "#tokens"));
		items(second).andExpect(status().isUnauthorized());
		items(first).andExpect(status().isOk());
		items(third).andExpect(status().isOk());

		this.mvc.perform(post("/admin/users/{id}/tokens/revoke", user.getId()).session(this.session).with(csrf()))
			.andExpect(redirectedUrl("/admin/users/" + user.getId() + "#tokens"));
		items(first).andExpect(status().isUnauthorized());
		items(third).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/admin/users/{id}", user.getId()).session(this.session))
			.andExpect(content().string(containsString("Đã thu hồi")))
			.andExpect(content().string(not(containsString("Đang hiệu lực"))));
	}

	@Test
	void aTokenOfAnotherUserCannotBeRevokedThroughThisUsersPage() throws Exception {
		StaffUser owner = this.directory.create(unique("owner"), "", "owner-password", Set.of(Role.EDITOR));
		StaffUser other = this.directory.create(unique("other"), "", "other-password", Set.of(Role.EDITOR));
		String token = token(owner.getUsername(), "owner-password");
		long tokenId = this.tokens.list(owner.getUsername()).get(0).id();
		this.mvc
			.perform(post("/admin/users/{id}/tokens/{token}/revoke", other.getId(), tokenId).session(this.session)
				.with(csrf()))
			.andExpect(status().isNotFound());
		items(token).andExpect(status().isOk());
	}

	/**
	 * A password over bcrypt's 72 bytes answered 500; now it is taken, and signs in.
	 */
	@Test
	void createsUserWithAVietnamesePassphraseLongerThan72Bytes() throws Exception {
		String username = unique("passphrase");
		String passphrase = "Ủy ban nhân dân xã Hoằng Trung thông báo lịch tiêm chủng tháng Mười";
		assertThat(passphrase.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThan(72);
		this.mvc.perform(newUser(username, "", passphrase, "EDITOR")).andExpect(status().isFound());
		SignIn.as(this.mvc, username, passphrase);
		this.mvc.perform(newUser(unique("umlauts"), "", "Ä".repeat(40), "EDITOR")).andExpect(status().isFound());
	}

	@Test
	void administratorCannotDisableThemself() throws Exception {
		this.mvc.perform(editUser(this.admin, "", false, "ADMIN"))
			.andExpect(status().isOk())
			.andExpect(view().name("admin/users/form"))
			.andExpect(model().attributeHasFieldErrorCode("form", "enabled", "account.error.disable-self"));
		assertThat(stored(this.admin.getUsername()).isEnabled()).isTrue();
	}

	@Test
	void administratorCannotRemoveTheirOwnAdminRole() throws Exception {
		this.mvc.perform(editUser(this.admin, "", true, "EDITOR"))
			.andExpect(status().isOk())
			.andExpect(view().name("admin/users/form"))
			.andExpect(model().attributeHasFieldErrorCode("form", "roles", "account.error.drop-own-admin"));
		assertThat(stored(this.admin.getUsername()).getRoles()).containsExactly(Role.ADMIN);
	}

	@Test
	void userWithoutRoleIsRefusedOnEdit() throws Exception {
		StaffUser user = this.directory.create(unique("stripped"), "", "stripped-password", Set.of(Role.EDITOR));
		this.mvc.perform(editUser(user, "", true))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "roles", "account.error.roles-empty"));
		assertThat(stored(user.getUsername()).getRoles()).containsExactly(Role.EDITOR);
	}

	/**
	 * Through the pages an administrator can only act on another enabled administrator,
	 * so the rule is checked on the directory; the transaction is rolled back so that the
	 * other tests keep their administrators.
	 */
	@Test
	@Transactional
	void lastEnabledAdministratorCanNeitherBeDisabledNorLoseTheRole() {
		StaffUser last = this.users.findByUsername(SignIn.ADMIN).orElseThrow();
		for (StaffUser other : this.directory.all()) {
			if (!other.getId().equals(last.getId()) && other.isEnabled() && other.holds(Role.ADMIN)) {
				this.directory.update(other.getId(), null, other.getRoles(), false, SignIn.ADMIN);
			}
		}
		assertThatExceptionOfType(RuleViolation.class)
			.isThrownBy(() -> this.directory.update(last.getId(), null, Set.of(Role.ADMIN), false, "someone-else"))
			.extracting(RuleViolation::messageKey)
			.isEqualTo("account.error.last-admin");
		assertThatExceptionOfType(RuleViolation.class)
			.isThrownBy(() -> this.directory.update(last.getId(), null, Set.of(Role.EDITOR), true, "someone-else"))
			.extracting(RuleViolation::messageKey)
			.isEqualTo("account.error.last-admin");
		assertThat(last.isEnabled()).isTrue();
		assertThat(last.holds(Role.ADMIN)).isTrue();
		// with a second enabled administrator, the first may go
		StaffUser second = this.directory.create(unique("second"), "", "second-password", Set.of(Role.ADMIN));
		this.directory.update(last.getId(), null, Set.of(Role.EDITOR), true, second.getUsername());
		assertThat(last.holds(Role.ADMIN)).isFalse();
	}

	private MockHttpServletRequestBuilder newUser(String username, String displayName, String password,
			String... roles) {
		return post("/admin/users").session(this.session)
			.with(csrf())
			.param("id", "")
			.param("username", username)
			.param("displayName", displayName)
			.param("password", password)
			.param("roles", roles)
			.param("_roles", "on");
	}

	/** The edit form as a browser posts it: unchecked boxes send only their marker. */
	private MockHttpServletRequestBuilder editUser(StaffUser user, String displayName, boolean enabled,
			String... roles) {
		MockHttpServletRequestBuilder request = post("/admin/users/{id}", user.getId()).session(this.session)
			.with(csrf())
			.param("id", user.getId().toString())
			.param("username", user.getUsername())
			.param("displayName", displayName)
			.param("roles", roles)
			.param("_roles", "on")
			.param("_enabled", "on");
		return enabled ? request.param("enabled", "true") : request;
	}

	private String token(String username, String password) throws Exception {
		return token(username, password, "Cổng huyện");
	}

	private String token(String username, String password, String name) throws Exception {
		String json = this.mvc
			.perform(post("/api/tokens").with(httpBasic(username, password))
				.with(SignIn.from(SignIn.newAddress()))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"" + name + "\",\"expiresInDays\":30}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(json, "$.token");
	}

	private ResultActions items(String token) throws Exception {
		return this.mvc.perform(get("/api/items").header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
	}

	private StaffUser stored(String username) {
		return this.users.findByUsername(username).orElseThrow();
	}

	private static String unique(String name) {
		return name + "-" + Long.toString(System.nanoTime(), 36);
	}

}
