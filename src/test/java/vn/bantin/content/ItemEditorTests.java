package vn.bantin.content;

import java.text.Normalizer;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import vn.bantin.BantinWebTest;
import vn.bantin.account.Role;
import vn.bantin.account.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * Writing items in the web editor, posting the form as a browser does.
 */
@BantinWebTest
class ItemEditorTests {

	static final AtomicInteger counter = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	ItemCatalog catalog;

	MockHttpServletRequestBuilder form(String url, MockHttpSession session, String title, String body) {
		return form(url, session, title, body, "ANNOUNCEMENT");
	}

	MockHttpServletRequestBuilder form(String url, MockHttpSession session, String title, String body, String kind) {
		return post(url).session(session)
			.with(csrf())
			.param("kind", kind)
			.param("title", title)
			.param("summary", "Tóm tắt")
			.param("body", body)
			.param("themes", "thu-tuc-hanh-chinh")
			.param("_themes", "on")
			.param("tags", "Tiếp dân, Một cửa")
			.param("zones", "")
			.param("priority", "NORMAL")
			.param("publishAt", "2026-12-01T06:00")
			.param("expireAt", "")
			.param("channels", "WEB", "RADIO")
			.param("_channels", "on");
	}

	String created(MockHttpSession editor, String title, String body) throws Exception {
		String url = this.mvc.perform(form("/admin/items", editor, title, body))
			.andExpect(status().isFound())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		return url.substring("/admin/items/".length());
	}

	@Test
	void editorCreatesADraftWithAnIdFromTheTitleInComposedText() throws Exception {
		String editorName = this.accounts.user(Role.EDITOR);
		MockHttpSession editor = this.accounts.signIn(editorName);
		String n = String.valueOf(counter.incrementAndGet());
		String id = created(editor, Normalizer.normalize("Thông báo lịch tiếp dân đợt " + n, Normalizer.Form.NFD),
				"Nội dung **quan trọng**.");

		assertThat(id).isEqualTo("thong-bao-lich-tiep-dan-dot-" + n);
		ItemView item = this.catalog.item(id).orElseThrow();
		assertThat(item.title()).isEqualTo("Thông báo lịch tiếp dân đợt " + n);
		assertThat(item.status()).isEqualTo(ItemStatus.DRAFT);
		assertThat(item.tags()).containsExactlyInAnyOrder("tiep-dan", "mot-cua");
		assertThat(item.channels()).containsExactlyInAnyOrder(Channel.WEB, Channel.RADIO);
		assertThat(item.publishAt()).isEqualTo(java.time.Instant.parse("2026-11-30T23:00:00Z"));
		assertThat(item.author()).isEqualTo(editorName);

		String second = created(editor, "Thông báo lịch tiếp dân đợt " + n, "Khác.");
		assertThat(second).isEqualTo(id + "-2");
	}

	@Test
	void missingTitleReshowsTheFormWithTheErrorAndSavesNothing() throws Exception {
		long before = this.catalog.find(ItemQuery.all(), 0, 1).getTotalElements();
		this.mvc.perform(form("/admin/items", this.accounts.signedIn(Role.EDITOR), "  ", "Nội dung"))
			.andExpect(status().isOk())
			.andExpect(view().name("admin/items/form"))
			.andExpect(model().attributeHasFieldErrorCode("form", "title", "item.error.title-required"))
			.andExpect(content().string(containsString("Nhập tiêu đề.")));
		assertThat(this.catalog.find(ItemQuery.all(), 0, 1).getTotalElements()).isEqualTo(before);
	}

