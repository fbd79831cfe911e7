package vn.bantin.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading item, procedure and document files: every field, and every kind of mistake
 * reported with file, line, column and field.
 */
class ItemFileTests {

	static final String ANNOUNCEMENT = """
			---
			id: lich-tiep-cong-dan
			kind: announcement
			title: Lịch tiếp công dân tháng 12
			summary: Chủ tịch UBND xã tiếp công dân sáng thứ Năm.
			themes: [thu-tuc]
			tags: [tiep-cong-dan]
			zones: [thon-1, thon-2]
			priority: priority
			author: Nguyễn Thị Lan
			status: approved
			approved-by: Lê Văn Tý
			publish-at: 2026-12-01 06:00
			expire-at: 2026-12-31
			channels: [web, radio]
			attachments:
			  - file: media/lich.pdf
			    title: Lịch chi tiết
			email:
			  subject: Lịch tiếp dân
			radio:
			  script: Ủy ban nhân dân xã thông báo.
			feed:
			  summary: Tiếp dân sáng thứ Năm
			---

			Chủ tịch UBND xã tiếp công dân **sáng thứ Năm**.
			""";

	@TempDir
	Path content;

	ItemFile.Context context;

	@BeforeEach
	void mediaAndThemes() throws IOException {
		Files.createDirectories(this.content.resolve("media"));
		Files.writeString(this.content.resolve("media/lich.pdf"), "%PDF-1.4");
		this.context = new ItemFile.Context(this.content, Set.of("thu-tuc", "thi-dua"), ZoneId.of("Asia/Ho_Chi_Minh"));
	}

	ItemFile.Reading read(String path, String text) {
		return ItemFile.parse(path, text, this.context);
	}

	@Test
	void readsEveryFieldOfAnAnnouncement() {
		ItemFile.Reading reading = read("items/a.md", ANNOUNCEMENT);
		assertThat(reading.problems()).isEmpty();
		ItemFile item = reading.item();
		assertThat(item.id()).isEqualTo("lich-tiep-cong-dan");
		assertThat(item.kind()).isEqualTo(ItemKind.ANNOUNCEMENT);
		assertThat(item.themes()).containsExactly("thu-tuc");
		assertThat(item.zones()).containsExactly("thon-1", "thon-2");
		assertThat(item.priority()).isEqualTo(Priority.PRIORITY);
		assertThat(item.status()).isEqualTo(ItemStatus.APPROVED);
		assertThat(item.approvedBy()).isEqualTo("Lê Văn Tý");
		// commune time, UTC+7, whatever the JVM's zone
		assertThat(item.publishAt()).isEqualTo(Instant.parse("2026-11-30T23:00:00Z"));
		assertThat(item.expireAt()).isEqualTo(Instant.parse("2026-12-30T17:00:00Z"));
		assertThat(item.channels()).containsExactlyInAnyOrder(Channel.WEB, Channel.RADIO);
		assertThat(item.attachments()).containsExactly(new ItemFile.Attachment("media/lich.pdf", "Lịch chi tiết"));
		assertThat(item.variants()).isEqualTo(new ItemFile.Variants("Lịch tiếp dân", null,
				"Ủy ban nhân dân xã thông báo.", null, "Tiếp dân sáng thứ Năm"));
		assertThat(item.body()).isEqualTo("Chủ tịch UBND xã tiếp công dân **sáng thứ Năm**.");
	}

	@Test
	void defaultsAreAllChannelsNormalPriorityAndAwaitingApproval() {
		ItemFile item = read("items/a.md", """
				---
				id: tin-ngan
				kind: news
				title: Tin ngắn
				---
				Nội dung.
				""").item();
		assertThat(item.channels()).isEqualTo(EnumSet.allOf(Channel.class));
		assertThat(item.priority()).isEqualTo(Priority.NORMAL);
		assertThat(item.status()).isEqualTo(ItemStatus.SUBMITTED);
	}

	@Test
	void unknownThemeNamesTheKnownOnes() {
		assertThat(
				read("items/a.md", ANNOUNCEMENT.replace("themes: [thu-tuc]", "themes: [thu-tuc, cai-cach]")).problems())
			.singleElement()
			.hasToString(
					"items/a.md:6:9: field 'themes': unknown theme 'cai-cach' (themes of the plans: thi-dua, thu-tuc)");
	}

