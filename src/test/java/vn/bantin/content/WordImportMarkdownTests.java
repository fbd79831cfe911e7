package vn.bantin.content;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.ZoneId;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.system.BantinProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Markdown a Word file gives, in full: what an editor finds in the draft.
 */
class WordImportMarkdownTests {

	@TempDir
	Path data;

	WordImport wordImport() {
		return new WordImport(new BantinProperties(this.data, ZoneId.of("Asia/Ho_Chi_Minh"), this.data.resolve("c"),
				this.data.resolve("s")));
	}

	@Test
	void aDocumentWithoutImagesWritesNoFolderAndTakesItsTitleFromTheFirstHeading() throws Exception {
		XWPFDocument document = new XWPFDocument();
		document.createParagraph().setStyle("Heading2");
		document.getLastParagraph().createRun().setText("Họp dân thôn Đông");
		XWPFRun run = document.createParagraph().createRun();
		run.setText("Dòng một");
		run.addBreak();
		run.setText("dòng <hai> & *ba*");
		WordImport.Imported imported = wordImport().read(new ByteArrayInputStream(WordImportTests.toBytes(document)));
		assertThat(imported.title()).isEqualTo("Họp dân thôn Đông");
		assertThat(imported.body()).isEqualTo("## Họp dân thôn Đông\n\nDòng một\\\ndòng \\<hai> & \\*ba\\*");
		assertThat(imported.mediaFolder()).isNull();
		assertThat(this.data.resolve("media")).doesNotExist();
	}

	@Test
	void aPartThatUnpacksTooFarIsAZipBombWhileAnOrdinaryExtraPartIsNot() throws Exception {
		byte[] noise = new byte[1024 * 1024];
		new java.util.Random(7).nextBytes(noise);
		assertThat(wordImport().read(new ByteArrayInputStream(withExtraPart(noise))).title())
			.isEqualTo("Thông báo lịch tiếp công dân");
		byte[] spaces = new byte[20 * 1024 * 1024];
		java.util.Arrays.fill(spaces, (byte) ' ');
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> wordImport().read(new ByteArrayInputStream(withExtraPart(spaces))))
			.isInstanceOfSatisfying(vn.bantin.system.RuleViolation.class,
					(violation) -> assertThat(violation.messageKey()).isEqualTo("item.error.docx-corrupt"));
	}

	static byte[] withExtraPart(byte[] content) throws Exception {
		byte[] good = WordImportTests.toBytes(WordImportTests.sampleDocument(WordImportTests.png()));
		java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
		try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(good));
				java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(zip)) {
			for (java.util.zip.ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
				in.transferTo(out);
			}
			out.putNextEntry(new java.util.zip.ZipEntry("word/padding.xml"));
			out.write(content);
		}
		return zip.toByteArray();
	}

	@Test
	void sampleDocument() throws Exception {
		WordImport.Imported imported = wordImport().read(new ByteArrayInputStream(
				WordImportTests.toBytes(WordImportTests.sampleDocument(WordImportTests.png()))));
		assertThat(imported.title()).isEqualTo("Thông báo lịch tiếp công dân");
		assertThat(imported.body()).isEqualTo("""
				# Lịch tiếp công dân tháng 12

				Chủ tịch UBND xã **tiếp công dân định kỳ** vào *ngày 15 hằng tháng*.

				Tiếng Việt có dấu: ướt, nghiêng, huyền

				- Mang theo căn cước công dân
				- Đơn thư ghi rõ họ tên, địa chỉ
				  - Bản sao giấy tờ liên quan

				1. Đăng ký tại Bộ phận một cửa
				2. Chờ gọi tên theo thứ tự

				## Địa điểm

				| Thời gian | Người tiếp | Địa điểm |
				| --- | --- | --- |
				| 7h30 thứ Hai | Ông Lê Văn Tý | Phòng tiếp dân |
				| 14h00 thứ Năm | Bà Nguyễn Thị Hằng | Hội trường UBND xã |

				![tru-so.png](/media/%s/image-1.png)

				Nơi nhận: các thôn.""".formatted(imported.mediaFolder()));
		assertThat(this.data.resolve("media").resolve(imported.mediaFolder()).resolve("image-1.png")).exists();
	}

	@Test
	void fixedFile() throws Exception {
		try (InputStream in = getClass().getResourceAsStream("/docx/ke-hoach-cchc.docx")) {
			WordImport.Imported imported = wordImport().read(in);
			assertThat(imported.title()).isEqualTo("Kế hoạch tuyên truyền cải cách hành chính năm 2023");
			assertThat(imported.body()).isEqualTo("""
					# I. Mục đích, yêu cầu

					## 1. Mục đích

					Nâng cao **nhận thức** của cán bộ, *công chức* và người dân.

					- Trang thông tin điện tử của xã
					- Đài truyền thanh xã

					1. Quý I
					2. Quý II

					| Nội dung | Thời gian |
					| --- | --- |
					| Thủ tục hành chính | Hằng tháng |

					![Trụ sở UBND xã](/media/%s/image-1.png)""".formatted(imported.mediaFolder()));
		}
	}

}
