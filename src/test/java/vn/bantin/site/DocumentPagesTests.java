package vn.bantin.site;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.BantinWebTest;
import vn.bantin.content.TestPublishedItems;
import vn.bantin.content.TestItems;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public list of legal documents: number and symbol, dates, abstract, download link,
 * searched by number or by words with or without diacritics.
 */
@BantinWebTest
class DocumentPagesTests {

	static final AtomicInteger counter = new AtomicInteger();

	static final String[] SAMPLES = { "kh-102-kh-ubnd-2022", "nq-76-nq-cp-2021", "qd-3153-qd-ubnd-2022",
			"qd-3740-qd-ubnd-2021" };

	@Autowired
	MockMvc mvc;

	@Autowired
	TestPublishedItems published;

	@Autowired
	TestItems items;

	@BeforeEach
	void publishSamples() {
		this.published.visibleNow(SAMPLES);
	}

	Document page(String path, Object... variables) throws Exception {
		return SitePage.get(this.mvc, path, variables);
	}

	static Element entry(Document list, String number) {
		return list.select("article.document:has(dd.number:containsOwn(" + number + "))").first();
	}

	@Test
	void listShowsNumberIssuerDatesAndAbstract() throws Exception {
		Document list = page("/documents");

		assertThat(list.select("html").attr("lang")).isEqualTo("vi");
		assertThat(list.select("dd.number").eachText()).contains("3153/QĐ-UBND", "102/KH-UBND", "76/NQ-CP",
				"3740/QĐ-UBND");
		Element decision = entry(list, "3153/QĐ-UBND");
		assertThat(decision.select("h2").text())
			.isEqualTo("Quyết định ban hành Kế hoạch cải cách hành chính năm 2023 của huyện Hoằng Hóa");
		assertThat(decision.select("dl.details").text()).contains("Chủ tịch UBND huyện Hoằng Hóa");
		assertThat(decision.select("dd.issued").text()).isEqualTo("29/12/2022");
		assertThat(decision.select("dd.effective").text()).isEqualTo("29/12/2022");
		assertThat(decision.select("dd.abstract").text())
			.isEqualTo("Về việc ban hành Kế hoạch cải cách hành chính năm 2023 trên địa bàn huyện Hoằng Hóa.");
		assertThat(list.select("label[for=q]")).hasSize(1);
	}

	@Test
	void searchFindsADocumentByItsFullNumberOrItsNumberAlone() throws Exception {
		// the plan 102/KH-UBND cites 3153/QĐ-UBND in its text: it comes after the
		// decision
		assertThat(page("/documents?q={q}", "3153/QĐ-UBND").select("dd.number").eachText())
			.containsExactly("3153/QĐ-UBND", "102/KH-UBND");
		assertThat(page("/documents?q={q}", "3153").select("dd.number").eachText()).containsExactly("3153/QĐ-UBND",
				"102/KH-UBND");
		assertThat(page("/documents?q={q}", "3153/qd-ubnd").select("dd.number").eachText())
			.containsExactly("3153/QĐ-UBND", "102/KH-UBND");
		assertThat(page("/documents?q={q}", "76/nq-cp").select("dd.number").eachText()).startsWith("76/NQ-CP");
	}

	@Test
	void searchFindsWordsWithOrWithoutDiacritics() throws Exception {
		Document accented = page("/documents?q={q}", "Thanh Hóa");
		Document plain = page("/documents?q={q}", "thanh hoa");

		assertThat(accented.select("dd.number").eachText()).contains("3740/QĐ-UBND").doesNotContain("76/NQ-CP");
		assertThat(plain.select("dd.number").eachText()).isEqualTo(accented.select("dd.number").eachText());
		assertThat(page("/documents?q={q}", "khong co van ban nay").select("article.document")).isEmpty();
		assertThat(page("/documents?q={q}", "khong co van ban nay").text()).contains("Không có văn bản nào phù hợp.");
	}

	@Test
	void anOverlongSearchIsShortenedToItsFirstWordsAndSaysSo() throws Exception {
		Document page = page("/documents?q={q}", "thanh hoa " + "qua dai ".repeat(2_000));

		assertThat(page.selectFirst("main input[name=q]").val().split(" ")).hasSize(SearchQuery.MAX_TERMS);
		assertThat(page.select("main p.notice[role=note]").text()).contains("tối đa 12 từ");
	}

	@Test
	void documentWithAFileHasADownloadLink(@TempDir Path content) throws Exception {
		int n = counter.incrementAndGet();
		Files.createDirectories(content.resolve("media"));
		Files.write(content.resolve("media/qd-" + n + ".pdf"), "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII));
		String id = this.items.approvedFromFile(content, "documents/qd-" + n + ".md", """
				---
				id: qd-%d-qd-ubnd-thu
				kind: document
				title: Quyết định thử nghiệm %d
				status: submitted
				document:
				  number: %d/QĐ-UBND
				  issuer: Chủ tịch UBND xã Hoằng Trung
				  issued: 2024-05-02
				  effective: 2024-06-01
				  abstract: Về việc thử nghiệm tải văn bản.
				  file: media/qd-%d.pdf
				---
				Nội dung.
				""".formatted(n, n, 9000 + n, n));
		this.published.visibleNow(id);

		Element entry = entry(page("/documents?q={q}", (9000 + n) + "/QĐ-UBND"), (9000 + n) + "/QĐ-UBND");

		Element download = entry.select("p.download a").first();
		assertThat(download.attr("href")).isEqualTo("/media/qd-" + n + ".pdf");
		assertThat(download.text()).isEqualTo("Tải văn bản " + (9000 + n) + "/QĐ-UBND");
		assertThat(entry.select("dd.issued").text()).isEqualTo("02/05/2024");
		assertThat(entry.select("dd.effective").text()).isEqualTo("01/06/2024");
		// the samples have no file: no empty link
		assertThat(entry(page("/documents"), "76/NQ-CP").select("p.download")).isEmpty();
	}

}
