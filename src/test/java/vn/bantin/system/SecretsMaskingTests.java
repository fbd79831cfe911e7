package vn.bantin.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What staff pages show of residents' mail goes through {@link Secrets#masked}: every
 * link token goes, wherever it stands, and the rest of the text stays as it was.
 */
class SecretsMaskingTests {

	private static final String SIGNATURE = "q3B8vY0n1k2LmZ7xW4c5d6e7f8g9h0iJ-KLMNOP_qrs";

	private static final String TOKEN = "VU5TVUJTQ1JJQkV8NDJ8bmd1b2ktZGFufDB8MA." + SIGNATURE;

	@Test
	void tokensInLinksHeadersMailtoSubjectsAndHtmlAreMasked() {
		assertThat(SIGNATURE).hasSize(43);
		String header = "<https://xa.gov.vn/unsubscribe?token=" + TOKEN
				+ ">, <mailto:ubnd@xa.gov.vn?subject=unsubscribe%20" + TOKEN + ">";
		assertThat(Secrets.masked(header))
			.isEqualTo("<https://xa.gov.vn/unsubscribe?token=•••>, <mailto:ubnd@xa.gov.vn?subject=unsubscribe%20•••>");
		assertThat(Secrets.masked("<a href=\"https://xa.gov.vn/preferences?lang=vi&amp;token=" + TOKEN + "\">"))
			.isEqualTo("<a href=\"https://xa.gov.vn/preferences?lang=vi&amp;token=•••\">");
		assertThat(Secrets.masked("Mã: " + TOKEN + ".")).isEqualTo("Mã: •••.");
		assertThat(Secrets.masked("https://xa.gov.vn/calendar.ics?TOKEN=cal_abc")).endsWith("?TOKEN=•••");
	}

	@Test
	void ordinaryTextAndItemLinksStayAsTheyAre() {
		String text = "Kính gửi bà Lê Thị Hoa,\nĐọc trên trang: "
				+ "https://xa.gov.vn/items/thong-bao-lich-tiem-chung-mo-rong-thang-12-cho-tre-em-duoi-5-tuoi\n"
				+ "Message-ID: <d12.m3.bantin@xa.gov.vn> 2026-11-29/071502-123-9f3a61c2.eml";
		assertThat(Secrets.masked(text)).isEqualTo(text);
		assertThat(Secrets.masked(null)).isNull();
	}

}
