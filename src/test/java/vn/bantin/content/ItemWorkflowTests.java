package vn.bantin.content;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import vn.bantin.BantinWebTest;
import vn.bantin.account.Role;
import vn.bantin.account.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The approval workflow through the admin pages, as each role uses it: editors submit,
 * approvers approve or reject with a reason, operators stay out of the editor; every
 * action lands in the item's history.
 */
@BantinWebTest
class ItemWorkflowTests {

	static final AtomicInteger counter = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	ItemStore items;

	@Autowired
	ItemEventStore events;

	@Autowired
	ItemCatalog catalog;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	TestAccounts accounts;

	/** An item of this test's own, made as the web editor will make them (no file). */
	String item(ItemStatus status, Priority priority) {
		String id = "thu-nghiem-" + counter.incrementAndGet();
		String text = "---\nid: " + id + "\nkind: announcement\ntitle: Thông báo thử nghiệm\npriority: "
				+ priority.key() + "\nstatus: "
				+ (status == ItemStatus.APPROVED ? "approved\napproved-by: X" : status.key()) + "\n---\nNội dung.\n";
		ItemFile file = ItemFile
			.parse("items/x.md", text,
					new ItemFile.Context(Path.of("content"), Set.of(), ZoneId.of("Asia/Ho_Chi_Minh")))
			.item();
		new TransactionTemplate(this.transactionManager)
			.executeWithoutResult((tx) -> this.items.save(Item.fromFile(file, null, Instant.now())));
		return id;
	}

	ItemStatus statusOf(String id) {
		return this.catalog.item(id).orElseThrow().status();
	}

	@Test
	void editorSubmitsAndApproverApprovesWithEachStepInTheHistory() throws Exception {
		String id = item(ItemStatus.DRAFT, Priority.NORMAL);
		MockHttpSession editor = this.accounts.signedIn(Role.EDITOR);
		String approverName = this.accounts.user(Role.APPROVER);
		MockHttpSession approver = this.accounts.signIn(approverName);

		this.mvc.perform(post("/admin/items/{id}/submit", id).session(editor).with(csrf()))
			.andExpect(status().isFound());
		assertThat(statusOf(id)).isEqualTo(ItemStatus.SUBMITTED);
		this.mvc.perform(post("/admin/items/{id}/approve", id).param("revision", "1").session(approver).with(csrf()))
			.andExpect(status().isFound());

		assertThat(statusOf(id)).isEqualTo(ItemStatus.APPROVED);
		assertThat(this.events.findByItemIdOrderByAtAscIdAsc(id)).extracting(ItemEvent::action)
			.containsExactly("submitted", "approved");
		assertThat(this.catalog.item(id).orElseThrow().approvedBy()).isEqualTo(approverName);
		this.mvc.perform(get("/admin/items/{id}", id).session(editor))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Phê duyệt")))
			.andExpect(content().string(containsString("Đã duyệt")));
	}

