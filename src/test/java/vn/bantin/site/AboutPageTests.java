package vn.bantin.site;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import vn.bantin.BantinWebTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The page about the commune: who it is and how to reach it, in Vietnamese, with a part
 * in English marked as such for screen readers and translators.
 */
@BantinWebTest
class AboutPageTests {

	@Autowired
	MockMvc mvc;

	Document page(String path) throws Exception {
		return SitePage.get(this.mvc, path);
	}

	@Test
	void aboutPageNamesTheCommuneAndItsUnitsInVietnameseAndInEnglish() throws Exception {
		Document about = page("/about");

		assertThat(about.select("html").attr("lang")).isEqualTo("vi");
		assertThat(about.select("h1").text()).isEqualTo("Giới thiệu UBND xã Hoằng Trung");
		assertThat(about.select("dl.contact").first().text()).contains("huyện Hoằng Hóa, tỉnh Thanh Hóa",
				"xã Hoằng Trung, huyện Hoằng Hóa, tỉnh Thanh Hóa", "Lê Văn Tý");
		Document english = Jsoup.parse(about.select("section[lang=en]").outerHtml());
		assertThat(english.select("h2").text()).isEqualTo("About us (English)");
		assertThat(english.text()).contains("UBND xã Hoằng Trung is the local government (People's Committee)",
				"Address", "Chairperson");
		// the sample identity has no phone: no empty line for it
		assertThat(about.select("dt").eachText()).doesNotContain("Điện thoại", "Telephone");
	}

	@Test
	void theEnglishAddressAndTheVietnameseOneShowTheSamePage() throws Exception {
		assertThat(page("/en/about").select("section[lang=en] h2").text()).isEqualTo("About us (English)");
		assertThat(page("/gioi-thieu").select("h1").text()).startsWith("Giới thiệu");
	}

	@Test
	void theSiteMenuLeadsToEverySectionAndTheFooterHasNoEmptyContactLine() throws Exception {
		Document about = page("/about");

		assertThat(about.select("nav.sitenav a").eachAttr("href")).contains("/", "/items", "/procedures", "/documents",
				"/plans", "/archive", "/search", "/about");
		// the sample identity has neither phone nor email
		assertThat(about.select("footer p")).noneMatch((paragraph) -> paragraph.text().isBlank());
	}

}
