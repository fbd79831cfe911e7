package vn.bantin.text;

import java.text.Normalizer;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownTests {

	private static final String ITEM = """
			# Thông báo lịch tiêm chủng

			Ủy ban nhân dân xã **Hoằng Hóa** thông báo *lịch tiêm* tháng 12/2026.
			Xem [Cổng dịch vụ công](https://dichvucong.gov.vn "DVC") hoặc gửi thư tới <vanhoa@hoanghoa.gov.vn>.

			## Địa điểm

			- Thôn 1: nhà văn hóa
			- Thôn 2: trạm y tế
			  1. Nhóm A
			  2. Nhóm B

			3. Mang sổ tiêm
			4. Đeo khẩu trang

			| Thôn | Ngày | Giờ |
			|:-----|:----:|----:|
			| Thôn 1 | 12/12 | 7h30 |
			| Thôn 2 | | 8h30 |

			![Bản đồ xã](media/ban-do.png)

			> Liên hệ: Trạm y tế xã &amp; cán bộ Văn hóa.
			""";

	@Test
	void headingsParagraphsAndEmphasis() {
		Element body = body(Markdown.toHtml(ITEM));
		assertThat(body.select("h1").text()).isEqualTo("Thông báo lịch tiêm chủng");
		assertThat(body.select("h2").text()).isEqualTo("Địa điểm");
		assertThat(body.select("p strong").text()).isEqualTo("Hoằng Hóa");
		assertThat(body.select("p em").text()).isEqualTo("lịch tiêm");
		assertThat(body.select("blockquote p").text()).isEqualTo("Liên hệ: Trạm y tế xã & cán bộ Văn hóa.");
	}

	@Test
	void listsKeepTheirKindNestingAndStart() {
		Element body = body(Markdown.toHtml(ITEM));
		assertThat(body.select("body > ul > li")).hasSize(2);
		assertThat(body.select("ul > li > ol > li").eachText()).containsExactly("Nhóm A", "Nhóm B");
		assertThat(body.select("body > ol").attr("start")).isEqualTo("3");
		assertThat(body.select("body > ol > li").eachText()).containsExactly("Mang sổ tiêm", "Đeo khẩu trang");
	}

	@Test
	void tablesKeepHeadersAndAlignment() {
		Element table = body(Markdown.toHtml(ITEM)).selectFirst("table");
		assertThat(table).isNotNull();
		assertThat(table.select("thead th").eachText()).containsExactly("Thôn", "Ngày", "Giờ");
		assertThat(table.select("thead th").eachAttr("align")).containsExactly("left", "center", "right");
		assertThat(table.select("tbody tr")).hasSize(2);
		assertThat(table.select("tbody tr").get(0).select("td").eachText()).containsExactly("Thôn 1", "12/12", "7h30");
	}

	@Test
	void linksGetRelAndKeepTitleAndMailto() {
		Element body = body(Markdown.toHtml(ITEM));
		Element portal = body.selectFirst("a[href=https://dichvucong.gov.vn]");
		assertThat(portal).isNotNull();
		assertThat(portal.attr("rel")).isEqualTo("nofollow noopener");
		assertThat(portal.attr("title")).isEqualTo("DVC");
		Element mail = body.selectFirst("a[href=mailto:vanhoa@hoanghoa.gov.vn]");
		assertThat(mail).isNotNull();
		assertThat(mail.attr("rel")).isEqualTo("nofollow noopener");
		assertThat(Markdown.toHtml("[tài liệu](media/ke-hoach.pdf) [đầu trang](#top)"))
			.contains("<a href=\"media/ke-hoach.pdf\" rel=\"nofollow noopener\">tài liệu</a>")
			.contains("<a href=\"#top\" rel=\"nofollow noopener\">đầu trang</a>");
	}

	@Test
	void relativeAndAbsoluteImagesAreKeptOthersDropped() {
		assertThat(Markdown.toHtml(ITEM)).contains("<img src=\"media/ban-do.png\" alt=\"Bản đồ xã\">");
		assertThat(Markdown.toHtml("![a](https://bantin.example/a.png \"Ảnh\")"))
			.isEqualTo("<p><img src=\"https://bantin.example/a.png\" alt=\"a\" title=\"Ảnh\"></p>");
		assertThat(Markdown.toHtml("![a](data:image/png;base64,AAAA)")).isEmpty();
		assertThat(Markdown.toHtml("![a](ftp://x.example/a.png) chữ")).isEqualTo("<p> chữ</p>");
	}

	/**
	 * An {@code img} without {@code alt} is invalid HTML and a serious axe finding
	 * ({@code image-alt}): every image that survives gets one, its alt text kept.
	 */
	@Test
	void everyImageHasAnAltSoThePageIsValidHtml() {
		String html = Markdown.toHtml("""
				Ảnh trụ sở: <img src="media/tru-so.png"> và <img src="media/cong.png" alt="Cổng xã" title="Cổng">

				<img src="https://bantin.example/ban-do.png">

				![](media/trong.png) ![Bản đồ xã](media/ban-do.png)
				""");
		assertThat(Jsoup.parseBodyFragment(html).select("img")).hasSize(5).allSatisfy((img) -> {
			assertThat(img.hasAttr("alt")).as(img.outerHtml()).isTrue();
		});
		assertThat(html).contains("<img src=\"media/tru-so.png\" alt=\"\">")
			.contains("<img src=\"media/cong.png\" alt=\"Cổng xã\" title=\"Cổng\">")
			.contains("<img src=\"https://bantin.example/ban-do.png\" alt=\"\">")
			.contains("<img src=\"media/trong.png\" alt=\"\">")
			.contains("<img src=\"media/ban-do.png\" alt=\"Bản đồ xã\">");
		assertThat(new vn.bantin.site.HtmlChecker().errors("/item", page(html))).isEmpty();
	}

	/** A whole page around a body fragment, for the Nu checker. */
	static byte[] page(String body) {
		return ("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Bản tin</title></head><body>"
				+ "<main>" + body + "</main></body></html>")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

	@Test
	void linksWithAForbiddenSchemeKeepOnlyTheirText() {
		assertThat(Markdown.toHtml("[Bấm vào đây](javascript:alert(1))")).isEqualTo("<p>Bấm vào đây</p>");
	}

	@Test
	void vietnameseIsWrittenAsCharactersNotEntities() {
		String html = Markdown.toHtml("Độc lập - Tự do - Hạnh phúc: \"Ủy ban\" & <Hội đồng>");
		assertThat(html).startsWith("<p>Độc lập - Tự do - Hạnh phúc: ").doesNotContain("&#");
	}

	@Test
	void decomposedInputComesOutNfc() {
		String decomposed = Normalizer.normalize("## Hoằng Hóa\n\nCải cách **hành chính**", Normalizer.Form.NFD);
		String html = Markdown.toHtml(decomposed);
		assertThat(html).isEqualTo("<h2>Hoằng Hóa</h2>\n<p>Cải cách <strong>hành chính</strong></p>");
		assertThat(Normalizer.isNormalized(html, Normalizer.Form.NFC)).isTrue();
		assertThat(Markdown.toPlainText(decomposed)).isEqualTo("Hoằng Hóa\n\nCải cách hành chính");
		// combining marks written as entities are composed too
		assertThat(Markdown.toHtml("Ho&#x61;&#x300;ng")).isEqualTo("<p>Hoàng</p>");
	}

	@Test
	void rawHtmlIsCleanedAndPresentationalTagsBecomeSemantic() {
		assertThat(Markdown
			.toHtml("Chữ <b>đậm</b>, <i>nghiêng</i>, <s>bỏ</s>, m<sup>2</sup>, <span class=x>thường</span>"))
			.isEqualTo("<p>Chữ <strong>đậm</strong>, <em>nghiêng</em>, <del>bỏ</del>, m<sup>2</sup>, thường</p>");
		assertThat(Markdown.toHtml("<div class=\"box\" style=\"color:red\">\nHộp\n</div>")).isEqualTo("<p>\nHộp\n</p>");
	}

	@Test
	void fencedCodeKeepsItsTextButNotItsClass() {
		assertThat(Markdown.toHtml("```java\nint a = 1 < 2;\n```"))
			.isEqualTo("<pre><code>int a = 1 &lt; 2;\n</code></pre>");
	}

	@Test
	void nullAndEmptyRenderAsNothing() {
		assertThat(Markdown.toHtml(null)).isEmpty();
		assertThat(Markdown.toHtml("  \n\n ")).isEmpty();
		assertThat(Markdown.toPlainText(null)).isEmpty();
		assertThat(Markdown.toSpokenText(null)).isEmpty();
	}

	@Test
	void plainTextForEmail() {
		assertThat(Markdown.toPlainText(ITEM)).isEqualTo(
				"""
						Thông báo lịch tiêm chủng

						Ủy ban nhân dân xã Hoằng Hóa thông báo lịch tiêm tháng 12/2026. Xem Cổng dịch vụ công (https://dichvucong.gov.vn) hoặc gửi thư tới vanhoa@hoanghoa.gov.vn.

						Địa điểm

						- Thôn 1: nhà văn hóa
						- Thôn 2: trạm y tế
						  1. Nhóm A
						  2. Nhóm B

						3. Mang sổ tiêm
						4. Đeo khẩu trang

						Thôn | Ngày | Giờ
						Thôn 1 | 12/12 | 7h30
						Thôn 2 | | 8h30

						Bản đồ xã

						Liên hệ: Trạm y tế xã & cán bộ Văn hóa.""");
	}

	@Test
	void spokenTextForTheRadio() {
		assertThat(Markdown.toSpokenText(ITEM)).isEqualTo(
				"""
						Thông báo lịch tiêm chủng

						Ủy ban nhân dân xã Hoằng Hóa thông báo lịch tiêm tháng 12/2026. Xem Cổng dịch vụ công hoặc gửi thư tới vanhoa@hoanghoa.gov.vn.

						Địa điểm

						Thôn 1: nhà văn hóa
						Thôn 2: trạm y tế
						1. Nhóm A
						2. Nhóm B

						3. Mang sổ tiêm
						4. Đeo khẩu trang

						Thôn: Thôn 1; Ngày: 12/12; Giờ: 7h30.
						Thôn: Thôn 2; Giờ: 8h30.

						Liên hệ: Trạm y tế xã & cán bộ Văn hóa.""");
	}

	@Test
	void plainTextHasNoMarkupDecodedEntitiesAndTidyWhitespace() {
		String text = Markdown.toPlainText("""
				Giá&nbsp;vé:   10.000&nbsp;đ &lt;b&gt;đậm?&lt;/b&gt; 1 &lt; 2, <Thông báo>
				dòng  hai\\
				dòng ba  <b>đậm</b>   <!-- ghi chú -->


				***


				Đoạn `mã` cuối
				""");
		assertThat(text).isEqualTo("Giá vé: 10.000 đ đậm? 1 < 2, <Thông báo> dòng hai\ndòng ba đậm\n\nĐoạn mã cuối");
	}

	@Test
	void plainTextShowsLinkUrlsOnlyWhenTheyAddSomething() {
		assertThat(
				Markdown.toPlainText("<https://bantin.example/a> [https://bantin.example/a](https://bantin.example/a)"))
			.isEqualTo("https://bantin.example/a https://bantin.example/a");
		assertThat(Markdown.toPlainText("[Tải về](media/a.pdf) [](https://x.example) [thư](mailto:a@x.vn)"))
			.isEqualTo("Tải về https://x.example thư (a@x.vn)");
	}

	@Test
	void spokenTextOfATableWithoutHeaderCells() {
		assertThat(Markdown.toSpokenText("<table><tr><td>Thôn 1</td><td>7h30</td></tr></table>"))
			.isEqualTo("Thôn 1, 7h30.");
	}

	private static Element body(String html) {
		return Jsoup.parseBodyFragment(html).body();
	}

}
