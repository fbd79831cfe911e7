package vn.bantin.wordimport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFPicture;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.system.FileStore;
import vn.bantin.system.NodeId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Markdown a Word file gives, in full: what an editor finds in the draft.
 */
class WordImportMarkdownTests {

	@TempDir
	Path data;

	WordImport wordImport() throws IOException {
		return new WordImport(FileStore.local(this.data, NodeId.named("test"), Clock.systemUTC()));
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

				![tru so](/media/%s/image-1.png)

				Nơi nhận: các thôn.""".formatted(imported.mediaFolder()));
		assertThat(this.data.resolve("media").resolve(imported.mediaFolder()).resolve("image-1.png")).exists();
	}

	/**
	 * Word keeps a picture's alternative text as the description of its drawing
	 * ({@code wp:docPr descr}) or of the picture ({@code pic:cNvPr descr}), sometimes a
	 * title only; pictures inserted from a file often carry only that file's name. An
	 * image without alt is invalid HTML and a serious accessibility fault.
	 */
	@Test
	void wordImagesTakeTheirDescriptionElseTheirFileNameAsAltText() throws Exception {
		byte[] png = WordImportTests.png();
		XWPFDocument document = new XWPFDocument();
		document.createParagraph().createRun().setText("Ảnh hoạt động của xã");
		// alt text set in Word: on the drawing
		XWPFRun described = picture(document, png, "Picture 1");
		drawing(described).setDescr("Trụ sở UBND xã Hoằng Trung");
		// a title only
		XWPFRun titled = picture(document, png, "Picture 2");
		drawing(titled).setTitle("Sơ đồ  đường\nđến xã");
		// no description: the inserted file's name, kept as the picture's name
		picture(document, png, "Hội trường_thôn-Đông.JPG");
		// a description that is only a file name
		XWPFRun named = picture(document, png, "Picture 4");
		drawing(named).setDescr("C:\\Users\\vanhoa\\Pictures\\le-ra-quan_2026.jpeg");
		// nothing but Word's generic name: decorative
		picture(document, png, "Picture 5");

		WordImport.Imported imported = wordImport().read(new ByteArrayInputStream(WordImportTests.toBytes(document)));
		assertThat(imported.body()).isEqualTo("""
				Ảnh hoạt động của xã

				![Trụ sở UBND xã Hoằng Trung](/media/%1$s/image-1.png)

				![Sơ đồ đường đến xã](/media/%1$s/image-1.png)

				![Hội trường thôn Đông](/media/%1$s/image-1.png)

				![le ra quan 2026](/media/%1$s/image-1.png)

				![](/media/%1$s/image-1.png)""".formatted(imported.mediaFolder()));
		String html = vn.bantin.text.Markdown.toHtml(imported.body());
		assertThat(org.jsoup.Jsoup.parseBodyFragment(html).select("img")).hasSize(5)
			.allSatisfy((img) -> assertThat(img.hasAttr("alt")).isTrue());
	}

	/**
	 * A paragraph holding one picture without any description (POI writes the file name
	 * as both descriptions, as some writers do: removed here), {@code name} being the
	 * picture's name.
	 */
	private static XWPFRun picture(XWPFDocument document, byte[] png, String name) throws Exception {
		XWPFRun run = document.createParagraph().createRun();
		XWPFPicture picture = run.addPicture(new ByteArrayInputStream(png),
				org.apache.poi.xwpf.usermodel.Document.PICTURE_TYPE_PNG, "image.png",
				org.apache.poi.util.Units.toEMU(40), org.apache.poi.util.Units.toEMU(20));
		org.openxmlformats.schemas.drawingml.x2006.main.CTNonVisualDrawingProps own = picture.getCTPicture()
			.getNvPicPr()
			.getCNvPr();
		own.setName(name);
		own.unsetDescr();
		drawing(run).unsetDescr();
		drawing(run).setName(name.startsWith("Picture") ? name.replace("Picture", "Drawing") : "Drawing 0");
		return run;
	}

	/** The drawing ({@code wp:docPr}) of the run's only picture. */
	private static org.openxmlformats.schemas.drawingml.x2006.main.CTNonVisualDrawingProps drawing(XWPFRun run) {
		return run.getCTR().getDrawingArray(0).getInlineArray(0).getDocPr();
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
