package vn.bantin.text;

import java.text.Normalizer;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeHtmlTests {

	/** What Word 365 puts on the clipboard, shortened. */
	private static final String WORD = """
			<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
			<head><meta http-equiv=Content-Type content="text/html; charset=utf-8">
			<meta name=Generator content="Microsoft Word 15">
			<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]-->
			<style><!-- p.MsoNormal {mso-style-parent:""; margin:0cm; font-family:"Times New Roman",serif;} --></style>
			</head>
			<body lang=VI style='tab-interval:36.0pt'>
			<!--StartFragment-->
			<h1 style='mso-margin-top-alt:auto'><span lang=VI style='font-size:14.0pt'>KẾ HOẠCH<o:p></o:p></span></h1>
			<p class=MsoNormal style='text-align:justify'><b><span lang=VI>Tuyên truyền</span></b><span
			lang=VI> cải cách <i>hành chính</i> năm 2023<o:p></o:p></span></p>
			<p class=MsoNormal><o:p>&nbsp;</o:p></p>
			<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
			style='font-family:Symbol'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]><span
			lang=VI>Đài truyền thanh xã<o:p></o:p></span></p>
			<p class=MsoListParagraphCxSpMiddle style='margin-left:72.0pt;text-indent:-18.0pt;mso-list:l0 level2 lfo1'><![if !supportLists]><span
			style='font-family:"Courier New"'>o<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]><span
			lang=VI>Cụm loa thôn 1<o:p></o:p></span></p>
			<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
			style='font-family:Symbol'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]><span
			lang=VI>Trang thông tin điện tử<o:p></o:p></span></p>
			<p class=MsoNormal><span lang=VI>Các bước:</span></p>
			<p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><![if !supportLists]><span>1.<span
			style='font:7.0pt "Times New Roman"'>&nbsp; </span></span><![endif]>Tiếp nhận</p>
			<p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><span style='mso-list:Ignore'>2.<span
			style='font:7.0pt "Times New Roman"'>&nbsp; </span></span>Trả kết quả</p>
			<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse'>
			 <tr style='mso-yfti-irow:0'><td width=200 valign=top style='width:150pt'><p class=MsoNormal><b>Thôn<o:p></o:p></b></p></td>
			 <td width=200 valign=top><p class=MsoNormal><b>Ngày</b></p></td></tr>
			 <tr><td><p class=MsoNormal>Thôn 1</p></td><td><p class=MsoNormal>12/12</p></td></tr>
			</table>
			<p class=MsoNormal><a href="https://dichvucong.gov.vn/" target="_blank"><span style='color:blue'>Cổng DVC</span></a>
			<a name="_Toc1">neo</a> <font face="Arial" color=red>chữ đỏ</font><img width=100 src="file:///C:/Users/x/image001.png"></p>
			<!--EndFragment-->
			</body></html>
			""";

	@Test
	void wordPasteKeepsStructureAndLosesNoise() {
		String html = SafeHtml.clean(WORD);
		assertThat(html).doesNotContainIgnoringCase("mso")
			.doesNotContain("o:p")
			.doesNotContain("class=")
			.doesNotContain("style")
			.doesNotContain("<span")
			.doesNotContain("<font")
			.doesNotContain("Normal")
			.doesNotContain("<!--")
			.doesNotContain("file:");
		Element body = Jsoup.parseBodyFragment(html).body();
		assertThat(body.select("h1").text()).isEqualTo("KẾ HOẠCH");
		assertThat(body.select("p").first().html())
			.isEqualTo("<strong>Tuyên truyền</strong> cải cách <em>hành chính</em> năm 2023");
		assertThat(body.select("p").eachText()).doesNotContain("", "\u00A0");
		assertThat(body.select("a").outerHtml())
			.isEqualTo("<a href=\"https://dichvucong.gov.vn/\" rel=\"nofollow noopener\">Cổng DVC</a>");
		assertThat(body.select("table tr")).hasSize(2);
		assertThat(body.select("table td").eachText()).containsExactly("Thôn", "Ngày", "Thôn 1", "12/12");
	}

	@Test
	void wordListParagraphsBecomeListsNestedByLevel() {
		Element body = Jsoup.parseBodyFragment(SafeHtml.clean(WORD)).body();
		assertThat(body.select("body > ul > li").stream().map(Element::ownText)).containsExactly("Đài truyền thanh xã",
				"Trang thông tin điện tử");
		assertThat(body.select("body > ul > li > ul > li").eachText()).containsExactly("Cụm loa thôn 1");
		assertThat(body.select("body > ol > li").eachText()).containsExactly("Tiếp nhận", "Trả kết quả");
		assertThat(body.text()).doesNotContain("·").doesNotContain("1.").doesNotContain("2.");
	}

	@Test
	void googleDocsWrapperIsNotBoldButStyledSpansAre() {
		String pasted = "<meta charset=\"utf-8\"><b style=\"font-weight:normal;\" id=\"docs-internal-guid-1a2b\">"
				+ "<p dir=\"ltr\" style=\"line-height:1.38\"><span style=\"font-weight:700\">Lưu ý</span>"
				+ "<span style=\"font-style:italic\"> quan trọng</span>"
				+ "<span style=\"font-weight:bold;font-style:italic\">!</span></p></b>";
		assertThat(SafeHtml.clean(pasted))
			.isEqualTo("<p><strong>Lưu ý</strong><em> quan trọng</em><strong><em>!</em></strong></p>");
	}

	@Test
	void websitePasteDivsBecomeParagraphs() {
		String pasted = "<div class=\"article\"><div>Dòng một</div><div>Dòng <u>hai</u></div>"
				+ "<section><h2 id=\"x\">Tiêu đề</h2><p>Đoạn</p></section></div>";
		assertThat(SafeHtml.clean(pasted)).isEqualTo("<p>Dòng một</p><p>Dòng hai</p><h2>Tiêu đề</h2><p>Đoạn</p>");
	}

	@Test
	void sameGuaranteesAsMarkdown() {
		// an HTML block in Markdown passes the parser untouched, so both paths see the
		// same
		// HTML and must produce the same result
		String html = "<p onclick=\"x()\" class=\"a\">Chữ <b>đậm</b> <a href=\"javascript:x()\">xấu</a> "
				+ "<a href=\"https://x.example\" target=\"_blank\">tốt</a><img src=\"media/a.png\" onerror=\"x()\"></p>";
		assertThat(SafeHtml.clean(html)).isEqualTo(Markdown.toHtml(html))
			.isEqualTo("<p>Chữ <strong>đậm</strong> xấu <a href=\"https://x.example\" rel=\"nofollow noopener\">tốt</a>"
					+ "<img src=\"media/a.png\" alt=\"\"></p>");
	}

	@Test
	void pastedImagesWithoutAltGetAnEmptyOneAndKeepTheirs() {
		String pasted = "<p>Trụ sở <img src=\"https://xa.example/tru-so.jpg\" width=\"300\"></p>"
				+ "<p><img src=\"media/cong.png\" alt=\"Cổng UBND xã\"></p>";
		String html = SafeHtml.clean(pasted);
		assertThat(html).isEqualTo("<p>Trụ sở <img src=\"https://xa.example/tru-so.jpg\" alt=\"\"></p>"
				+ "<p><img src=\"media/cong.png\" alt=\"Cổng UBND xã\"></p>");
		assertThat(new vn.bantin.site.HtmlChecker().errors("/pasted", MarkdownTests.page(html))).isEmpty();
		// the editor's Markdown keeps the alt text, and renders valid HTML again
		String markdown = SafeHtml.toMarkdown(pasted);
		assertThat(markdown).contains("![](https://xa.example/tru-so.jpg)").contains("![Cổng UBND xã](media/cong.png)");
		assertThat(new vn.bantin.site.HtmlChecker().errors("/markdown", MarkdownTests.page(Markdown.toHtml(markdown))))
			.isEmpty();
	}

	@Test
	void pastedDecomposedTextComesOutNfc() {
		String pasted = Normalizer.normalize("<p>Hoằng Hóa</p>", Normalizer.Form.NFD);
		assertThat(SafeHtml.clean(pasted)).isEqualTo("<p>Hoằng Hóa</p>");
		assertThat(SafeHtml.clean(null)).isEmpty();
	}

	@Test
	void toMarkdownWritesEditorFriendlyMarkdown() {
		assertThat(SafeHtml.toMarkdown(WORD)).isEqualTo("""
				# KẾ HOẠCH

				**Tuyên truyền** cải cách *hành chính* năm 2023

				- Đài truyền thanh xã
				  - Cụm loa thôn 1
				- Trang thông tin điện tử

				Các bước:

				1. Tiếp nhận
				2. Trả kết quả

				| **Thôn** | **Ngày** |
				| --- | --- |
				| Thôn 1 | 12/12 |

				[Cổng DVC](https://dichvucong.gov.vn/) neo chữ đỏ""");
	}

	@Test
	void toMarkdownCoversLinksImagesCodeQuotesAndAlignedTables() {
		String html = "<h3>Tài liệu</h3><p>Xem <a href=\"https://x.example/a b\" title=\"Tệp &quot;A&quot;\">tệp</a>,"
				+ " <a href=\"https://x.example\">https://x.example</a>, <a href=\"mailto:a@x.vn\">a@x.vn</a>"
				+ " và <code>a`b</code>.<br>Dòng hai <img src=\"media/a.png\" alt=\"Ảnh\"></p>"
				+ "<blockquote><p>Trích</p><p>dẫn</p></blockquote><pre><code>x = 1\n```\n</code></pre><hr>"
				+ "<table><tr><th align=\"right\">Số</th><th>Tên | đệm</th></tr><tr><td>1</td><td>A<br>B</td></tr></table>";
		assertThat(SafeHtml.toMarkdown(html)).isEqualTo("""
				### Tài liệu

				Xem [tệp](https://x.example/a%20b "Tệp \\"A\\""), <https://x.example>, <a@x.vn> và ``a`b``.\\
				Dòng hai ![Ảnh](media/a.png)

				> Trích
				>
				> dẫn

				````
				x = 1
				```
				````

				---

				| Số | Tên \\| đệm |
				| ---: | --- |
				| 1 | A<br>B |""");
	}

	@Test
	void toMarkdownEscapesTextThatWouldReadAsSyntax() {
		String html = "<p># không phải tiêu đề</p><p>1. không phải danh sách</p><p>- cũng không</p>"
				+ "<p>*không nghiêng* _x_ [không link](y) &lt;b&gt; a &lt; b &amp;amp; \\ `</p><p>&gt; không trích</p>";
		String markdown = SafeHtml.toMarkdown(html);
		assertThat(Markdown.toHtml(markdown)).isEqualTo(SafeHtml.clean(html).replace("</p><p>", "</p>\n<p>"));
	}

	@Test
	void markdownFromPasteRendersBackToTheSameStructure() {
		String cleaned = SafeHtml.clean(WORD);
		String rendered = Markdown.toHtml(SafeHtml.toMarkdown(WORD));
		Element before = Jsoup.parseBodyFragment(cleaned).body();
		Element after = Jsoup.parseBodyFragment(rendered).body();
		assertThat(after.text()).isEqualTo(before.text());
		assertThat(after.select("h1, strong, em, ul, ol, li, a, table").eachText())
			.isEqualTo(before.select("h1, strong, em, ul, ol, li, a, table").eachText());
	}

}
