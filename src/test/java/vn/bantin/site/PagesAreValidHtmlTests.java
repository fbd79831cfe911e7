package vn.bantin.site;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public page passes the W3C Nu HTML checker without errors: each page of
 * {@code sitemap.xml}, the pages it does not list (further list pages, tags, archive,
 * search results, English about page) and the 404 and error pages.
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
		for (String path : paths) {
			PublicPages.Page page = this.pages.get(path);
			if (page.status() != PublicPages.expectedStatus(path)) {
				problems.add(path + ": answered " + page.status() + ", expected " + PublicPages.expectedStatus(path));
			}
			problems.addAll(checker.errors(path, page.body()));
		}
		assertThat(paths).as("pages checked").hasSizeGreaterThan(40);
		assertThat(problems).as("Nu checker errors (page:line:column: message)").isEmpty();
	}

	@Test
	void checkerFindsTheErrorsOfAnInvalidPage() {
		List<String> errors = new HtmlChecker().errors("/invalid",
				"<!DOCTYPE html><html lang=vi><title>x</title><p><div></span>".getBytes());
		assertThat(errors).isNotEmpty().allMatch((error) -> error.matches("/invalid:\\d+:\\d+: .+"));
	}

}