	@Test
	void previewRendersWithTheSiteRendererAndSavesNothing() throws Exception {
		long before = this.catalog.find(ItemQuery.all(), 0, 1).getTotalElements();
		this.mvc
			.perform(form("/admin/items", this.accounts.signedIn(Role.EDITOR), "Xem trước",
					"## Đề mục\n\n<script>alert(1)</script>")
				.param("action", "preview"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h2>Đề mục</h2>")))
			.andExpect(content().string(not(containsString("<script>alert(1)"))));
		assertThat(this.catalog.find(ItemQuery.all(), 0, 1).getTotalElements()).isEqualTo(before);
	}

	@Test
	void editingAnApprovedItemSendsItBackToApprovalAndKeepsRevisionsToCompareAndRestore() throws Exception {
		MockHttpSession editor = this.accounts.signedIn(Role.EDITOR);
		String id = created(editor, "Thông báo cần duyệt " + counter.incrementAndGet(), "Dòng một\nDòng hai");
		this.mvc.perform(post("/admin/items/{id}/submit", id).session(editor).with(csrf()));
		this.mvc.perform(post("/admin/items/{id}/approve", id).param("revision", "1")
			.session(this.accounts.signedIn(Role.APPROVER))
			.with(csrf()));
		assertThat(this.catalog.item(id).orElseThrow().status()).isEqualTo(ItemStatus.APPROVED);

		this.mvc.perform(form("/admin/items/" + id, editor, "Thông báo đã sửa", "Dòng một\nDòng hai đã sửa"))
			.andExpect(redirectedUrl("/admin/items/" + id));

		ItemView edited = this.catalog.item(id).orElseThrow();
		assertThat(edited.status()).isEqualTo(ItemStatus.SUBMITTED);
		assertThat(edited.approvedBy()).isNull();
		this.mvc.perform(get("/admin/items/{id}/revisions", id).session(editor))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("- Dòng hai")))
			.andExpect(content().string(containsString("+ Dòng hai đã sửa")));

		this.mvc.perform(post("/admin/items/{id}/revisions/1/restore", id).session(editor).with(csrf()))
			.andExpect(status().isFound());
		assertThat(this.catalog.item(id).orElseThrow().bodyMarkdown()).isEqualTo("Dòng một\nDòng hai");
	}

	@Test
	void itemsFromFilesCannotBeEditedHere() throws Exception {
		MockHttpSession editor = this.accounts.signedIn(Role.EDITOR);
		this.mvc.perform(get("/admin/items/dang-ky-khai-sinh/edit").session(editor))
			.andExpect(redirectedUrl("/admin/items/dang-ky-khai-sinh"));
		this.mvc.perform(form("/admin/items/dang-ky-khai-sinh", editor, "Đổi tên", "Khác"))
			.andExpect(status().isConflict());
		this.mvc.perform(get("/admin/items/dang-ky-khai-sinh").session(editor))
			.andExpect(content().string(containsString("procedures/dang-ky-khai-sinh.md")));
		assertThat(this.catalog.item("dang-ky-khai-sinh").orElseThrow().title()).isEqualTo("Đăng ký khai sinh");
	}

	@Test
	void archivingIsHowAnItemIsDeleted() throws Exception {
		MockHttpSession editor = this.accounts.signedIn(Role.EDITOR);
		String id = created(editor, "Sẽ lưu trữ " + counter.incrementAndGet(), "Nội dung");
		this.mvc.perform(post("/admin/items/{id}/archive", id).session(editor).with(csrf()))
			.andExpect(status().isFound());
		assertThat(this.catalog.item(id).orElseThrow().status()).isEqualTo(ItemStatus.ARCHIVED);
	}

	@Test
	void anAttachedPdfIsStoredServedAndListedWhileOtherKindsAreRefused() throws Exception {
		MockHttpSession editor = this.accounts.signedIn(Role.EDITOR);
		String id = created(editor, "Có tệp đính kèm " + counter.incrementAndGet(), "Xem tệp.");
		byte[] pdf = "%PDF-1.4\n% Bản tin\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

		this.mvc
			.perform(multipart("/admin/items/{id}/attachments", id)
				.file(new MockMultipartFile("file", "Mẫu tờ khai.pdf", "application/pdf", pdf))
				.param("title", "Mẫu tờ khai")
				.session(editor)
				.with(csrf()))
			.andExpect(flash().attribute("notice", "item.attached"));
		this.mvc
			.perform(multipart("/admin/items/{id}/attachments", id)
				.file(new MockMultipartFile("file", "virus.pdf", "application/pdf", "MZ\u0090\u0000".getBytes()))
				.session(editor)
				.with(csrf()))
			.andExpect(flash().attribute("attachError", "item.error.attachment-type"));

		ItemView item = this.catalog.item(id).orElseThrow();
		assertThat(item.attachments()).singleElement().satisfies((attachment) -> {
			assertThat(attachment.title()).isEqualTo("Mẫu tờ khai");
			assertThat(attachment.file()).matches("/media/[0-9a-f-]{36}/mau-to-khai\\.pdf");
			try {
				this.mvc.perform(get(attachment.file())).andExpect(status().isNotFound());
				this.mvc.perform(get(attachment.file()).session(editor))
					.andExpect(status().isOk())
					.andExpect(header().string("Content-Type", "application/pdf"))
					.andExpect(content().bytes(pdf));
			}
			catch (Exception ex) {
				throw new AssertionError(ex);
			}
		});
		this.mvc.perform(get("/admin/items/{id}", id).session(editor))
			.andExpect(content().string(containsString("Mẫu tờ khai")));
	}