	@Test
	void missingMediaFileIsReportedWithWhereToPutIt() {
		assertThat(read("items/a.md", ANNOUNCEMENT.replace("media/lich.pdf", "media/khong-co.pdf")).problems())
			.singleElement()
			.satisfies((problem) -> {
				assertThat(problem.line()).isEqualTo(17);
				assertThat(problem.message())
					.startsWith("field 'attachments.file': media file 'media/khong-co.pdf' does not exist");
			});
	}

	@Test
	void mediaPathMayNotLeaveTheContentFolder() {
		assertThat(read("items/a.md", ANNOUNCEMENT.replace("media/lich.pdf", "../../etc/passwd")).problems())
			.singleElement()
			.satisfies((problem) -> assertThat(problem.message()).contains("must be a path inside the content folder"));
	}

	@Test
	void mediaOutsideTheMediaFolderIsRefusedSinceTheSiteWouldNotServeIt() throws IOException {
		Files.writeString(this.content.resolve("lich.pdf"), "%PDF-1.4");
		assertThat(read("items/a.md", ANNOUNCEMENT.replace("media/lich.pdf", "lich.pdf")).problems()).singleElement()
			.satisfies((problem) -> assertThat(problem.message()).contains("under media/"));
	}

	@Test
	void mediaOfAKindTheSiteDoesNotServeIsRefused() throws IOException {
		Files.writeString(this.content.resolve("media/lich.html"), "<script></script>");
		assertThat(read("items/a.md", ANNOUNCEMENT.replace("media/lich.pdf", "media/lich.html")).problems())
			.singleElement()
			.satisfies((problem) -> {
				assertThat(problem.line()).isEqualTo(17);
				assertThat(problem.message()).contains("'media/lich.html' is not a kind of file the site serves")
					.contains("mp3")
					.contains("pdf");
			});
	}

	@Test
	void badTimeUnknownChannelAndBadPriorityAreAllReported() {
		String text = ANNOUNCEMENT.replace("publish-at: 2026-12-01 06:00", "publish-at: 1/12/2026 6h")
			.replace("channels: [web, radio]", "channels: [web, loa]")
			.replace("priority: priority", "priority: khan-cap");
		assertThat(read("items/a.md", text).problems()).extracting(ContentProblem::toString)
			.containsExactlyInAnyOrder(
					"items/a.md:9:11: field 'priority': 'khan-cap' is not one of: normal, priority, emergency",
					"items/a.md:13:13: field 'publish-at': '1/12/2026 6h' is not a time; write YYYY-MM-DD HH:MM in commune time, e.g. 2026-12-01 06:00",
					"items/a.md:15:11: field 'channels': 'loa' is not one of: web, feed, email, radio");
	}

	@Test
	void expiryBeforePublicationIsRefused() {
		assertThat(
				read("items/a.md", ANNOUNCEMENT.replace("expire-at: 2026-12-31", "expire-at: 2026-11-01")).problems())
			.extracting(ContentProblem::message)
			.containsExactly("field 'expire-at': must be after publish-at");
	}

	@Test
	void expiredItemsGoToTheArchiveUnlessTheFileSaysRemove() {
		assertThat(read("items/a.md", ANNOUNCEMENT).item().onExpiry()).isEqualTo(OnExpiry.ARCHIVE);
		assertThat(read("items/a.md",
				ANNOUNCEMENT.replace("expire-at: 2026-12-31", "expire-at: 2026-12-31\non-expiry: remove"))
			.item()
			.onExpiry()).isEqualTo(OnExpiry.REMOVE);
		assertThat(read("items/a.md",
				ANNOUNCEMENT.replace("expire-at: 2026-12-31", "expire-at: 2026-12-31\non-expiry: xoa"))
			.problems()).extracting(ContentProblem::toString)
			.containsExactly("items/a.md:15:12: field 'on-expiry': 'xoa' is not one of: archive, remove");
	}

	@Test
	void approvedWithoutApproverIsRefused() {
		assertThat(read("items/a.md", ANNOUNCEMENT.replace("approved-by: Lê Văn Tý\n", "")).problems())
			.extracting(ContentProblem::message)
			.containsExactly("field 'status': an item approved outside Bản tin needs 'approved-by' (who signed it)");
	}

	@Test
	void aFileCannotClaimToBePublished() {
		assertThat(read("items/a.md", ANNOUNCEMENT.replace("status: approved", "status: published")).problems())
			.extracting(ContentProblem::message)
			.containsExactly("field 'status': 'published' is not one of: draft, submitted, approved");
	}

