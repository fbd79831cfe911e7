package vn.bantin.site;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.bantin.BantinWebTest;
import vn.bantin.content.TestPublishedItems;
import vn.bantin.content.TestItems;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public catalogue of administrative procedures: filtered by field and status,
 * amended and repealed ones marked in words, each procedure's page with every field, its
 * status history and the portal link.
 */
@BantinWebTest
class ProcedurePagesTests {

	static final AtomicInteger counter = new AtomicInteger();

	static final String[] SAMPLES = { "chung-thuc-ban-sao-tu-ban-chinh", "dang-ky-ket-hon", "dang-ky-khai-sinh",
			"dang-ky-thuong-tru" };

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

	Document page(String path) throws Exception {
		return SitePage.get(this.mvc, path);
	}

	/** A repealed procedure in the field "Thử nghiệm N", published now. */
	String repealed() {
		int n = counter.incrementAndGet();
		String id = this.items.approvedFromFile(Path.of("content"), "procedures/bai-bo-" + n + ".md", """
				---
				id: thu-tuc-bai-bo-%d
				kind: procedure
				title: Thủ tục đã bãi bỏ %d
				status: submitted
				procedure:
				  code: "9.00000%d"
				  field: Thử nghiệm %d
				  level: partly-online
				  processing-time: 03 ngày làm việc
				  fee: Không
				  papers:
				    - Tờ khai
				  steps:
				    - Nộp hồ sơ
				  legal-basis:
				    - Luật thử nghiệm
				  status: repealed
				  history:
				    - date: 2020-01-01
				      status: in-force
				      note: Ban hành
				    - date: 2024-03-15
				      status: repealed
				      note: Bãi bỏ theo quyết định mới
				---
				Nội dung.
				""".formatted(n, n, n, n));
		this.published.visibleNow(id);
		return id;
	}

	@Test
	void catalogueListsVisibleProceduresWithCodeFieldLevelAndStatus() throws Exception {
		Document list = page("/procedures");

		assertThat(list.select("html").attr("lang")).isEqualTo("vi");
		Element row = list.select("table.procedures tbody tr:has(a[href=/procedures/dang-ky-thuong-tru])").first();
		assertThat(row).isNotNull();
		assertThat(row.select("td").eachText()).containsExactly("1.004222", "Đăng ký, quản lý cư trú", "Toàn trình",
				"Còn hiệu lực");
		assertThat(list.select("table.procedures thead th[scope=col]")).hasSize(5);
		assertThat(list.select("select#field option").eachText()).contains("Hộ tịch", "Chứng thực",
				"Đăng ký, quản lý cư trú");
		assertThat(list.select("label[for=field]")).hasSize(1);
		assertThat(list.select("label[for=status]")).hasSize(1);
	}

	@Test
	void amendedAndRepealedProceduresAreMarkedInWords() throws Exception {
		String repealed = repealed();

		Document list = page("/procedures");

		assertThat(list.select("tr:has(a[href=/procedures/chung-thuc-ban-sao-tu-ban-chinh]) .badge").text())
			.isEqualTo("Đã sửa đổi");
		assertThat(list.select("tr:has(a[href=/procedures/" + repealed + "]) .badge").text()).isEqualTo("Đã bãi bỏ");
	}

	@Test
	void catalogueFiltersByFieldAndByStatus() throws Exception {
		String repealed = repealed();

		Document civil = page("/procedures?field=Hộ tịch");
		assertThat(civil.select("table.procedures tbody th a").eachAttr("href"))
			.containsExactlyInAnyOrder("/procedures/dang-ky-ket-hon", "/procedures/dang-ky-khai-sinh");
		assertThat(civil.select("select#field option[selected]").text()).isEqualTo("Hộ tịch");

		Document amended = page("/procedures?status=amended");
		assertThat(amended.select("table.procedures tbody th a").eachAttr("href"))
			.containsExactly("/procedures/chung-thuc-ban-sao-tu-ban-chinh");
		assertThat(amended.select("select#status option[selected]").attr("value")).isEqualTo("amended");

		Document repealedOnly = page("/procedures?status=repealed");
		assertThat(repealedOnly.select("table.procedures tbody th a").eachAttr("href"))
			.contains("/procedures/" + repealed)
			.allMatch((href) -> href.startsWith("/procedures/thu-tuc-bai-bo-"));

		Document none = page("/procedures?field=Hộ tịch&status=repealed");
		assertThat(none.select("table.procedures")).isEmpty();
		assertThat(none.text()).contains("Không có thủ tục nào phù hợp.");
	}

