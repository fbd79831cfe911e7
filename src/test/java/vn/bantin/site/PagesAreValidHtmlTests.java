package vn.bantin.site;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public page passes the W3C Nu HTML checker without errors: each page of
 * {@code sitemap.xml}, the pages it does not list (further list pages, tags, archive,
 * search results, English about page) and the 404 and error pages; and so do the
 * stylesheets they link.
 */
@PublicSiteTest
class PagesAreValidHtmlTests {

	@Autowired
	PublicPages pages;

	@Test
	void everyPublicPagePassesTheNuCheckerWithoutErrors() {
		HtmlChecker checker = new HtmlChecker();
		List<String> paths = this.pages.all();
		List<String> problems = new ArrayList<>();
		Set<String> stylesheets = new LinkedHashSet<>();
		for (String path : paths) {
			PublicPages.Page page = this.pages.get(path);
			if (page.status() != PublicPages.expectedStatus(path)) {
				problems.add(path + ": answered " + page.status() + ", expected " + PublicPages.expectedStatus(path));
			}
			problems.addAll(checker.errors(path, page.body()));
			Jsoup.parse(page.text()).select("link[rel=stylesheet]").eachAttr("href").forEach(stylesheets::add);
		}
		for (String stylesheet : stylesheets) {
			problems.addAll(checker.cssErrors(stylesheet, this.pages.get(stylesheet).body()));
		}
		assertThat(paths).as("pages checked").hasSizeGreaterThan(40);
		assertThat(stylesheets).as("stylesheets checked").isNotEmpty();
		assertThat(problems).as("Nu checker errors (page:line:column: message)").isEmpty();
	}

	@Test
	void checkerFindsTheErrorsOfAnInvalidStylesheet() {
		assertThat(new HtmlChecker().cssErrors("/invalid.css", "p { colour: red; }".getBytes(StandardCharsets.UTF_8)))
			.singleElement(as(InstanceOfAssertFactories.STRING))
			.matches("/invalid.css:\\d+:\\d+: CSS: .*colour.*");
	}

	@Test
	void checkerFindsTheErrorsOfAnInvalidPage() {
		List<String> errors = new HtmlChecker().errors("/invalid",
				"<!DOCTYPE html><html lang=vi><title>x</title><p><div></span>".getBytes(StandardCharsets.UTF_8));
		assertThat(errors).isNotEmpty().allMatch((error) -> error.matches("/invalid:\\d+:\\d+: .+"));
	}

}
