package vn.bantin.subscription;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import vn.bantin.BantinWebTest;
import vn.bantin.account.Role;
import vn.bantin.account.TestAccounts;
import vn.bantin.timetable.MailingListRefused;
import vn.bantin.timetable.MailingLists;
import vn.bantin.timetable.Timetable;
import vn.bantin.timetable.Timetables;
import vn.bantin.system.BantinProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The email lists' admin pages: lists from files and the UI with their sending rules and
 * counts, creating a list (part of the timetables; a file list is never changed), adding
 * and removing subscribers, the CSV import (acceptance: good rows kept, each bad row
 * reported by line, importing twice changes nothing) and the export.
 */
@BantinWebTest
class ListAdminTests {

	static final AtomicInteger counter = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestSubscribers subscribers;

	@Autowired
	Timetables timetables;

	@Autowired
	MailingLists lists;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	BantinProperties properties;

	Document page(MockHttpSession session, String path) throws Exception {
		return Jsoup.parse(this.mvc.perform(get(path).session(session).header("Accept-Language", "vi"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

	String newList(MockHttpSession session, String name) throws Exception {
		String key = "ds-thu-" + counter.incrementAndGet();
		this.mvc
			.perform(post("/admin/lists").session(session)
				.with(csrf())
				.param("key", key)
				.param("name", name)
				.param("description", "Để thử")
				.param("open", "true"))
			.andExpect(status().is3xxRedirection());
		// read the page it leads to, as a browser does (its notice is used up)
		this.mvc.perform(get("/admin/lists/" + key).session(session)).andExpect(status().isOk());
		return key;
	}

	@Test
	void listsPageShowsFileAndUiListsWithTheirSendingRulesAndCounts() throws Exception {
		MockHttpSession editor = this.accounts.signedIn(Role.EDITOR);
		String key = newList(editor, "Hội Phụ nữ xã");
		this.subscribers.add("ds-a-" + key + "@example.vn", "CONFIRMED", key);
		this.subscribers.add("ds-b-" + key + "@example.vn", "CONFIRMED", key);
		this.subscribers.add("ds-c-" + key + "@example.vn", "PENDING", key);

		Document page = page(editor, "/admin/lists");

		String officials = page.select("table.lists tr:contains(can-bo-cong-chuc)").text();
		assertThat(officials).contains("Cán bộ, công chức xã", "Nội bộ", "lists.yaml", "Thư cho cán bộ, công chức");
		assertThat(page.select("table.lists tr:contains(nguoi-dan-cchc)").text()).contains("Công khai", "Bản tin tuần",
				"07:00");
		assertThat(page.select("table.lists tr:contains(" + key + ") td").eachText()).contains("Hội Phụ nữ xã " + key,
				"Công khai", "Tạo trong trang quản trị", "Chưa có khung giờ thư điện tử nào gửi danh sách này.", "2",
				"1");
	}

	@Test
	void aListCreatedInTheAdminPagesIsPartOfTheTimetablesAndItsKeyMustBeNew() throws Exception {
		MockHttpSession editor = this.accounts.signedIn(Role.EDITOR);

		String key = newList(editor, "Hội Nông dân xã");

		assertThat(this.timetables.current().lists()).filteredOn((list) -> list.key().equals(key))
			.containsExactly(new Timetable.MailingList(key, "Hội Nông dân xã", "Để thử", true, null));
		Document taken = Jsoup.parse(this.mvc
			.perform(post("/admin/lists").session(editor)
				.with(csrf())
				.header("Accept-Language", "vi")
				.param("key", key)
				.param("name", "Lần hai"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		assertThat(taken.select(".field-error").text()).contains(key, "đã được dùng");
		Document fromFile = Jsoup.parse(this.mvc
			.perform(post("/admin/lists").session(editor)
				.with(csrf())
				.header("Accept-Language", "vi")
				.param("key", "can-bo-cong-chuc")
				.param("name", "Chép"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		assertThat(fromFile.select(".field-error").text()).contains("lists.yaml");
		assertThat(fromFile.select("input[name=name]").val()).isEqualTo("Chép");
	}

	@Test
	void aListKeptInAFileIsNeverChangedHere() {
		Timetable.MailingList before = this.timetables.current()
			.lists()
			.stream()
			.filter((list) -> list.key().equals("truong-thon"))
			.findFirst()
			.orElseThrow();

		assertThatThrownBy(() -> this.lists
			.update(new Timetable.MailingList("truong-thon", "Đổi tên", null, true, null), 0L, "lan"))
			.isInstanceOfSatisfying(MailingListRefused.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(MailingListRefused.Reason.READ_ONLY));
		assertThatThrownBy(() -> this.lists.delete("truong-thon", 0L)).isInstanceOf(MailingListRefused.class);
		assertThat(this.timetables.current().lists()).contains(before);
	}

	@Test
	void aUiListIsRenamedOrDeletedHereAndAFileListHasNoSuchForm() throws Exception {
		MockHttpSession editor = this.accounts.signedIn(Role.EDITOR);
		String key = newList(editor, "Câu lạc bộ dưỡng sinh");
		Document page = page(editor, "/admin/lists/" + key);
		String version = page.select("form[action$=/" + key + "] input[name=version]").val();

		this.mvc
			.perform(post("/admin/lists/{k}", key).session(editor)
				.with(csrf())
				.param("version", version)
				.param("name", "CLB dưỡng sinh thôn Đông"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("notice", "lists.saved"));
		assertThat(this.timetables.current().lists()).filteredOn((list) -> list.key().equals(key))
			.extracting(Timetable.MailingList::name, Timetable.MailingList::open)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("CLB dưỡng sinh thôn Đông", false));
		// the version the page showed is stale now
		this.mvc.perform(post("/admin/lists/{k}/delete", key).session(editor).with(csrf()).param("version", version))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("listRefused", org.hamcrest.Matchers.notNullValue()));
		String fresh = page(editor, "/admin/lists/" + key).select("form[action$=/delete] input[name=version]").val();
		this.mvc.perform(post("/admin/lists/{k}/delete", key).session(editor).with(csrf()).param("version", fresh))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("notice", "lists.deleted"));
		assertThat(this.timetables.current().lists()).noneMatch((list) -> list.key().equals(key));

		Document fileList = page(editor, "/admin/lists/truong-thon");
		assertThat(fileList.select("form[method=post][action=/admin/lists/truong-thon]")).isEmpty();
		assertThat(fileList.select("form[action$=/delete]")).isEmpty();
		this.mvc
			.perform(post("/admin/lists/truong-thon").session(editor)
				.with(csrf())
				.param("version", "0")
				.param("name", "Đổi"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("listRefused", org.hamcrest.Matchers.containsString("lists.yaml")));
	}

	@Test
	void csvImportKeepsGoodRowsReportsEachBadRowByLineAndIsIdempotent() throws Exception {
		String editorName = this.accounts.user(Role.EDITOR);
		MockHttpSession editor = this.accounts.signIn(editorName);
		String key = newList(editor, "Người dân thôn Trung Hải");
		String domain = key + ".example.vn";
		this.subscribers.suppress("roi-di@" + domain, "*", "LEFT");
		// on another list already: added to this one too, their consent kept (their
		// missing name filled in)
		long existing = this.subscribers.add("co-san@" + domain, "CONFIRMED", "truong-thon");
		String csv = "\uFEFFĐịa chỉ email;Họ và tên;Thôn;Đồng ý\r\n" //
				+ "an@" + domain + ";Nguyễn Văn An;Trung Hải;có\r\n" // 2
				+ "sai-dia-chi;Trần Bình;Trung Hải;có\r\n" // 3
				+ "chua-dong-y@" + domain + ";Lê Chi;Trung Hải;\r\n" // 4
				+ "AN@" + domain + ";Nguyễn An;Trung Hải;x\r\n" // 5
				+ "roi-di@" + domain + ";Phạm Dũng;Trung Hải;yes\r\n" // 6
				+ "co-san@" + domain + ";Võ Thị Em;Trung Hải;1\r\n" // 7
				+ "hong@" + domain + ";Đặng Thị Hồng;Đông Hải;x\r\n"; // 8

		Document summary = importCsv(editor, key, "nguoi-dan.csv", csv);

		assertThat(summary.select("[role=status]").text()).contains("đã thêm 3", "đã có sẵn 0", "từ chối 4");
		assertThat(summary.select("table.refused tbody tr").eachText()).containsExactly(
				"3 Địa chỉ «sai-dia-chi» không hợp lệ.", "4 Không có đồng ý (chua-dong-y@" + domain + ").",
				"5 Trùng địa chỉ với dòng 2.",
				"6 Địa chỉ roi-di@" + domain + " đã rời danh sách hoặc bị trả lại: không thêm lại.");
		List<Map<String, Object>> rows = members(key);
		assertThat(rows).extracting((row) -> row.get("ADDRESS"), (row) -> row.get("NAME"), (row) -> row.get("STATUS"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple("an@" + domain, "Nguyễn Văn An", "CONFIRMED"),
					org.assertj.core.groups.Tuple.tuple("co-san@" + domain, "Võ Thị Em", "CONFIRMED"),
					org.assertj.core.groups.Tuple.tuple("hong@" + domain, "Đặng Thị Hồng", "CONFIRMED"));
		assertThat(rows.get(0).get("CONSENT_SOURCE")).asString()
			.isEqualTo("import nguoi-dan.csv line 2 by " + editorName);
		assertThat(rows.get(1).get("CONSENT_SOURCE")).isEqualTo("test");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM subscription WHERE subscriber_id = ?", Long.class,
				existing))
			.isEqualTo(2);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM subscriber WHERE address_key IN (?, ?)", Long.class,
				"roi-di@" + domain, "chua-dong-y@" + domain))
			.isZero();

		Document again = importCsv(editor, key, "nguoi-dan.csv", csv);

		assertThat(again.select("[role=status]").text()).contains("đã thêm 0", "đã có sẵn 3", "từ chối 4");
		assertThat(members(key)).isEqualTo(rows);
		try (Stream<Path> left = Files.list(this.properties.dataPath("imports"))) {
			assertThat(left).isEmpty();
		}
	}

	@Test
	void exportIsUtf8WithAByteOrderMarkAndReadsBackWithTheSameVietnameseNames() throws Exception {
		MockHttpSession editor = this.accounts.signedIn(Role.EDITOR);
		String key = newList(editor, "Chi hội Cựu chiến binh");
		String domain = key + ".example.vn";
		importCsv(editor, key, "ccb.csv",
				"email,họ tên,thôn,đồng ý\n" + "ong-nghia@" + domain + ",\"Hoàng Trọng Nghĩa, CCB\",Thôn Đông Hải,có\n"
						+ "ba-huong@" + domain + ",Lưu Thị Hường,Xóm Mới,x\n");

		MvcResult export = this.mvc.perform(get("/admin/lists/{k}/export", key).session(editor))
			.andExpect(status().isOk())
			.andReturn();

		byte[] bytes = export.getResponse().getContentAsByteArray();
		assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
		assertThat(export.getResponse().getContentType()).startsWith("text/csv");
		SubscriberImport.Table table = SubscriberImport.read(bytes);
		assertThat(table.headers()).containsExactly("address", "name", "village", "status", "consent_source",
				"consent_time");
		assertThat(table.lines()).extracting((line) -> line.cells().subList(0, 4))
			.containsExactly(List.of("ba-huong@" + domain, "Lưu Thị Hường", "Xóm Mới", "CONFIRMED"),
					List.of("ong-nghia@" + domain, "Hoàng Trọng Nghĩa, CCB", "Thôn Đông Hải", "CONFIRMED"));
		assertThat(table.lines().get(0).cells().get(5)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
		SubscriberImport.Mapping guessed = SubscriberImport.guess(table.headers());
		assertThat(guessed.email()).isZero();
		assertThat(guessed.name()).isEqualTo(1);
		assertThat(guessed.village()).isEqualTo(2);
	}

	@Test
	void staffAddWithConsentRecordingTheirNameOrAskTheAddressToConfirm() throws Exception {
		String editorName = this.accounts.user(Role.EDITOR);
		MockHttpSession editor = this.accounts.signIn(editorName);
		String key = newList(editor, "Tổ dân phố");
		String domain = key + ".example.vn";

		this.mvc
			.perform(post("/admin/lists/{k}/subscribers", key).session(editor)
				.with(csrf())
				.param("address", " Thu@" + domain + " ")
				.param("name", "Bùi Thị Thu")
				.param("village", "Thôn Tây")
				.param("consent", "true"))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("notice", "lists.added.added"));
		this.mvc
			.perform(post("/admin/lists/{k}/subscribers", key).session(editor)
				.with(csrf())
				.param("address", "hoi@" + domain))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("notice", "lists.added.pending"));

		List<Map<String, Object>> rows = members(key);
		assertThat(rows).extracting((row) -> row.get("ADDRESS"), (row) -> row.get("STATUS"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple("hoi@" + domain, "PENDING"),
					org.assertj.core.groups.Tuple.tuple("Thu@" + domain, "CONFIRMED"));
		assertThat(rows.get(1).get("CONSENT_SOURCE")).isEqualTo("admin by " + editorName);
		assertThat(rows.get(1).get("CONFIRMATION_SENT_AT")).isNull();
		assertThat(rows.get(0).get("CONSENT_AT")).isNull();

		Document page = page(editor, "/admin/lists/" + key + "?q=BUI THI");
		assertThat(page.select("table.subscribers tbody tr")).singleElement()
			.satisfies((row) -> assertThat(row.text()).contains("Thu@" + domain, "Bùi Thị Thu", "Thôn Tây",
					"Đã xác nhận", "admin by"));
		assertThat(page(editor, "/admin/lists/" + key + "?q=tay").select("table.subscribers tbody tr")).hasSize(1);

		long id = ((Number) rows.get(1).get("ID")).longValue();
		this.mvc.perform(post("/admin/lists/{k}/subscribers/{id}/remove", key, id).session(editor).with(csrf()))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("notice", "lists.removed"));
		assertThat(members(key)).hasSize(1);
	}

	@Test
	void aSuppressedAddressIsRefusedWithAClearMessage() throws Exception {
		MockHttpSession editor = this.accounts.signedIn(Role.EDITOR);
		String key = newList(editor, "Đoàn Thanh niên");
		this.subscribers.suppress("da-roi@" + key + ".example.vn", key, "LEFT");

		MvcResult result = this.mvc
			.perform(post("/admin/lists/{k}/subscribers", key).session(editor)
				.with(csrf())
				.param("address", "da-roi@" + key + ".example.vn")
				.param("consent", "true"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("notice", "lists.added.suppressed"))
			.andReturn();

		assertThat(members(key)).isEmpty();
		Document page = Jsoup
			.parse(this.mvc
				.perform(get(result.getResponse().getRedirectedUrl()).session(editor)
					.flashAttrs(result.getFlashMap())
					.header("Accept-Language", "vi"))
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8));
		assertThat(page.select(".notice").text()).contains("đã rời danh sách", "chỉ chính người đó đăng ký lại");
	}

	@Test
	void operatorsAndApproversCannotSeeOrChangeLists() throws Exception {
		for (Role role : List.of(Role.OPERATOR, Role.APPROVER)) {
			MockHttpSession session = this.accounts.signedIn(role);
			this.mvc.perform(get("/admin/lists").session(session)).andExpect(status().isForbidden());
			this.mvc.perform(get("/admin/lists/can-bo-cong-chuc").session(session)).andExpect(status().isForbidden());
			this.mvc.perform(get("/admin/lists/can-bo-cong-chuc/export").session(session))
				.andExpect(status().isForbidden());
			this.mvc
				.perform(post("/admin/lists").session(session).with(csrf()).param("key", "cam").param("name", "Cấm"))
				.andExpect(status().isForbidden());
		}
		assertThat(this.timetables.current().lists()).noneMatch((list) -> list.key().equals("cam"));
		MockHttpSession admin = this.accounts.signedIn(Role.ADMIN);
		this.mvc.perform(get("/admin/lists/khong-co").session(admin)).andExpect(status().isNotFound());
	}

	Document importCsv(MockHttpSession session, String key, String fileName, String csv) throws Exception {
		Document mapping = Jsoup.parse(this.mvc
			.perform(multipart("/admin/lists/{k}/import", key)
				.file(new MockMultipartFile("file", fileName, "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
				.session(session)
				.with(csrf())
				.header("Accept-Language", "vi"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		var apply = post("/admin/lists/{k}/import/apply", key).session(session)
			.with(csrf())
			.header("Accept-Language", "vi")
			.param("token", mapping.select("input[name=token]").val())
			.param("fileName", mapping.select("input[name=fileName]").val());
		for (String field : List.of("email", "name", "village", "consent")) {
			apply.param(field, mapping.select("select[name=" + field + "] option[selected]").val());
		}
		return Jsoup.parse(this.mvc.perform(apply)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

	List<Map<String, Object>> members(String key) {
		return this.jdbc.queryForList("SELECT s.id, s.address, s.name, s.village, s.status, s.consent_source,"
				+ " s.consent_at, s.confirmation_sent_at FROM subscriber s JOIN subscription m ON m.subscriber_id = s.id"
				+ " WHERE m.list_key = ? ORDER BY s.address_key", key);
	}

}
