package vn.bantin.text;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SpokenVietnameseTests {

	/** The dictionary shipped in the content folder, as a commune would have it. */
	private static final Abbreviations SHIPPED = Abbreviations.read(Path.of("content/radio/viet-tat.yaml"),
			"radio/viet-tat.yaml");

	private final SpokenVietnamese spoken = new SpokenVietnamese(SHIPPED);

	@ParameterizedTest(name = "{0} is read \"{1}\"")
	@CsvSource(delimiter = '|', textBlock = """
			0             | không
			1             | một
			5             | năm
			10            | mười
			11            | mười một
			14            | mười bốn
			15            | mười lăm
			19            | mười chín
			20            | hai mươi
			21            | hai mươi mốt
			24            | hai mươi tư
			25            | hai mươi lăm
			31            | ba mươi mốt
			44            | bốn mươi tư
			55            | năm mươi lăm
			99            | chín mươi chín
			100           | một trăm
			101           | một trăm linh một
			104           | một trăm linh bốn
			105           | một trăm linh năm
			110           | một trăm mười
			111           | một trăm mười một
			115           | một trăm mười lăm
			121           | một trăm hai mươi mốt
			205           | hai trăm linh năm
			999           | chín trăm chín mươi chín
			1000          | một nghìn
			1001          | một nghìn không trăm linh một
			1005          | một nghìn không trăm linh năm
			1010          | một nghìn không trăm mười
			1015          | một nghìn không trăm mười lăm
			1100          | một nghìn một trăm
			2026          | hai nghìn không trăm hai mươi sáu
			10000         | mười nghìn
			21000         | hai mươi mốt nghìn
			24500         | hai mươi tư nghìn năm trăm
			105000        | một trăm linh năm nghìn
			1000000       | một triệu
			1005000       | một triệu không trăm linh năm nghìn
			1000005       | một triệu không trăm linh năm
			1500000       | một triệu năm trăm nghìn
			1000000000    | một tỷ
			1000000001    | một tỷ không trăm linh một
			2500000000    | hai tỷ năm trăm triệu
			1000000000000 | một nghìn tỷ
			""")
	void wholeNumbersAreReadTheNorthernStandardWay(long number, String reading) {
		assertThat(SpokenVietnamese.number(number)).isEqualTo(reading);
		assertThat(this.spoken.read(Long.toString(number))).isEqualTo(reading);
	}

	@ParameterizedTest(name = "\"{0}\" is read \"{1}\"")
	@CsvSource(delimiter = '|', textBlock = """
			1.500.000                      | một triệu năm trăm nghìn
			1 500 000                      | một triệu năm trăm nghìn
			Hỗ trợ 2.000.000 đồng/hộ       | Hỗ trợ hai triệu đồng/hộ
			12.345                         | mười hai nghìn ba trăm bốn mươi lăm
			2,5                            | hai phẩy năm
			2,25                           | hai phẩy hai mươi lăm
			2,05                           | hai phẩy không năm
			0,5                            | không phẩy năm
			1.500,75                       | một nghìn năm trăm phẩy bảy mươi lăm
			có 3, 4 và 5 hộ                | có ba, bốn và năm hộ
			""")
	void separatorsAndDecimalCommasAreRead(String text, String reading) {
		assertThat(this.spoken.read(text)).isEqualTo(reading);
	}

	@ParameterizedTest(name = "\"{0}\" is read \"{1}\"")
	@CsvSource(delimiter = '|', textBlock = """
			30/4/2026               | ngày ba mươi tháng tư năm hai nghìn không trăm hai mươi sáu
			30-4-2026               | ngày ba mươi tháng tư năm hai nghìn không trăm hai mươi sáu
			ngày 30/4/2026          | ngày ba mươi tháng tư năm hai nghìn không trăm hai mươi sáu
			ngày 30/4               | ngày ba mươi tháng tư
			Ngày 2/9                | Ngày hai tháng chín
			01/01/2027              | ngày một tháng một năm hai nghìn không trăm hai mươi bảy
			ngày 15-11              | ngày mười lăm tháng mười một
			tháng 4/2026            | tháng tư năm hai nghìn không trăm hai mươi sáu
			tháng 12                | tháng mười hai
			từ 1/2 đến hết          | từ một/hai đến hết
			32/13/2026              | ba mươi hai/mười ba/hai nghìn không trăm hai mươi sáu
			giai đoạn 2021 - 2025   | giai đoạn hai nghìn không trăm hai mươi mốt đến hai nghìn không trăm hai mươi lăm
			2021-2030               | hai nghìn không trăm hai mươi mốt đến hai nghìn không trăm ba mươi
			năm 2026–2027           | năm hai nghìn không trăm hai mươi sáu đến hai nghìn không trăm hai mươi bảy
			""")
	void datesAreReadDayMonthYear(String text, String reading) {
		assertThat(this.spoken.read(text)).isEqualTo(reading);
	}

	@ParameterizedTest(name = "\"{0}\" is read \"{1}\"")
	@CsvSource(delimiter = '|', textBlock = """
			7h30                    | bảy giờ ba mươi phút
			7h                      | bảy giờ
			07:30                   | bảy giờ ba mươi phút
			17 giờ 30               | mười bảy giờ ba mươi phút
			17 giờ 30 phút          | mười bảy giờ ba mươi phút
			lúc 14h00 hôm nay       | lúc mười bốn giờ hôm nay
			từ 7 giờ sáng           | từ bảy giờ sáng
			21h15                   | hai mươi mốt giờ mười lăm phút
			25h                     | hai mươi lămh
			""")
	void timesAreReadInHoursAndMinutes(String text, String reading) {
		assertThat(this.spoken.read(text)).isEqualTo(reading);
	}

	@ParameterizedTest(name = "\"{0}\" is read \"{1}\"")
	@CsvSource(delimiter = '|',
			textBlock = """
					3153/QĐ-UBND                          | số ba nghìn một trăm năm mươi ba, quyết định, ủy ban nhân dân
					Quyết định số 3153/QĐ-UBND            | Quyết định số ba nghìn một trăm năm mươi ba, quyết định, ủy ban nhân dân
					Kế hoạch 45/KH-UBND                   | Kế hoạch số bốn mươi lăm, kế hoạch, ủy ban nhân dân
					Nghị định 12/2025/NĐ-CP               | Nghị định số mười hai năm hai nghìn không trăm hai mươi lăm, nghị định, chính phủ
					Công văn 7/XYZ                        | Công văn số bảy, XYZ
					""")
	void documentNumbersAreReadAsNumberThenEachPart(String text, String reading) {
		assertThat(this.spoken.read(text)).isEqualTo(reading);
	}

	@ParameterizedTest(name = "\"{0}\" is read \"{1}\"")
	@CsvSource(delimiter = '|', textBlock = """
			0912 345 678            | không chín một hai, ba bốn năm, sáu bảy tám
			0912.345.678            | không chín một hai, ba bốn năm, sáu bảy tám
			0912345678              | không chín một hai, ba bốn năm, sáu bảy tám
			02373 851 234           | không hai ba bảy ba, tám năm một, hai ba bốn
			+84 912 345 678         | cộng tám bốn, chín một hai, ba bốn năm, sáu bảy tám
			Gọi 0912345678 ngay     | Gọi không chín một hai, ba bốn năm, sáu bảy tám ngay
			""")
	void phoneNumbersAreReadDigitByDigitInGroups(String text, String reading) {
		assertThat(this.spoken.read(text)).isEqualTo(reading);
	}

	@ParameterizedTest(name = "\"{0}\" is read \"{1}\"")
	@CsvSource(delimiter = '|', textBlock = """
			15%                     | mười lăm phần trăm
			2,5%                    | hai phẩy năm phần trăm
			100 %                   | một trăm phần trăm
			5 m                     | năm mét
			120m2                   | một trăm hai mươi mét vuông
			120 m²                  | một trăm hai mươi mét vuông
			3 km                    | ba ki-lô-mét
			2,5 ha                  | hai phẩy năm héc-ta
			50 kg                   | năm mươi ki-lô-gam
			3 tấn                   | ba tấn
			500.000đ                | năm trăm nghìn đồng
			1.200.000 VNĐ           | một triệu hai trăm nghìn đồng
			300 đồng                | ba trăm đồng
			5 mét                   | năm mét
			""")
	void percentagesAndUnitsAreReadInWords(String text, String reading) {
		assertThat(this.spoken.read(text)).isEqualTo(reading);
	}

	@ParameterizedTest(name = "\"{0}\" is read \"{1}\"")
	@CsvSource(delimiter = '|', textBlock = """
			UBND xã                         | ủy ban nhân dân xã
			HĐND và UBMTTQ                  | hội đồng nhân dân và ủy ban mặt trận tổ quốc
			thẻ BHYT, BHXH                  | thẻ bảo hiểm y tế, bảo hiểm xã hội
			làm CCCD                        | làm căn cước công dân
			QĐ-UBND                         | quyết định ủy ban nhân dân
			NĐ-CP                           | nghị định chính phủ
			Sở TN&MT                        | Sở tài nguyên và môi trường
			ubnd                            | ubnd
			UBNDX                           | UBNDX
			(TTHC)                          | (thủ tục hành chính)
			""")
	void abbreviationsAreExpandedAsWholeWordsLongestFirst(String text, String reading) {
		assertThat(this.spoken.read(text)).isEqualTo(reading);
	}

	@ParameterizedTest(name = "\"{0}\" is read \"{1}\"")
	@CsvSource(delimiter = '|',
			textBlock = """
					trong năm 2026                  | trong năm hai nghìn không trăm hai mươi sáu
					Điều 5. Hiệu lực                | Điều năm. Hiệu lực
					phòng COVID-19                  | phòng COVID-mười chín
					thôn 3 và thôn 11               | thôn ba và thôn mười một
					lúc 7h30' sáng                  | lúc bảy giờ ba mươi phút sáng
					12345678901234567890            | một hai ba bốn năm sáu bảy tám chín không một hai ba bốn năm sáu bảy tám chín không
					""")
	void textAroundNumbersIsKeptAsWritten(String text, String reading) {
		assertThat(this.spoken.read(text)).isEqualTo(reading);
	}

	@Test
	void aWholeAnnouncementReadsEveryTokenInWords() {
		String script = "Theo Kế hoạch số 45/KH-UBND, từ 7h30 ngày 15/5/2026, UBND xã tiêm phòng cho 1.250 con gia súc; "
				+ "hỗ trợ 50% phí, tối đa 200.000đ/con. Liên hệ 0912 345 678.";
		assertThat(this.spoken.read(script)).isEqualTo("Theo Kế hoạch số bốn mươi lăm, kế hoạch, ủy ban nhân dân, "
				+ "từ bảy giờ ba mươi phút ngày mười lăm tháng năm năm hai nghìn không trăm hai mươi sáu, "
				+ "ủy ban nhân dân xã tiêm phòng cho một nghìn hai trăm năm mươi con gia súc; "
				+ "hỗ trợ năm mươi phần trăm phí, tối đa hai trăm nghìn đồng/con. "
				+ "Liên hệ không chín một hai, ba bốn năm, sáu bảy tám.");
	}

	@Test
	void decomposedInputIsReadLikeComposed() {
		String decomposed = java.text.Normalizer.normalize("HĐND ngày 2/9", java.text.Normalizer.Form.NFD);
		assertThat(this.spoken.read(decomposed)).isEqualTo("hội đồng nhân dân ngày hai tháng chín");
	}

	@Test
	void nullAndBlankScriptsReadAsThemselves() {
		assertThat(this.spoken.read(null)).isEmpty();
		assertThat(this.spoken.read("  ")).isEqualTo("  ");
	}

	@Test
	void negativeNumbersAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> SpokenVietnamese.number(-1));
	}

	@Test
	void withoutADictionaryAbbreviationsStayAsWritten() {
		assertThat(new SpokenVietnamese(Abbreviations.NONE).read("UBND có 3 xã")).isEqualTo("UBND có ba xã");
	}

	@Test
	void theShippedDictionaryLoadsCleanlyWithAtLeastSixtyEntries() {
		assertThat(SHIPPED.problems()).isEmpty();
		assertThat(SHIPPED.entries()).hasSizeGreaterThanOrEqualTo(60)
			.containsEntry("UBND", "ủy ban nhân dân")
			.containsEntry("QĐ-UBND", "quyết định ủy ban nhân dân");
	}

	@Test
	void badDictionaryLinesAreReportedWithFileLineAndFieldWhileGoodLinesLoad(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("viet-tat.yaml");
		Files.writeString(file, """
				# comment
				UBND: ủy ban nhân dân
				no colon here
				HĐND:
				: trống
				UBND: lặp lại
				CCHC: "cải cách hành chính"
				""", StandardCharsets.UTF_8);
		Abbreviations read = Abbreviations.read(file, "radio/viet-tat.yaml");
		assertThat(read.entries()).containsExactly(java.util.Map.entry("UBND", "ủy ban nhân dân"),
				java.util.Map.entry("CCHC", "cải cách hành chính"));
		assertThat(read.problems()).hasSize(4)
			.satisfiesExactly((p) -> assertThat(p).startsWith("radio/viet-tat.yaml:3:1: expected"),
					(p) -> assertThat(p).startsWith("radio/viet-tat.yaml:4:").contains("field 'reading'", "HĐND"),
					(p) -> assertThat(p).startsWith("radio/viet-tat.yaml:5:1: field 'abbreviation'"),
					(p) -> assertThat(p).startsWith("radio/viet-tat.yaml:6:1: field 'abbreviation'")
						.contains("already defined on line 2"));
	}

	@Test
	void aMissingDictionaryFileIsOneProblemNotAFailure(@TempDir Path dir) {
		Abbreviations read = Abbreviations.read(dir.resolve("absent.yaml"), "radio/viet-tat.yaml");
		assertThat(read.entries()).isEmpty();
		assertThat(read.problems()).singleElement().asString().startsWith("radio/viet-tat.yaml:1:1: cannot read");
	}

	@Test
	void aDictionaryNotInUtf8IsReported(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("viet-tat.yaml");
		Files.write(file, "UBND: \u1ee7y ban".getBytes(java.nio.charset.Charset.forName("UTF-16LE")));
		Files.write(file, new byte[] { 'U', ':', ' ', (byte) 0xff, (byte) 0xfe });
		assertThat(Abbreviations.read(file, "radio/viet-tat.yaml").problems()).singleElement()
			.asString()
			.contains("not UTF-8");
	}

}
