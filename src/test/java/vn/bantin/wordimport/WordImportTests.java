package vn.bantin.wordimport;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

import vn.bantin.BantinWebTest;
import vn.bantin.account.Role;
import vn.bantin.account.TestAccounts;
import vn.bantin.content.ItemCatalog;
import vn.bantin.content.ItemKind;
import vn.bantin.content.ItemQuery;
import vn.bantin.content.ItemStatus;
import vn.bantin.content.ItemView;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Importing Word files as drafts through the admin page, with real {@code .docx} files:
 * one written here with Apache POI the way an editor's document looks (title, headings,
 * bold and italic Vietnamese, lists, a table, a photo), and a fixed one under
 * {@code src/test/resources/docx/} written in WordprocessingML as Word itself stores it
 * (named styles, numbering definitions, outline levels in the styles).
 */
@BantinWebTest
class WordImportTests {

	static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*]\\((/media/[0-9a-f-]{36}/image-1\\.png)\\)");

	@Autowired
	MockMvc mvc;

	@Autowired
	ItemCatalog catalog;

	@Autowired
	WordImport wordImport;

	@Autowired
	TestAccounts accounts;

	@TempDir
	Path temp;

	@Test
	void aWordFileWithVietnameseTextATableAndAnImageBecomesAFaithfulDraft() throws Exception {
		byte[] png = png();
		Path file = this.temp.resolve("thong-bao.docx");
		try (OutputStream out = Files.newOutputStream(file)) {
			sampleDocument(png).write(out);
		}
		MockHttpSession editor = this.accounts.signedIn(Role.EDITOR);
		this.mvc.perform(get("/admin/items/import").session(editor))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("enctype=\"multipart/form-data\"")))
			.andExpect(content().string(containsString("accept=\".docx")));

		MvcResult result = this.mvc
			.perform(multipart("/admin/items/import").file(upload("thong-bao.docx", Files.readAllBytes(file)))
				.session(editor)
				.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("notice", "item.imported"))
			.andReturn();
		String id = result.getResponse().getRedirectedUrl().substring("/admin/items/".length());
		ItemView item = this.catalog.item(id).orElseThrow();
		String body = item.bodyMarkdown();

		assertThat(item.title()).isEqualTo("Thông báo lịch tiếp công dân");
		assertThat(item.status()).isEqualTo(ItemStatus.DRAFT);
		assertThat(item.kind()).isEqualTo(ItemKind.NEWS);
		assertThat(body).doesNotContain("Thông báo lịch tiếp công dân");
		assertThat(body).contains("# Lịch tiếp công dân tháng 12");
		assertThat(body).contains("## Địa điểm");
		assertThat(body).contains("Chủ tịch UBND xã **tiếp công dân định kỳ** vào *ngày 15 hằng tháng*.");
		assertThat(body).contains("- Mang theo căn cước công dân\n- Đơn thư ghi rõ họ tên, địa chỉ");
		assertThat(body).contains("  - Bản sao giấy tờ liên quan");
		assertThat(body).contains("1. Đăng ký tại Bộ phận một cửa\n2. Chờ gọi tên theo thứ tự");
		assertThat(body).contains("| Thời gian | Người tiếp | Địa điểm |");
		assertThat(body).contains("| 7h30 thứ Hai | Ông Lê Văn Tý | Phòng tiếp dân |");
		assertThat(body).contains("| 14h00 thứ Năm | Bà Nguyễn Thị Hằng | Hội trường UBND xã |");
		assertThat(body).contains("Tiếng Việt có dấu: ướt, nghiêng, huyền");
		assertThat(body).isEqualTo(Normalizer.normalize(body, Normalizer.Form.NFC));
		assertThat(body.indexOf("# Lịch")).isLessThan(body.indexOf("## Địa điểm"));
		assertThat(body.indexOf("## Địa điểm")).isLessThan(body.indexOf("| Thời gian"));

		Matcher image = IMAGE.matcher(body);
		assertThat(image.find()).as("an image reference in %s", body).isTrue();
		String url = image.group(1);
		Path stored = this.wordImport.mediaRoot().resolve(url.substring("/media/".length()));
		assertThat(stored).exists();
		assertThat(Files.readAllBytes(stored)).isEqualTo(png);
		// a draft's image is not public: the editor sees it, residents get it once the
		// item is out
		this.mvc.perform(get(url)).andExpect(status().isNotFound());
		byte[] served = this.mvc.perform(get(url).session(editor))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/png"))
			.andExpect(header().string("Cache-Control", "no-store"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(served).isEqualTo(png);

		// the draft page shows the image from the same address
		this.mvc.perform(get("/admin/items/{id}", id).session(editor))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("src=\"" + url + "\"")))
			.andExpect(content().string(containsString("<td>Ông Lê Văn Tý</td>")));
	}

	@Test
	void aFixedWordFileAsWordWritesItImportsWithItsStylesAndNumbering() throws Exception {
		byte[] docx;
		try (InputStream in = getClass().getResourceAsStream("/docx/ke-hoach-cchc.docx")) {
			docx = in.readAllBytes();
		}
		MvcResult result = this.mvc
			.perform(multipart("/admin/items/import").file(upload("ke-hoach-cchc.docx", docx))
				.session(this.accounts.signedIn(Role.EDITOR))
				.with(csrf()))
			.andExpect(status().isFound())
			.andReturn();
		String id = result.getResponse().getRedirectedUrl().substring("/admin/items/".length());
		ItemView item = this.catalog.item(id).orElseThrow();
		String body = item.bodyMarkdown();
		assertThat(item.title()).isEqualTo("Kế hoạch tuyên truyền cải cách hành chính năm 2023");
		assertThat(body).contains("# I. Mục đích, yêu cầu");
		assertThat(body).contains("## 1. Mục đích");
		assertThat(body).contains("Nâng cao **nhận thức** của cán bộ, *công chức* và người dân.");
		assertThat(body).contains("- Trang thông tin điện tử của xã\n- Đài truyền thanh xã");
		assertThat(body).contains("1. Quý I\n2. Quý II");
		assertThat(body).contains("| Nội dung | Thời gian |");
		assertThat(body).contains("| Thủ tục hành chính | Hằng tháng |");
		assertThat(body).isEqualTo(Normalizer.normalize(body, Normalizer.Form.NFC));
		assertThat(IMAGE.matcher(body).find()).as("an image reference in %s", body).isTrue();
	}

	@Test
	void aCorruptFileIsRefusedAndCreatesNothing() throws Exception {
		byte[] good = toBytes(sampleDocument(png()));
		byte[] corrupt = java.util.Arrays.copyOf(good, good.length / 2);
		for (int i = 100; i < corrupt.length; i += 7) {
			corrupt[i] ^= 0x5A;
		}
		refused(upload("hong.docx", corrupt), "item.error.docx-corrupt");
		// a ZIP file that is not a Word document
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(zip)) {
			out.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
			out.write("không phải Word".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		refused(upload("khong-phai-word.docx", zip.toByteArray()), "item.error.docx-corrupt");
	}

	@Test
	void aZipBombIsRefusedAndCreatesNothing() throws Exception {
		// a real Word file with one more part that unpacks to 1000 times its size
		byte[] good = toBytes(sampleDocument(png()));
		ByteArrayOutputStream bomb = new ByteArrayOutputStream();
		try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(good));
				java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(bomb)) {
			for (java.util.zip.ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
				in.transferTo(out);
			}
			out.putNextEntry(new java.util.zip.ZipEntry("word/padding.xml"));
			byte[] spaces = new byte[1024 * 1024];
			java.util.Arrays.fill(spaces, (byte) ' ');
			for (int i = 0; i < 20; i++) {
				out.write(spaces);
			}
		}
		assertThat(bomb.size()).isLessThan(200_000);
		refused(upload("bom.docx", bomb.toByteArray()), "item.error.docx-corrupt");
	}

	@Test
	void aFileThatIsNotADocxIsRefusedAndCreatesNothing() throws Exception {
		refused(upload("thong-bao.docx", "<html><body>Thông báo</body></html>".getBytes()), "item.error.docx-type");
		refused(new MockMultipartFile("file", "anh.png",
				"application/vnd.openxmlformats-officedocument.wordprocessingml.document", png()),
				"item.error.docx-type");
		refused(upload("rong.docx", new byte[0]), "item.error.docx-empty");
	}

	@Test
	void aFileOverTheLimitIsRefused() {
		byte[] big = new byte[(int) WordImport.MAX_BYTES + 1];
		big[0] = 'P';
		big[1] = 'K';
		big[2] = 3;
		big[3] = 4;
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> this.wordImport.read(new ByteArrayInputStream(big)))
			.isInstanceOfSatisfying(vn.bantin.system.RuleViolation.class,
					(violation) -> assertThat(violation.messageKey()).isEqualTo("item.error.docx-size"));
	}

	@Test
	void onlyEditorsImport() throws Exception {
		byte[] docx = toBytes(sampleDocument(png()));
		long before = itemCount();
		for (Role role : new Role[] { Role.APPROVER, Role.OPERATOR, Role.ADMIN }) {
			MockHttpSession session = this.accounts.signedIn(role);
			this.mvc.perform(get("/admin/items/import").session(session)).andExpect(status().isForbidden());
			this.mvc
				.perform(multipart("/admin/items/import").file(upload("a.docx", docx)).session(session).with(csrf()))
				.andExpect(status().isForbidden());
		}
		assertThat(itemCount()).isEqualTo(before);
	}

	@Test
	void mediaAddressesOutsideTheImportedImagesAreNotFound() throws Exception {
		this.mvc.perform(get("/media/00000000-0000-0000-0000-000000000000/image-1.png"))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/media/..%2F..%2Fdb/bantin.mv.db")).andExpect(status().is4xxClientError());
		this.mvc.perform(get("/media/x/image-1.svg")).andExpect(status().isNotFound());
	}

	private void refused(MockMultipartFile file, String messageKey) throws Exception {
		long before = itemCount();
		Set<Path> folders = mediaFolders();
		this.mvc.perform(
				multipart("/admin/items/import").file(file).session(this.accounts.signedIn(Role.EDITOR)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("role=\"alert\"")))
			.andExpect(content().string(containsString(messageText(messageKey))));
		assertThat(itemCount()).isEqualTo(before);
		assertThat(mediaFolders()).isEqualTo(folders);
	}

	private static String messageText(String key) throws IOException {
		java.util.Properties messages = new java.util.Properties();
		try (var reader = new java.io.InputStreamReader(
				WordImportTests.class.getResourceAsStream("/messages.properties"),
				java.nio.charset.StandardCharsets.UTF_8)) {
			messages.load(reader);
		}
		String text = messages.getProperty(key);
		return text.substring(0, Math.min(text.length(), 12));
	}

	private Set<Path> mediaFolders() throws IOException {
		Path root = this.wordImport.mediaRoot();
		if (!Files.isDirectory(root)) {
			return Set.of();
		}
		try (Stream<Path> folders = Files.list(root)) {
			return Set.copyOf(folders.toList());
		}
	}

	private static MockMultipartFile upload(String name, byte[] bytes) {
		return new MockMultipartFile("file", name,
				"application/vnd.openxmlformats-officedocument.wordprocessingml.document", bytes);
	}

	static byte[] png() throws IOException {
		BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(Color.RED);
		graphics.fillRect(0, 0, 40, 20);
		graphics.setColor(Color.YELLOW);
		graphics.fillOval(14, 4, 12, 12);
		graphics.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	static byte[] toBytes(XWPFDocument document) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (document) {
			document.write(out);
		}
		return out.toByteArray();
	}

	/** A notice as a culture officer writes it in Word. */
	static XWPFDocument sampleDocument(byte[] png) throws Exception {
		XWPFDocument document = new XWPFDocument();
		XWPFNumbering numbering = document.createNumbering();
		BigInteger bullets = numbering.addNum(numbering.addAbstractNum(abstractNum(0, STNumberFormat.BULLET)));
		BigInteger numbers = numbering.addNum(numbering.addAbstractNum(abstractNum(1, STNumberFormat.DECIMAL)));

		paragraph(document, "Title").createRun().setText("Thông báo lịch tiếp công dân");
		paragraph(document, "Heading1").createRun().setText("Lịch tiếp công dân tháng 12");
		XWPFParagraph text = paragraph(document, null);
		text.createRun().setText("Chủ tịch UBND xã ");
		XWPFRun bold = text.createRun();
		bold.setBold(true);
		bold.setText("tiếp công dân ");
		XWPFRun bold2 = text.createRun();
		bold2.setBold(true);
		bold2.setText("định kỳ");
		text.createRun().setText(" vào ");
		XWPFRun italic = text.createRun();
		italic.setItalic(true);
		italic.setText("ngày 15 hằng tháng");
		text.createRun().setText(".");
		paragraph(document, null).createRun()
			.setText(Normalizer.normalize("Tiếng Việt có dấu: ướt, nghiêng, huyền", Normalizer.Form.NFD));
		paragraph(document, null);
		listItem(document, bullets, 0, "Mang theo căn cước công dân");
		listItem(document, bullets, 0, "Đơn thư ghi rõ họ tên, địa chỉ");
		listItem(document, bullets, 1, "Bản sao giấy tờ liên quan");
		listItem(document, numbers, 0, "Đăng ký tại Bộ phận một cửa");
		listItem(document, numbers, 0, "Chờ gọi tên theo thứ tự");
		paragraph(document, "Heading2").createRun().setText("Địa điểm");
		XWPFTable table = document.createTable(3, 3);
		String[][] cells = { { "Thời gian", "Người tiếp", "Địa điểm" },
				{ "7h30 thứ Hai", "Ông Lê Văn Tý", "Phòng tiếp dân" },
				{ "14h00 thứ Năm", "Bà Nguyễn Thị Hằng", "Hội trường UBND xã" } };
		for (int r = 0; r < 3; r++) {
			for (int c = 0; c < 3; c++) {
				table.getRow(r).getCell(c).setText(cells[r][c]);
			}
		}
		XWPFRun picture = paragraph(document, null).createRun();
		picture.addPicture(new ByteArrayInputStream(png), Document.PICTURE_TYPE_PNG, "tru-so.png", Units.toEMU(40),
				Units.toEMU(20));
		paragraph(document, null).createRun().setText("Nơi nhận: các thôn.");
		return document;
	}

	private static XWPFParagraph paragraph(XWPFDocument document, String style) {
		XWPFParagraph paragraph = document.createParagraph();
		if (style != null) {
			paragraph.setStyle(style);
		}
		return paragraph;
	}

	private static void listItem(XWPFDocument document, BigInteger numId, int level, String text) {
		XWPFParagraph paragraph = paragraph(document, "ListParagraph");
		paragraph.setNumID(numId);
		paragraph.setNumILvl(BigInteger.valueOf(level));
		paragraph.createRun().setText(text);
	}

	private static XWPFAbstractNum abstractNum(int id, STNumberFormat.Enum format) {
		CTAbstractNum abstractNum = CTAbstractNum.Factory.newInstance();
		abstractNum.setAbstractNumId(BigInteger.valueOf(id));
		for (int level = 0; level < 3; level++) {
			CTLvl lvl = abstractNum.addNewLvl();
			lvl.setIlvl(BigInteger.valueOf(level));
			lvl.addNewNumFmt().setVal(format);
			lvl.addNewLvlText().setVal((format == STNumberFormat.BULLET) ? "•" : "%" + (level + 1) + ".");
			lvl.addNewStart().setVal(BigInteger.ONE);
		}
		return new XWPFAbstractNum(abstractNum);
	}

	/** How many items there are, drafts and archived ones included. */
	private long itemCount() {
		return this.catalog.find(ItemQuery.all(), 0, 1).getTotalElements();
	}

}
