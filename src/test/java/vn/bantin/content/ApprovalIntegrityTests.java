package vn.bantin.content;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import vn.bantin.BantinWebTest;
import vn.bantin.MutableClock;
import vn.bantin.account.Role;
import vn.bantin.account.TestAccounts;
import vn.bantin.account.TestApiTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What an approval covers (issue 13, points 2, 4 and 5), through the pages and the API:
 * the approver approves the revision they saw and nothing else; an attachment is a change
 * like an edit; the person who made a revision does not approve it (four-eyes), except an
 * emergency, which the history records. Each of these let unapproved content reach
 * residents before.
 */
@BantinWebTest
class ApprovalIntegrityTests {

	static final AtomicInteger counter = new AtomicInteger();

	static final Pattern REVISION_FIELD = Pattern.compile("name=\"revision\" value=\"(\\d+)\"");

	/** The smallest valid PNG: a 1×1 transparent pixel. */
	static final byte[] PNG = java.util.Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestApiTokens tokens;

	@Autowired
	TestPublishedItems published;

	@Autowired
	ItemCatalog catalog;

	@Autowired
	ItemEventStore events;

	@Autowired
	ItemStore items;

	@Autowired
	MutableClock clock;

	@Autowired
	ItemLifecycle lifecycle;

	@Autowired
	PlatformTransactionManager transactions;

	// ---- point 2: attachments

	@Test
	void anAttachmentOnAPublishedItemSendsItBackToApprovalAndReachesNoResidentUntilApproved() throws Exception {
		String id = this.published.published(this.clock.instant(), "Thông báo lịch tiêm phòng " + next(), "tiem-phong",
				Set.of(Channel.WEB, Channel.FEED));
		this.mvc.perform(get("/items/{id}", id)).andExpect(status().isOk());
		MockHttpSession editor = this.accounts.signedIn(Role.EDITOR);

		this.mvc
			.perform(multipart("/admin/items/{id}/attachments", id)
				.file(new MockMultipartFile("file", "Sơ đồ điểm tiêm.png", "image/png", PNG))
				.param("title", "Sơ đồ điểm tiêm")
				.session(editor)
				.with(csrf()))
			.andExpect(status().isFound());

		ItemView item = this.catalog.item(id).orElseThrow();
		assertThat(item.status()).isEqualTo(ItemStatus.SUBMITTED);
		String file = item.attachments().get(0).file();
		assertThat(item.approvedRevision()).isLessThan(item.revision());
		this.mvc.perform(get("/items/{id}", id)).andExpect(status().isNotFound());
		this.mvc.perform(get("/feeds/rss.xml")).andExpect(content().string(not(containsString(file))));
		this.mvc.perform(get("/feeds/podcast.xml")).andExpect(content().string(not(containsString(file))));
		this.mvc.perform(get(file)).andExpect(status().isNotFound());
		this.mvc.perform(get(file).session(editor)).andExpect(status().isOk());
		assertThat(this.events.findByItemIdOrderByAtAscIdAsc(id)).extracting(ItemEvent::action).contains("attached");

		// the approver sees the attachment among the changes since the approved revision
		MockHttpSession approver = this.accounts.signedIn(Role.APPROVER);
		String page = page(id, approver);
		assertThat(page).contains("revisions?number=" + item.revision() + "&amp;since=" + item.approvedRevision());
		this.mvc
			.perform(get("/admin/items/{id}/revisions", id).param("number", String.valueOf(item.revision()))
				.param("since", String.valueOf(item.approvedRevision()))
				.session(approver))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Sơ đồ điểm tiêm " + file)));

		approve(id, revisionIn(page), approver).andExpect(status().isFound());
		assertThat(this.catalog.item(id).orElseThrow().status()).isIn(ItemStatus.APPROVED, ItemStatus.PUBLISHED);
		// once out again (as the hand-over marks it), residents get the file
		this.lifecycle.published(id, this.clock.instant());
		this.mvc.perform(get(file)).andExpect(status().isOk());
		this.mvc.perform(get("/items/{id}", id)).andExpect(content().string(containsString(file)));
	}

