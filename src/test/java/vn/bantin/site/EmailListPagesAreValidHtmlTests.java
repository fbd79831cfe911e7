package vn.bantin.site;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.bantin.BantinWebTest;
import vn.bantin.subscription.Audience;
import vn.bantin.subscription.TestPreferenceLinks;
import vn.bantin.subscription.TestSubscribers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The residents' email-list pages that the sitemap cannot list (they need a signed link
 * or a form answer) pass the Nu checker too: the sign-up form with its errors, the
 * answers, the form that mails a preference link, the preference page, its answers and
 * its refusal of an old link, both unsubscribe pages, and the refusal of a forged link.
 */
@BantinWebTest
class EmailListPagesAreValidHtmlTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestSubscribers subscribers;

	@Autowired
	Audience audience;

	@Autowired
	TestPreferenceLinks preferenceLinks;

	@Test
	void emailListPagesPassTheNuChecker() throws Exception {
		long id = this.subscribers.add("valid-html@example.vn", "CONFIRMED", "nguoi-dan-cchc");
		long other = this.subscribers.add("valid-html-2@example.vn", "CONFIRMED", "truong-thon");
		Audience.RecipientLinks links = this.audience.links(id, "nguoi-dan-cchc");
		HtmlChecker checker = new HtmlChecker();
		List<String> problems = new ArrayList<>();
		check(checker, problems, "sign-up errors", post("/subscribe").param("email", "x"));
		check(checker, problems, "honeypot answer",
				post("/subscribe").param("email", "a@example.vn").param("website", "x"));
		check(checker, problems, "preference link form", get(path(links.preferences())));
		check(checker, problems, "preference link form errors", post("/preferences").param("email", "x"));
		check(checker, problems, "preference link asked",
				post("/preferences").param("email", "valid-html@example.vn").with(fromNewAddress()));
		URI revoked = this.preferenceLinks.link(id);
		URI preferences = this.preferenceLinks.link(id);
		check(checker, problems, "preferences", get(path(preferences)));
		check(checker, problems, "preferences revoked", get(path(revoked)));
		check(checker, problems, "preferences saved",
				post("/preferences").param("token", token(preferences)).param("lists", "nguoi-dan-cchc"));
		check(checker, problems, "preferences saved, confirmation asked",
				post("/preferences").param("token", token(this.preferenceLinks.link(other)))
					.param("lists", "nguoi-dan-cchc")
					.with(fromNewAddress()));
		check(checker, problems, "unsubscribe page", get(path(links.unsubscribe())));
		check(checker, problems, "unsubscribed", post(path(links.unsubscribe())));
		check(checker, problems, "forged link", get("/subscribe/confirm?token=forged"));
		check(checker, problems, "left",
				post("/preferences").param("token", token(preferences)).param("action", "leave"));
		assertThat(problems).as("Nu checker errors (page:line:column: message)").isEmpty();
	}

	private void check(HtmlChecker checker, List<String> problems, String name, RequestBuilder request)
			throws Exception {
		MvcResult result = this.mvc.perform(request).andReturn();
		byte[] body = result.getResponse().getContentAsString(StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
		assertThat(result.getResponse().getContentType()).as(name).startsWith("text/html");
		problems.addAll(checker.errors(name, body));
	}

	private static String path(URI link) {
		return (link.getRawQuery() != null) ? link.getPath() + "?" + link.getRawQuery() : link.getPath();
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor fromNewAddress() {
		return vn.bantin.SignIn.from(vn.bantin.SignIn.newAddress());
	}

	private static String token(URI link) {
		String query = link.getRawQuery();
		return query.substring(query.indexOf("token=") + "token=".length());
	}

}
