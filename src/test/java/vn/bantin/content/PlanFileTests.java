package vn.bantin.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlanFileTests {

	static final String GOOD = """
			---
			id: ke-hoach-2024
			kind: plan
			number: 12/KH-UBND
			title: Kế hoạch tuyên truyền năm 2024
			issuer: UBND xã Hoằng Trung
			issued: 2024-01-05
			period:
			  from: 2024-01-01
			  to: 2024-12-31
			themes:
			  - key: thu-tuc
			    title: Thủ tục hành chính
			    description: Phổ biến TTHC
			  - key: thi-dua
			    title: Thi đua
			---

			# Nội dung
			""";

	@Test
	void readsAllFieldsOfAGoodFile() {
		PlanFile.Reading reading = PlanFile.parse("plans/a.md", GOOD);
		assertThat(reading.problems()).isEmpty();
		PlanFile plan = reading.plan();
		assertThat(plan.id()).isEqualTo("ke-hoach-2024");
		assertThat(plan.numberSymbol()).isEqualTo("12/KH-UBND");
		assertThat(plan.title()).isEqualTo("Kế hoạch tuyên truyền năm 2024");
		assertThat(plan.issuedOn()).isEqualTo(LocalDate.of(2024, 1, 5));
		assertThat(plan.periodStart()).isEqualTo(LocalDate.of(2024, 1, 1));
		assertThat(plan.periodEnd()).isEqualTo(LocalDate.of(2024, 12, 31));
		assertThat(plan.themes()).extracting(PlanView.Theme::key).containsExactly("thu-tuc", "thi-dua");
		assertThat(plan.themes().get(1).description()).isEmpty();
		assertThat(plan.body()).isEqualTo("# Nội dung");
	}

	@Test
	void decomposedTextAndWindowsLineEndingsAreNormalised() {
		String decomposed = Normalizer.normalize(GOOD, Normalizer.Form.NFD).replace("\n", "\r\n");
		PlanFile plan = PlanFile.parse("plans/a.md", decomposed).plan();
		assertThat(plan.title()).isEqualTo("Kế hoạch tuyên truyền năm 2024");
	}

	@Test
	void unknownFieldIsReportedWithItsLineAndColumn() {
		PlanFile.Reading reading = PlanFile.parse("plans/a.md", GOOD.replace("issuer:", "isuer:"));
		assertThat(reading.ok()).isFalse();
		assertThat(reading.problems()).extracting(ContentProblem::toString)
			.contains(
					"plans/a.md:6:1: unknown field 'isuer' (known: channels, id, issued, issuer, kind, legal-bases, number, period, purposes, requirements, responsibilities, themes, title)",
					"plans/a.md:2:1: missing field 'issuer'");
	}

	@Test
	void badDateNamesTheFieldAndShowsTheExpectedForm() {
		PlanFile.Reading reading = PlanFile.parse("plans/a.md", GOOD.replace("to: 2024-12-31", "to: 31/12/2024"));
		assertThat(reading.problems()).singleElement()
			.hasToString(
					"plans/a.md:10:7: field 'period.to': '31/12/2024' is not a date; write YYYY-MM-DD, e.g. 2023-01-05");
	}

	@Test
	void badYamlIsLocatedInTheFileNotInTheFrontMatter() {
		PlanFile.Reading reading = PlanFile.parse("plans/a.md", GOOD.replace("title: Kế", "title: [Kế"));
		assertThat(reading.problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.line()).isBetween(5, 7);
			assertThat(problem.message()).startsWith("bad YAML:");
		});
	}

	@Test
	void missingTitleAndDuplicateThemeKeyAreBothReported() {
		String text = GOOD.replace("title: Kế hoạch tuyên truyền năm 2024\n", "")
			.replace("key: thi-dua", "key: thu-tuc");
		assertThat(PlanFile.parse("plans/a.md", text).problems()).extracting(ContentProblem::message)
			.containsExactlyInAnyOrder("missing field 'title'", "field 'themes.key': 'thu-tuc' is used twice");
	}

	@Test
	void fileWithoutFrontMatterIsRefusedOnLineOne() {
		assertThat(PlanFile.parse("plans/a.md", "# Kế hoạch\n").problems()).singleElement()
			.hasToString("plans/a.md:1:1: the file must start with a '---' line opening the YAML front matter");
	}

	@Test
	void theShippedSamplePlansAreValid() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("content/plans"))) {
			assertThat(files.filter((f) -> f.toString().endsWith(".md")).toList()).isNotEmpty().allSatisfy((file) -> {
				PlanFile.Reading reading = PlanFile.parse(file.toString(),
						Files.readString(file, StandardCharsets.UTF_8));
				assertThat(reading.problems()).isEmpty();
				assertThat(reading.plan().themes()).hasSizeGreaterThanOrEqualTo(5);
			});
		}
	}

}