	@Test
	void anAttachmentOnAnItemKeptInAFileIsRefusedAndChangesNothing() throws Exception {
		ItemView file = this.catalog.find(new ItemQuery(ItemStatus.PUBLISHED, null, null, null, null, null), 0, 50)
			.stream()
			.filter(ItemView::fromFile)
			.findFirst()
			.orElseThrow();
		this.mvc
			.perform(multipart("/admin/items/{id}/attachments", file.id())
				.file(new MockMultipartFile("file", "anh.png", "image/png", PNG))
				.session(this.accounts.signedIn(Role.EDITOR))
				.with(csrf()))
			.andExpect(status().isConflict());
		assertThat(this.catalog.item(file.id()).orElseThrow().revision()).isEqualTo(file.revision());
	}

	// ---- point 4: the revision the approver saw

	@Test
	void theApprovalPageNamesTheRevisionAndAnItemChangedSinceAnswers409WithItsChanges() throws Exception {
		MockHttpSession editor = this.accounts.signedIn(Role.EDITOR);
		MockHttpSession approver = this.accounts.signedIn(Role.APPROVER);
		String id = createAndSubmit(editor, "Dòng một\nDòng hai");
		String seen = page(id, approver);
		int revision = revisionIn(seen);

		// the editor changes the submitted item while the approver reads it
		edit(editor, id, "Dòng một\nDòng hai đã đổi ý");
		ItemView changed = this.catalog.item(id).orElseThrow();
		assertThat(changed.status()).as("still submitted, at a new revision").isEqualTo(ItemStatus.SUBMITTED);
		assertThat(changed.revision()).isEqualTo(revision + 1);

		String refused = approve(id, revision, approver).andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("Bản tin đã được sửa sau khi bạn mở nó")
			.contains("/admin/items/" + id + "/revisions?number=" + (revision + 1) + "&amp;since=" + revision);
		assertThat(this.catalog.item(id).orElseThrow().status()).isEqualTo(ItemStatus.SUBMITTED);
		this.mvc
			.perform(get("/admin/items/{id}/revisions", id).param("number", String.valueOf(revision + 1))
				.param("since", String.valueOf(revision))
				.session(approver))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("- Dòng hai")))
			.andExpect(content().string(containsString("+ Dòng hai đã đổi ý")));

		// without a revision nothing is approved either
		this.mvc.perform(post("/admin/items/{id}/approve", id).session(approver).with(csrf()))
			.andExpect(status().isBadRequest());
		assertThat(this.catalog.item(id).orElseThrow().status()).isEqualTo(ItemStatus.SUBMITTED);

		approve(id, revisionIn(page(id, approver)), approver).andExpect(status().isFound());
		ItemView approved = this.catalog.item(id).orElseThrow();
		assertThat(approved.status()).isIn(ItemStatus.APPROVED, ItemStatus.PUBLISHED);
		assertThat(approved.approvedRevision()).isEqualTo(revision + 1);
		assertThat(this.events.findByItemIdOrderByAtAscIdAsc(id)).filteredOn((e) -> e.action().equals("approved"))
			.singleElement()
			.satisfies((e) -> assertThat(e.detail()).isEqualTo("revision " + (revision + 1)));
	}

	@Test
	void theApiApprovesOnlyTheRevisionNamedAndAnswers409WithTheDiffLinkOtherwise() throws Exception {
		String editor = this.tokens.token(Role.EDITOR);
		String approver = this.tokens.token(Role.APPROVER);
		String id = JsonPath.read(this.mvc
			.perform(json(post("/api/items"), editor,
					"{\"kind\":\"announcement\",\"title\":\"Thông báo cúp điện " + next()
							+ "\",\"body\":\"Cúp điện thôn 3.\",\"channels\":[\"web\"]}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		this.mvc.perform(TestApiTokens.as(post("/api/items/{id}/submit", id), editor))
			.andExpect(jsonPath("$.revision").value(1));
		this.mvc
			.perform(json(put(id), editor,
					"{\"kind\":\"announcement\",\"title\":\"Thông báo cúp điện\",\"body\":\"Cúp điện thôn 3 và 4.\","
							+ "\"channels\":[\"web\"]}"))
			.andExpect(jsonPath("$.status").value("submitted"))
			.andExpect(jsonPath("$.revision").value(2));

		this.mvc.perform(json(post("/api/items/{id}/approve", id), approver, "{\"revision\": 1}"))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.reason").value("changed"))
			.andExpect(jsonPath("$.seen").value(1))
			.andExpect(jsonPath("$.revision").value(2))
			.andExpect(jsonPath("$.diff").value("/admin/items/" + id + "/revisions?number=2&since=1"));
		this.mvc.perform(TestApiTokens.as(post("/api/items/{id}/approve", id), approver))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("revision"));
		assertThat(this.catalog.item(id).orElseThrow().status()).isEqualTo(ItemStatus.SUBMITTED);

		this.mvc.perform(json(post("/api/items/{id}/approve", id), approver, "{\"revision\": 2}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.approvedRevision").value(2));
	}

	@Test
	void anEditRacingAnApprovalNeverLeavesAnApprovedItemCarryingTextTheApproverDidNotSee() throws Exception {
		MockHttpSession editor = this.accounts.signedIn(Role.EDITOR);
		MockHttpSession approver = this.accounts.signedIn(Role.APPROVER);
		java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 20; round++) {
				String id = createAndSubmit(editor, "Lần " + round);
				int seen = revisionIn(page(id, approver));
				String changed = "Lần " + round + ", đã sửa";
				java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
				java.util.concurrent.Future<Integer> editing = two.submit(() -> {
					start.await();
					ItemView item = this.catalog.item(id).orElseThrow();
					return this.mvc
						.perform(form("/admin/items/" + id, editor, item.title(), changed).param("priority", "NORMAL"))
						.andReturn()
						.getResponse()
						.getStatus();
				});
				java.util.concurrent.Future<Integer> approving = two.submit(() -> {
					start.await();
					return approve(id, seen, approver).andReturn().getResponse().getStatus();
				});
				start.countDown();
				assertThat(editing.get()).as("round %d: the edit", round).isIn(302, 409);
				assertThat(approving.get()).as("round %d: the approval", round).isIn(302, 409);

				ItemView after = this.catalog.item(id).orElseThrow();
				if (after.status() == ItemStatus.APPROVED || after.status() == ItemStatus.PUBLISHED) {
					assertThat(after.approvedRevision()).as("round %d: approved exactly what goes out", round)
						.isEqualTo(after.revision())
						.isEqualTo(seen);
					assertThat(after.bodyMarkdown()).isEqualTo("Lần " + round);
				}
			}
		}
		finally {
			two.shutdownNow();
		}
	}

	// ---- point 5: four-eyes

	@Test
	void withFourEyesTheOneWhoMadeTheRevisionCannotApproveItButSomeoneElseCan() throws Exception {
		String both = this.accounts.user(Role.EDITOR, Role.APPROVER);
		MockHttpSession writer = this.accounts.signIn(both);
		String id = createAndSubmit(writer, "Họp dân thôn 2 lúc 19 giờ.");

		String refused = approve(id, revisionIn(page(id, writer)), writer).andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("không tự phê duyệt được");
		assertThat(this.catalog.item(id).orElseThrow().status()).isEqualTo(ItemStatus.SUBMITTED);

		// someone else edits it: now the first writer is the second pair of eyes
		MockHttpSession other = this.accounts.signedIn(Role.EDITOR, Role.APPROVER);
		edit(other, id, "Họp dân thôn 2 lúc 19 giờ 30.");
		approve(id, revisionIn(page(id, other)), other).andExpect(status().isConflict());
		approve(id, revisionIn(page(id, writer)), writer).andExpect(status().isFound());
		assertThat(this.catalog.item(id).orElseThrow().approvedBy()).isEqualTo(both);
	}

	@Test
	void withFourEyesTheApiRefusesAnApprovalByTheLastEditor() throws Exception {
		String token = this.tokens.token(Role.EDITOR, Role.APPROVER);
		String id = JsonPath.read(this.mvc
			.perform(json(post("/api/items"), token,
					"{\"kind\":\"news\",\"title\":\"Tin tự duyệt " + next() + "\",\"channels\":[\"web\"]}"))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		this.mvc.perform(TestApiTokens.as(post("/api/items/{id}/submit", id), token)).andExpect(status().isOk());
		this.mvc.perform(json(post("/api/items/{id}/approve", id), token, "{\"revision\": 1}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.reason").value("four-eyes"));
		assertThat(this.catalog.item(id).orElseThrow().status()).isEqualTo(ItemStatus.SUBMITTED);
	}

	@Test
	void anEmergencyMayBeApprovedByItsWriterWhoIsAlsoApproverAndTheHistorySaysSo() throws Exception {
		MockHttpSession both = this.accounts.signedIn(Role.EDITOR, Role.APPROVER);
		String id = created(both, "Cảnh báo lũ quét " + next(), "Sơ tán ngay khỏi bờ suối.", "EMERGENCY");

		approve(id, revisionIn(page(id, both)), both).andExpect(status().isFound());

		assertThat(this.catalog.item(id).orElseThrow().status()).isIn(ItemStatus.APPROVED, ItemStatus.PUBLISHED);
		assertThat(this.events.findByItemIdOrderByAtAscIdAsc(id)).filteredOn((e) -> e.action().equals("approved"))
			.singleElement()
			.satisfies((e) -> assertThat(e.detail()).contains("emergency").contains("last editor"));
	}

	@Test
	void withFourEyesOffAnApproverMayApproveTheirOwnRevisionAndTheHistorySaysSo() {
		ItemWorkflow relaxed = new ItemWorkflow(this.items, this.events, this.clock, new WorkflowSettings(false));
		ItemWorkflow strict = new ItemWorkflow(this.items, this.events, this.clock, new WorkflowSettings(true));
		String id = this.published.submitted("Tin một người " + next(), "chu-tich");

		assertThatThrownBy(() -> strict.approve(id, 1, "chu-tich", Set.of(Role.EDITOR, Role.APPROVER)))
			.isInstanceOf(FourEyesRefused.class);
		// the workflow's own transaction, as its Spring proxy gives it
		new TransactionTemplate(this.transactions)
			.executeWithoutResult((tx) -> relaxed.approve(id, 1, "chu-tich", Set.of(Role.EDITOR, Role.APPROVER)));

		assertThat(this.catalog.item(id).orElseThrow().approvedBy()).isEqualTo("chu-tich");
		assertThat(this.events.findByItemIdOrderByAtAscIdAsc(id)).filteredOn((e) -> e.action().equals("approved"))
			.singleElement()
			.satisfies((e) -> assertThat(e.detail()).contains("four-eyes off"));
	}

	@Test
	void fourEyesIsOnUnlessTheCommuneSwitchesItOff() {
		assertThat(new org.springframework.boot.context.properties.bind.Binder()
			.bindOrCreate("bantin.workflow", WorkflowSettings.class)
			.fourEyes()).isTrue();
	}

	// ---- helpers

	private String next() {
		return String.valueOf(counter.incrementAndGet());
	}

	private String page(String id, MockHttpSession session) throws Exception {
		return this.mvc.perform(get("/admin/items/{id}", id).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static int revisionIn(String page) {
		Matcher matcher = REVISION_FIELD.matcher(page);
		assertThat(matcher.find()).as("the approve form carries the revision shown").isTrue();
		return Integer.parseInt(matcher.group(1));
	}

	private org.springframework.test.web.servlet.ResultActions approve(String id, int revision, MockHttpSession session)
			throws Exception {
		return this.mvc.perform(post("/admin/items/{id}/approve", id).param("revision", String.valueOf(revision))
			.session(session)
			.with(csrf()));
	}

	private String createAndSubmit(MockHttpSession editor, String body) throws Exception {
		String id = created(editor, "Thông báo cần duyệt " + next(), body, "NORMAL");
		this.mvc.perform(post("/admin/items/{id}/submit", id).session(editor).with(csrf()))
			.andExpect(status().isFound());
		return id;
	}

	private String created(MockHttpSession editor, String title, String body, String priority) throws Exception {
		String url = this.mvc.perform(form("/admin/items", editor, title, body).param("priority", priority))
			.andExpect(status().isFound())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		return url.substring("/admin/items/".length());
	}

	private void edit(MockHttpSession editor, String id, String body) throws Exception {
		ItemView item = this.catalog.item(id).orElseThrow();
		this.mvc
			.perform(form("/admin/items/" + id, editor, item.title(), body).param("priority", item.priority().name()))
			.andExpect(status().isFound());
	}

	private static MockHttpServletRequestBuilder form(String url, MockHttpSession session, String title, String body) {
		return post(url).session(session)
			.with(csrf())
			.param("kind", "ANNOUNCEMENT")
			.param("title", title)
			.param("body", body)
			.param("channels", "WEB");
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String token,
			String body) {
		return TestApiTokens.as(request, token).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private static MockHttpServletRequestBuilder put(String id) {
		return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/items/{id}", id);
	}

}
