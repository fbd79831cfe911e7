package vn.bantin.site;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import vn.bantin.BantinWebTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public home page needs no sign-in, shows the commune from its identity and the
 * sample plan, in Vietnamese unless the visitor picks English.
 */
@BantinWebTest
class HomePageTests {

	static final Pattern STYLESHEET = Pattern.compile("href=\"(/css/bantin-[0-9a-f]{32}\\.css)\"");

	@Autowired
	MockMvc mvc;

	@Test
	void anonymousVisitorSeesTheCommuneAndTheSamplePlanInVietnamese() throws Exception {
		this.mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/html"))
			.andExpect(content().string(containsString("<html lang=\"vi\">")))
			.andExpect(content().string(containsString("Thông tin của UBND xã Hoằng Trung")))
			.andExpect(content().string(containsString("huyện Hoằng Hóa, tỉnh Thanh Hóa")))
			.andExpect(content().string(containsString("Kế hoạch tuyên truyền công tác cải cách hành chính năm 2023")))
			.andExpect(content().string(containsString("Phong trào thi đua về CCHC")));
	}

	@Test
	void visitorCanSwitchToEnglishAndTheChoiceIsRemembered() throws Exception {
		var english = this.mvc.perform(get("/").param("lang", "en"))
			.andExpect(content().string(containsString("<html lang=\"en\">")))
			.andExpect(content().string(containsString("News from UBND xã Hoằng Trung")))
			.andReturn();
		var cookie = english.getResponse().getCookie("bantin-lang");
		assertThat(cookie).isNotNull();
		this.mvc.perform(get("/").cookie(cookie)).andExpect(content().string(containsString("Information plans")));
	}

	@Test
	void stylesheetHasAContentHashInItsUrlAndIsCachedForAYear() throws Exception {
		String page = this.mvc.perform(get("/")).andReturn().getResponse().getContentAsString();
		Matcher matcher = STYLESHEET.matcher(page);
		assertThat(matcher.find()).as("hashed stylesheet link in %s", page).isTrue();
		this.mvc.perform(get(matcher.group(1)))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, containsString("max-age=31536000")));
	}

}
