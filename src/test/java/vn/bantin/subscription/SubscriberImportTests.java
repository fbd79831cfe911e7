package vn.bantin.subscription;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Reading subscribers' CSV files: encodings, separators, header guesses, and which rows
 * are kept or refused (with their line numbers and reasons).
 */
class SubscriberImportTests {

	static SubscriberImport.Plan plan(String csv) {
		SubscriberImport.Table table = SubscriberImport.read(csv.getBytes(StandardCharsets.UTF_8));
		return SubscriberImport.plan(table, SubscriberImport.guess(table.headers()));
	}

	@Test
	void goodRowsAreKeptAndEachBadRowIsRefusedWithItsLineAndReason() {
		SubscriberImport.Plan plan = plan("""
				email,họ tên,thôn,đồng ý
				an@example.vn,Nguyễn Văn An,Thôn 1,có
				khong-phai-dia-chi,Trần Bình,Thôn 2,có
				chi@example.vn,Lê Chi,Thôn 3,
				AN@example.vn,Nguyễn An,Thôn 1,x

				,Không Địa Chỉ,Thôn 4,có
				dung@example.vn,Phạm Dũng,Thôn 5,không
				em@example.vn,"Võ Thị Em, con",Thôn 6,YES
				""");

		assertThat(plan.rows())
			.extracting(SubscriberImport.Row::line, (row) -> row.person().address(), (row) -> row.person().name())
			.containsExactly(tuple(2, "an@example.vn", "Nguyễn Văn An"), tuple(9, "em@example.vn", "Võ Thị Em, con"));
		assertThat(plan.refused())
			.extracting(SubscriberImport.Refusal::line, SubscriberImport.Refusal::reason,
					SubscriberImport.Refusal::detail)
			.containsExactly(tuple(3, SubscriberImport.Reason.INVALID_ADDRESS, "khong-phai-dia-chi"),
					tuple(4, SubscriberImport.Reason.NO_CONSENT, "chi@example.vn"),
					tuple(5, SubscriberImport.Reason.DUPLICATE, "2"),
					tuple(7, SubscriberImport.Reason.NO_ADDRESS, null),
					tuple(8, SubscriberImport.Reason.NO_CONSENT, "dung@example.vn"));
	}

	@ParameterizedTest(name = "\"{0}\" counts as consent: {1}")
	@CsvSource(delimiter = '|',
			value = { "yes|true", "Yes|true", "có|true", "CÓ|true", "co|true", "x|true", "X|true", "true|true",
					"1|true", "đồng ý|true", "no|false", "không|false", "0|false", "false|false", "?|false",
					"ok|false" })
	void onlyTheWordsOfConsentCountAsConsent(String cell, boolean consent) {
		SubscriberImport.Plan plan = plan("email,consent\nan@example.vn," + cell + "\n");

		assertThat(plan.rows()).hasSize(consent ? 1 : 0);
	}

	@ParameterizedTest(name = "header \"{0}\" is the {1} column")
	@CsvSource(delimiter = '|',
			value = { "email|EMAIL", "E-mail|EMAIL", "Địa chỉ email|EMAIL", "Thư điện tử|EMAIL",
					"ĐỊA CHỈ THƯ ĐIỆN TỬ|EMAIL", "Họ tên|NAME", "Họ và tên|NAME", "name|NAME", "Thôn|VILLAGE",
					"village|VILLAGE", "Xóm|VILLAGE", "Đồng ý|CONSENT", "consent|CONSENT" })
	void columnsAreGuessedFromVietnameseOrEnglishHeaders(String header, SubscriberImport.Column column) {
		SubscriberImport.Mapping mapping = SubscriberImport.guess(List.of("ghi chú", header));

		Integer index = switch (column) {
			case EMAIL -> mapping.email();
			case NAME -> mapping.name();
			case VILLAGE -> mapping.village();
			case CONSENT -> mapping.consent();
		};
		assertThat(index).isEqualTo(1);
	}

	@Test
	void aFileWithAByteOrderMarkAndSemicolonsAsExcelSavesItIsRead() {
		byte[] bytes = ("\uFEFFThư điện tử;Họ tên;Thôn;Đồng ý\r\nan@example.vn;Nguyễn Văn An;Thôn Trung Hải;x\r\n")
			.getBytes(StandardCharsets.UTF_8);

		SubscriberImport.Table table = SubscriberImport.read(bytes);
		SubscriberImport.Plan plan = SubscriberImport.plan(table, SubscriberImport.guess(table.headers()));

		assertThat(table.delimiter()).isEqualTo(';');
		assertThat(table.headers()).containsExactly("Thư điện tử", "Họ tên", "Thôn", "Đồng ý");
		assertThat(plan.rows()).singleElement()
			.satisfies((row) -> assertThat(row.person())
				.isEqualTo(new ListMembers.Person("an@example.vn", "Nguyễn Văn An", "Thôn Trung Hải")));
	}

	@Test
	void decomposedVietnameseIsStoredInNfc() {
		String decomposed = Normalizer.normalize("Nguyễn Thị Hồng", Normalizer.Form.NFD);

		SubscriberImport.Plan plan = plan("email,name,consent\nhong@example.vn," + decomposed + ",1\n");

		assertThat(plan.rows().get(0).person().name()).isEqualTo("Nguyễn Thị Hồng")
			.isEqualTo(Normalizer.normalize(decomposed, Normalizer.Form.NFC));
	}

	@Test
	void aQuotedCellOverSeveralLinesKeepsTheLineNumbersOfTheRowsAfterIt() {
		SubscriberImport.Plan plan = plan("email,name,consent\nan@example.vn,\"An\nở thôn 1\",có\nsai,B,có\n");

		assertThat(plan.rows()).singleElement().satisfies((row) -> assertThat(row.line()).isEqualTo(2));
		assertThat(plan.refused()).singleElement().satisfies((refusal) -> assertThat(refusal.line()).isEqualTo(4));
	}

	@Test
	void aFileThatIsNotUtf8IsRefusedAsAWhole() {
		byte[] latin = "email,name,consent\nan@example.vn,Hồ,có\n".getBytes(Charset.forName("windows-1258"));

		assertThatThrownBy(() -> SubscriberImport.read(latin)).isInstanceOf(SubscriberImport.Refused.class)
			.hasMessage("lists.import.error.encoding");
	}

	@Test
	void withoutAConsentColumnNobodyIsImported() {
		SubscriberImport.Table table = SubscriberImport
			.read("email,name\nan@example.vn,An\n".getBytes(StandardCharsets.UTF_8));

		assertThatThrownBy(() -> SubscriberImport.plan(table, SubscriberImport.guess(table.headers())))
			.isInstanceOf(SubscriberImport.Refused.class)
			.hasMessage("lists.import.error.consent-column");
	}

	@Test
	void anUnclosedQuoteIsRefusedNamingItsLine() {
		assertThatThrownBy(() -> SubscriberImport
			.read("email,name,consent\nan@example.vn,\"An,có\n".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(SubscriberImport.Refused.class)
			.satisfies((ex) -> assertThat(((SubscriberImport.Refused) ex).args()).containsExactly(2));
	}

}