	@Test
	void editorCannotApprove() throws Exception {
		String id = item(ItemStatus.SUBMITTED, Priority.NORMAL);
		this.mvc
			.perform(post("/admin/items/{id}/approve", id).param("revision", "1")
				.session(this.accounts.signedIn(Role.EDITOR))
				.with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(statusOf(id)).isEqualTo(ItemStatus.SUBMITTED);
	}

	@Test
	void operatorCannotOpenOrChangeItems() throws Exception {
		String id = item(ItemStatus.DRAFT, Priority.NORMAL);
		MockHttpSession operator = this.accounts.signedIn(Role.OPERATOR);
		this.mvc.perform(get("/admin/items").session(operator)).andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/items/{id}/submit", id).session(operator).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(statusOf(id)).isEqualTo(ItemStatus.DRAFT);
	}

	@Test
	void approverRejectsWithAReasonThatLandsInTheHistory() throws Exception {
		String id = item(ItemStatus.SUBMITTED, Priority.NORMAL);
		MockHttpSession approver = this.accounts.signedIn(Role.APPROVER);

		this.mvc.perform(post("/admin/items/{id}/reject", id).session(approver).with(csrf()))
			.andExpect(flash().attribute("rejectError", "item.error.reject-comment"));
		assertThat(statusOf(id)).isEqualTo(ItemStatus.SUBMITTED);

		this.mvc
			.perform(post("/admin/items/{id}/reject", id).param("comment", "Sai ngày tiếp dân")
				.session(approver)
				.with(csrf()))
			.andExpect(status().isFound());
		assertThat(statusOf(id)).isEqualTo(ItemStatus.REJECTED);
		assertThat(this.events.findByItemIdOrderByAtAscIdAsc(id)).singleElement()
			.satisfies((event) -> assertThat(event.detail()).isEqualTo("Sai ngày tiếp dân"));
	}

	@Test
	void approvingADraftIsRefusedUnlessItIsAnEmergencyApprovedByAnEditorWhoIsAlsoApprover() throws Exception {
		String normal = item(ItemStatus.DRAFT, Priority.NORMAL);
		String storm = item(ItemStatus.DRAFT, Priority.EMERGENCY);
		MockHttpSession both = this.accounts.signedIn(Role.EDITOR, Role.APPROVER);

		this.mvc.perform(post("/admin/items/{id}/approve", normal).param("revision", "1").session(both).with(csrf()))
			.andExpect(status().isConflict());
		this.mvc
			.perform(post("/admin/items/{id}/approve", storm).param("revision", "1")
				.session(this.accounts.signedIn(Role.APPROVER))
				.with(csrf()))
			.andExpect(status().isConflict());
		this.mvc.perform(post("/admin/items/{id}/approve", storm).param("revision", "1").session(both).with(csrf()))
			.andExpect(status().isFound());

		assertThat(statusOf(normal)).isEqualTo(ItemStatus.DRAFT);
		// approved; the scheduler may already have put the emergency out (published)
		assertThat(statusOf(storm)).isIn(ItemStatus.APPROVED, ItemStatus.PUBLISHED);
	}

	@Test
	void freshStartShowsTheSampleContentInTheEditorAndSearchIgnoresDiacritics() throws Exception {
		MockHttpSession editor = this.accounts.signedIn(Role.EDITOR);
		this.mvc.perform(get("/admin/items").param("kind", "PROCEDURE").session(editor))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Đăng ký khai sinh")))
			.andExpect(content().string(containsString("Chứng thực bản sao")));
		this.mvc.perform(get("/admin/items").param("q", "lich tiep cong dan").session(editor))
			.andExpect(content().string(containsString("Lịch tiếp công dân định kỳ của Chủ tịch UBND xã tháng 12")));
		this.mvc.perform(get("/admin/items").param("q", "DANG KY KHAI SINH").session(editor))
			.andExpect(content().string(containsString("Đăng ký khai sinh")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("Lịch tiếp công dân định kỳ"))));
		assertThat(this.catalog.find(new ItemQuery(null, ItemKind.PROCEDURE, null, null, null, null), 0, 50)
			.getTotalElements()).isGreaterThanOrEqualTo(3);
		assertThat(this.catalog.find(new ItemQuery(null, null, null, Channel.RADIO, Priority.EMERGENCY, "bao"), 0, 50)
			.getContent()).extracting(ItemView::title).anySatisfy((t) -> assertThat(t).containsIgnoringCase("bão"));
	}

	@Test
	void scriptsInFrontMatterAndBodyNeverReachTheItemPageUnescaped() throws Exception {
		String id = "xss-" + counter.incrementAndGet();
		String text = "---\nid: " + id + "\nkind: news\ntitle: \"<script>alert('t')</script>\"\n"
				+ "summary: \"<img src=x onerror=alert('s')>\"\ntags: [an-toan]\n---\n"
				+ "Xin chào <script>alert('b')</script> [bấm](javascript:alert('l')) <svg onload=alert('v')>\n";
		ItemFile file = ItemFile
			.parse("items/x.md", text,
					new ItemFile.Context(Path.of("content"), Set.of(), ZoneId.of("Asia/Ho_Chi_Minh")))
			.item();
		new TransactionTemplate(this.transactionManager)
			.executeWithoutResult((tx) -> this.items.save(Item.fromFile(file, null, Instant.now())));

		String page = this.mvc.perform(get("/admin/items/{id}", id).session(this.accounts.signedIn(Role.EDITOR)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(page);
		assertThat(html.select("script, svg, img[onerror]")).isEmpty();
		assertThat(html.select("a[href^=javascript]")).isEmpty();
		assertThat(html.select("*").stream().flatMap((e) -> e.attributes().asList().stream()))
			.noneMatch((a) -> a.getKey().startsWith("on"));
		assertThat(html.select("h1").text()).isEqualTo("<script>alert('t')</script>");
		assertThat(html.select(".preview").text()).contains("Xin chào", "bấm");
	}

	@Test
	void contentProblemsPageListsTheLastLoadsProblems() throws Exception {
		this.mvc.perform(get("/admin/content/problems").session(this.accounts.signedIn(Role.EDITOR)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Lần nạp gần nhất không có lỗi.")));
	}

}