	MockHttpServletRequestBuilder procedure(String url, MockHttpSession session, String title, String status) {
		return form(url, session, title, "Thủ tục.", "PROCEDURE").param("procCode", "2.000815")
			.param("procField", "Chứng thực")
			.param("procLevel", "PARTLY_ONLINE")
			.param("procTime", "Trong ngày")
			.param("procFee", "2.000 đồng/trang")
			.param("procPapers", "Bản chính giấy tờ\nBản sao cần chứng thực")
			.param("procSteps", "Nộp hồ sơ\nNhận kết quả")
			.param("procLegalBasis", "Nghị định 23/2015/NĐ-CP")
			.param("procPortalUrl", "https://dichvucong.gov.vn/")
			.param("procStatus", status);
	}

	@Test
	void aProcedureWrittenInTheEditorKeepsItsDetailsAndAnnouncesAChangeOfStatus() throws Exception {
		MockHttpSession editor = this.accounts.signedIn(Role.EDITOR);
		String title = "Chứng thực bản sao " + counter.incrementAndGet();
		this.mvc.perform(form("/admin/items", editor, title, "Thủ tục.", "PROCEDURE").param("procField", "Chứng thực"))
			.andExpect(model().attributeHasFieldErrorCode("form", "procCode", "item.error.required"));
		String id = this.mvc.perform(procedure("/admin/items", editor, title, "IN_FORCE"))
			.andExpect(status().isFound())
			.andReturn()
			.getResponse()
			.getRedirectedUrl()
			.substring("/admin/items/".length());
		ItemView.Procedure details = this.catalog.item(id).orElseThrow().procedure();
		assertThat(details.papers()).containsExactly("Bản chính giấy tờ", "Bản sao cần chứng thực");
		assertThat(details.level()).isEqualTo(ProcedureLevel.PARTLY_ONLINE);

		this.mvc.perform(procedure("/admin/items/" + id, editor, title, "REPEALED")).andExpect(status().isFound());

		assertThat(this.catalog.item(id).orElseThrow().procedure().history())
			.extracting(ItemView.Procedure.Change::status)
			.containsExactly(ProcedureStatus.IN_FORCE, ProcedureStatus.REPEALED);
		assertThat(this.catalog
			.find(new ItemQuery(ItemStatus.SUBMITTED, ItemKind.ANNOUNCEMENT, null, null, null, title), 0, 10)
			.getContent()).singleElement()
			.satisfies((announcement) -> assertThat(announcement.title()).endsWith("đã bị bãi bỏ"));
		this.mvc.perform(get("/admin/items/{id}", id).session(editor))
			.andExpect(content().string(containsString("Đã bãi bỏ")))
			.andExpect(content().string(containsString("Bản sao cần chứng thực")));
	}

	@Test
	void aDocumentNeedsItsNumber() throws Exception {
		MockHttpSession editor = this.accounts.signedIn(Role.EDITOR);
		this.mvc.perform(form("/admin/items", editor, "Quyết định", "Toàn văn.", "DOCUMENT"))
			.andExpect(model().attributeHasFieldErrorCode("form", "docNumber", "item.error.document-number"));
		String id = this.mvc
			.perform(form("/admin/items", editor, "Quyết định số 38/QĐ-UBND " + counter.incrementAndGet(), "Toàn văn.",
					"DOCUMENT")
				.param("docNumber", "38/QĐ-UBND")
				.param("docIssuer", "Chủ tịch UBND xã Hoằng Trung")
				.param("docIssued", "2021-11-26")
				.param("docAbstract", "Ban hành Kế hoạch CCHC giai đoạn 2021-2025"))
			.andExpect(status().isFound())
			.andReturn()
			.getResponse()
			.getRedirectedUrl()
			.substring("/admin/items/".length());
		assertThat(this.catalog.item(id).orElseThrow().document().number()).isEqualTo("38/QĐ-UBND");
	}

	@Test
	void onlyEditorsWrite() throws Exception {
		this.mvc.perform(form("/admin/items", this.accounts.signedIn(Role.APPROVER), "Người duyệt viết", "Không được"))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/items/new").session(this.accounts.signedIn(Role.OPERATOR)))
			.andExpect(status().isForbidden());
	}

}
