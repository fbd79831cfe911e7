package vn.bantin.site;

import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A public page as a resident's browser asks for it (in Vietnamese), parsed. */
final class SitePage {

	private SitePage() {
	}

	/**
	 * The page at {@code path} (with URI template {@code variables}); it must answer 200.
	 */
	static Document get(MockMvc mvc, String path, Object... variables) throws Exception {
		return Jsoup.parse(mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path, variables)
				.header("Accept-Language", "vi"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

}
