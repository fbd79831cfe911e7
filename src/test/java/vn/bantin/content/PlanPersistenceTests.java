package vn.bantin.content;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.bantin.H2Database;
import vn.bantin.PersistenceTest;
import vn.bantin.PostgresDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plans and their themes are stored and read back in the plan's order, on H2 and on
 * PostgreSQL.
 */
class PlanPersistenceTests {

	private static final PlanView.Theme THE_CHE = new PlanView.Theme("the-che", "Cải cách thể chế",
			"Xây dựng, hoàn thiện và tổ chức thi hành văn bản quy phạm pháp luật.");

	private static final PlanView.Theme THU_TUC = new PlanView.Theme("thu-tuc-hanh-chinh",
			"Cải cách thủ tục hành chính", "Niêm yết công khai thủ tục; tiếp nhận và trả kết quả theo cơ chế một cửa.");

	private static final PlanView.Theme BO_MAY = new PlanView.Theme("bo-may", "Cải cách tổ chức bộ máy",
			"Sắp xếp tổ chức bộ máy tinh gọn, hoạt động hiệu lực, hiệu quả.");

	private static final PlanView.Theme CHUYEN_DOI_SO = new PlanView.Theme("chuyen-doi-so", "Chuyển đổi số",
			"Dịch vụ công trực tuyến, chính quyền số.");

	/** Every section filled, in an order that only the stored positions can give back. */
	private static final PlanView.Sections SECTIONS = new PlanView.Sections(
			List.of("Quyết định số 3153/QĐ-UBND ngày 29/12/2022", "Kế hoạch số 102/KH-UBND ngày 30/12/2022"),
			List.of("Nâng cao nhận thức về CCHC"), List.of("Tuyên truyền thường xuyên", "Đúng đối tượng"),
			List.of("Trang thông tin điện tử", "Đài truyền thanh xã"),
			List.of(new PlanView.Responsibility("Văn phòng UBND xã - Bộ phận một cửa",
					List.of("Niêm yết công khai TTHC", "Báo cáo định kỳ"), "hàng quý, 6 tháng, 9 tháng, năm"),
					new PlanView.Responsibility("Công chức Tư pháp - Hộ tịch", List.of("Lồng ghép CCHC"), null)));

	@Nested
	@H2Database
	class OnH2 extends PlanChecks {

	}

	@Nested
	@PostgresDatabase
	class OnPostgres extends PlanChecks {

	}

	@PersistenceTest
	abstract static class PlanChecks {

		@Autowired
		PlanStore plans;

		@Autowired
		TestEntityManager entities;

		@Test
		void planIsReadBackWithItsThemesInThePlansOrder() {
			// not in key order, so that only the stored position can give this order back
			PlanFile file = planFile(List.of(THE_CHE, THU_TUC, BO_MAY),
					"# Kế hoạch\n\n" + "Tuyên truyền. ".repeat(2000));
			Plan plan = new Plan(file.id());
			plan.refresh(file, "plans/ke-hoach-cchc-2024.md", Instant.parse("2025-01-02T03:04:05Z"));
			this.plans.save(plan);
			this.entities.flush();
			this.entities.clear();

			PlanView read = this.plans.findById("ke-hoach-cchc-2024").orElseThrow().view();
			assertThat(read.themes()).containsExactly(THE_CHE, THU_TUC, BO_MAY);
			assertThat(read).usingRecursiveComparison()
				.isEqualTo(new PlanView(file.id(), file.numberSymbol(), file.title(), file.issuer(), file.issuedOn(),
						file.periodStart(), file.periodEnd(), file.themes(), SECTIONS, "plans/ke-hoach-cchc-2024.md"));
			assertThat(this.entities.getEntityManager()
				.createNativeQuery("SELECT body_markdown FROM plan WHERE id = 'ke-hoach-cchc-2024'")
				.getSingleResult()).isEqualTo(file.body());
		}

		@Test
		void reloadedPlanFileReplacesTheThemesInTheirNewOrder() {
			PlanFile first = planFile(List.of(THE_CHE, THU_TUC, BO_MAY), "Lần đầu.");
			Plan plan = new Plan(first.id());
			plan.refresh(first, "plans/ke-hoach-cchc-2024.md", Instant.parse("2025-01-02T03:04:05Z"));
			this.plans.save(plan);
			this.entities.flush();
			this.entities.clear();

			// as ContentFolder does when the file changed: themes moved, one dropped, one
			// added
			PlanFile edited = planFile(List.of(BO_MAY, CHUYEN_DOI_SO, THE_CHE), "Lần sau.");
			this.plans.findById(edited.id())
				.orElseThrow()
				.refresh(edited, "plans/ke-hoach-cchc-2024.md", Instant.parse("2025-02-03T04:05:06Z"));
			this.entities.flush();
			this.entities.clear();

			assertThat(this.plans.findById(edited.id()).orElseThrow().view().themes()).containsExactly(BO_MAY,
					CHUYEN_DOI_SO, THE_CHE);
		}

		private static PlanFile planFile(List<PlanView.Theme> themes, String body) {
			return new PlanFile("ke-hoach-cchc-2024", "102/KH-UBND",
					"Kế hoạch tuyên truyền cải cách hành chính năm 2024", "UBND xã Hoằng Trung",
					LocalDate.of(2024, 1, 15), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), themes, SECTIONS,
					body);
		}

	}

}
