package vn.bantin.site;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import vn.bantin.BantinWebTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The seed communication plan rendered as the official plan lays it out: issuer and
 * period, legal bases, purposes and requirements, themes with their descriptions, who
 * does what, and its text.
 */
@BantinWebTest
class PlanPageTests {

	static final String PLAN = "/plans/ke-hoach-tuyen-truyen-cchc-2023";

	@Autowired
	MockMvc mvc;

	Document page(String path) throws Exception {
		return SitePage.get(this.mvc, path);
	}

	@Test
	void plansPageLinksToEachPlan() throws Exception {
		Document plans = page("/plans");

		assertThat(plans.select("html").attr("lang")).isEqualTo("vi");
		assertThat(plans.select("ul.plans a").eachAttr("href")).containsExactly(PLAN);
		assertThat(plans.select("ul.plans a").text())
			.isEqualTo("Kế hoạch tuyên truyền công tác cải cách hành chính năm 2023");
	}

	@Test
	void planPageShowsIssuerPeriodAndEverySection() throws Exception {
		Document plan = page(PLAN);

		assertThat(plan.select("html").attr("lang")).isEqualTo("vi");
		assertThat(plan.select("h1").text()).isEqualTo("Kế hoạch tuyên truyền công tác cải cách hành chính năm 2023");
		assertThat(plan.select("dd.issuer").text()).isEqualTo("UBND xã Hoằng Trung");
		assertThat(plan.select("dd.period").text()).isEqualTo("01/01/2023 – 31/12/2023");
		assertThat(plan.select(".legal-bases h2").text()).isEqualTo("Căn cứ");
		assertThat(plan.select(".legal-bases li")).hasSize(2);
		assertThat(plan.select(".legal-bases li").first().text()).startsWith("Quyết định số 3153/QĐ-UBND");
		assertThat(plan.select(".purposes li")).hasSize(2);
		assertThat(plan.select(".requirements li")).hasSize(3);
		assertThat(plan.select(".channels li").eachText())
			.contains("Đưa tin, bài, mở chuyên mục, chuyên trang về " + "công tác CCHC trên Đài truyền thanh xã.");
		assertThat(plan.select(".responsibility h3").eachText()).contains("Công chức Văn hóa - Đài Truyền thanh xã",
				"Văn phòng UBND xã - Bộ phận một cửa", "Công chức Tư pháp - Hộ tịch");
		assertThat(plan.select(".responsibility:has(h3:containsOwn(Bộ phận một cửa)) .reporting").text())
			.isEqualTo("Báo cáo: hàng quý, 6 tháng, 9 tháng, năm");
		assertThat(plan.select(".body > h2").text()).isEqualTo("Toàn văn kế hoạch");
		assertThat(plan.select(".body > div").text()).contains("Tổ chức thực hiện");
	}

	@Test
	void planPageListsThemesWithTheirDescriptions() throws Exception {
		Document plan = page(PLAN);

		assertThat(plan.select(".themes dt").eachText()).containsExactly("Chương trình, kế hoạch CCHC các cấp",
				"Thủ tục hành chính đã công bố, chuẩn hóa", "Dịch vụ công trực tuyến và bưu chính công ích",
				"Gương điển hình, sáng kiến, một cửa liên thông", "Phong trào thi đua về CCHC");
		assertThat(plan.select(".themes dt#theme-thu-tuc-hanh-chinh + dd").text())
			.startsWith("Phổ biến kịp thời nội dung các thủ tục hành chính (TTHC)");
	}

	@Test
	void unknownPlanIsNotFound() throws Exception {
		this.mvc.perform(get("/plans/khong-co")).andExpect(status().isNotFound());
	}

}
