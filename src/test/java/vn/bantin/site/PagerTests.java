package vn.bantin.site;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Page links of every paged list: the first page is the list's own address (never
 * {@code ?page=1}, which would be a second address for the same page, exported twice),
 * the others add the page number to the list's filters.
 */
class PagerTests {

	@Test
	void secondPageLinksBackToTheListItselfAndOnToTheThird() {
		Pager pager = Pager.of(2, 3, "/documents?q=76");
		assertThat(pager.previous()).isEqualTo("/documents?q=76");
		assertThat(pager.next()).isEqualTo("/documents?q=76&page=3");
	}

	@Test
	void firstAndLastPagesHaveNoLinkBeyondThem() {
		assertThat(Pager.of(1, 2, "/procedures").previous()).isNull();
		assertThat(Pager.of(1, 2, "/procedures").next()).isEqualTo("/procedures?page=2");
		assertThat(Pager.of(2, 2, "/procedures").next()).isNull();
		assertThat(Pager.of(3, 3, "/procedures?field=H%E1%BB%99%20t%E1%BB%8Bch").previous())
			.isEqualTo("/procedures?field=H%E1%BB%99%20t%E1%BB%8Bch&page=2");
	}

}