	@Test
	void procedurePageShowsEveryFieldTheHistoryAndThePortalLink() throws Exception {
		Document procedure = page("/procedures/dang-ky-thuong-tru");

		assertThat(procedure.select("html").attr("lang")).isEqualTo("vi");
		assertThat(procedure.select("h1").text()).isEqualTo("Đăng ký thường trú");
		assertThat(procedure.select("dl.details").text()).contains("1.004222", "Đăng ký, quản lý cư trú", "Toàn trình",
				"Còn hiệu lực", "07 ngày làm việc", "20.000 đồng/lần đăng ký");
		assertThat(procedure.select("ul.papers li")).hasSize(4);
		assertThat(procedure.select("ol.steps li")).hasSize(4);
		assertThat(procedure.select("ol.steps li").first().text()).startsWith("Nộp hồ sơ tại Công an xã");
		assertThat(procedure.select("ul.legal-basis li").eachText()).contains("Luật Cư trú năm 2020");
		Element portal = procedure.select("p.portal a").first();
		assertThat(portal.attr("href")).isEqualTo("https://dichvucong.gov.vn/p/home/dvc-trang-chu.html");
		assertThat(portal.attr("rel")).isEqualTo("external");
		assertThat(procedure.select("table.status-history tbody tr td").eachText().subList(0, 2))
			.containsExactly("01/07/2021", "Còn hiệu lực");
		assertThat(procedure.select("table.status-history thead th[scope=col]")).hasSize(3);
		assertThat(procedure.select("p.notice")).isEmpty();
	}

	@Test
	void repealedProcedurePageSaysSoAndListsItsHistory() throws Exception {
		Document procedure = page("/procedures/" + repealed());

		assertThat(procedure.select("p.notice").text()).contains("Đã bãi bỏ", "không còn được thực hiện");
		assertThat(procedure.select("table.status-history tbody tr")).hasSize(2);
		assertThat(procedure.select("table.status-history tbody tr").last().select("td").eachText())
			.containsExactly("15/03/2024", "Đã bãi bỏ", "Bãi bỏ theo quyết định mới");
		assertThat(procedure.select("dl.details").text()).contains("Một phần", "03 ngày làm việc", "Không");
	}

	@Test
	void amendedProcedurePageSaysSo() throws Exception {
		assertThat(page("/procedures/chung-thuc-ban-sao-tu-ban-chinh").select("p.notice").text()).contains("Đã sửa đổi",
				"đã được sửa đổi");
	}

	@Test
	void sitemapListsTheCataloguesThePlanAndEachVisibleProcedure() throws Exception {
		String sitemap = this.mvc.perform(get("/sitemap.xml").header("Host", "xa.example.vn"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		assertThat(sitemap).contains("<loc>http://xa.example.vn/procedures</loc>",
				"<loc>http://xa.example.vn/documents</loc>", "<loc>http://xa.example.vn/plans</loc>",
				"<loc>http://xa.example.vn/plans/ke-hoach-tuyen-truyen-cchc-2023</loc>",
				"<loc>http://xa.example.vn/procedures/dang-ky-khai-sinh</loc>");
	}

	@Test
	void unknownOrInvisibleProceduresAreNotFound() throws Exception {
		this.mvc.perform(get("/procedures/khong-co")).andExpect(status().isNotFound());
		int n = counter.incrementAndGet();
		String waiting = this.items.approvedFromFile(Path.of("content"), "procedures/chua-dang-" + n + ".md", """
				---
				id: chua-dang-%d
				kind: procedure
				title: Chưa đăng
				status: submitted
				publish-at: 2099-01-01 07:00
				procedure:
				  code: "9.1"
				  field: Thử nghiệm
				  level: partly-online
				  processing-time: 01 ngày
				  fee: Không
				  papers:
				    - Tờ khai
				  steps:
				    - Nộp hồ sơ
				  status: in-force
				---
				Nội dung.
				""".formatted(n));
		// approved but due only in 2099: not visible
		this.mvc.perform(get("/procedures/" + waiting)).andExpect(status().isNotFound());
		// a news item is not a procedure
		this.mvc.perform(get("/procedures/canh-bao-bao-so-7-2026")).andExpect(status().isNotFound());
	}

}