	@Test
	void missingTitleAndUnknownFieldInAVariant() {
		String text = ANNOUNCEMENT.replace("title: Lịch tiếp công dân tháng 12\n", "")
			.replace("  subject: Lịch tiếp dân", "  subjet: Lịch tiếp dân");
		assertThat(read("items/a.md", text).problems()).extracting(ContentProblem::toString)
			.containsExactlyInAnyOrder("items/a.md:2:1: missing field 'title'",
					"items/a.md:19:3: unknown field 'email.subjet' (known: intro, subject)");
	}

	@Test
	void readsAProcedureWithItsHistory() {
		ItemFile.Reading reading = read("procedures/khai-sinh.md", """
				---
				id: dang-ky-khai-sinh
				kind: procedure
				title: Đăng ký khai sinh
				themes: [thu-tuc]
				procedure:
				  code: "1.001193"
				  field: Hộ tịch
				  level: full-online
				  processing-time: Ngay trong ngày
				  fee: Miễn lệ phí
				  papers: [Tờ khai, Giấy chứng sinh]
				  steps:
				    - Nộp hồ sơ
				    - Nhận kết quả
				  legal-basis: Luật Hộ tịch năm 2014
				  portal-url: https://dichvucong.gov.vn/
				  status: amended
				  history:
				    - date: 2023-01-01
				      status: in-force
				    - date: 2025-07-01
				      status: amended
				      note: Sửa đổi thành phần hồ sơ
				---
				Cha, mẹ đăng ký khai sinh cho con.
				""");
		assertThat(reading.problems()).isEmpty();
		ItemFile.ProcedureDetails procedure = reading.item().procedure();
		assertThat(procedure.code()).isEqualTo("1.001193");
		assertThat(procedure.level()).isEqualTo(ProcedureLevel.FULL_ONLINE);
		assertThat(procedure.papers()).containsExactly("Tờ khai", "Giấy chứng sinh");
		assertThat(procedure.legalBasis()).containsExactly("Luật Hộ tịch năm 2014");
		assertThat(procedure.status()).isEqualTo(ProcedureStatus.AMENDED);
		assertThat(procedure.history()).containsExactly(
				new ItemFile.ProcedureDetails.Change(LocalDate.of(2023, 1, 1), ProcedureStatus.IN_FORCE, null),
				new ItemFile.ProcedureDetails.Change(LocalDate.of(2025, 7, 1), ProcedureStatus.AMENDED,
						"Sửa đổi thành phần hồ sơ"));
	}

	@Test
	void procedureWithoutItsRequiredDetailsNamesEachOne() {
		assertThat(read("procedures/x.md", """
				---
				id: thu-tuc-thieu
				kind: procedure
				title: Thủ tục thiếu
				procedure:
				  code: "2.000815"
				  level: online
				---
				""").problems()).extracting(ContentProblem::message)
			.containsExactlyInAnyOrder("missing field 'procedure.field'",
					"field 'procedure.level': 'online' is not one of: full-online, partly-online",
					"missing field 'procedure.processing-time'", "missing field 'procedure.fee'",
					"missing field 'procedure.papers'", "missing field 'procedure.steps'",
					"missing field 'procedure.status'");
	}

	@Test
	void documentInTheWrongFolderOrWithoutDetailsIsRefused() {
		String document = """
				---
				id: qd-3153
				kind: document
				title: Quyết định 3153/QĐ-UBND
				document:
				  number: 3153/QĐ-UBND
				  issuer: Chủ tịch UBND huyện Hoằng Hóa
				  issued: 2022-12-29
				  abstract: Ban hành kế hoạch CCHC năm 2023
				---
				""";
		assertThat(read("documents/qd.md", document).problems()).isEmpty();
		assertThat(read("documents/qd.md", document).item().document().issued()).isEqualTo(LocalDate.of(2022, 12, 29));
		assertThat(read("items/qd.md", document).problems()).extracting(ContentProblem::message)
			.containsExactly("field 'kind': a document belongs in documents/");
		assertThat(read("documents/qd.md", document.replace("kind: document", "kind: news")).problems())
			.extracting(ContentProblem::message)
			.containsExactlyInAnyOrder("field 'kind': a file in documents/ must be 'document', not 'news'",
					"field 'document': only a 'document' item has these details");
	}

}
