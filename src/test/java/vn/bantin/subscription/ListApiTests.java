package vn.bantin.subscription;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.bantin.BantinWebTest;
import vn.bantin.account.Role;
import vn.bantin.account.TestApiTokens;
import vn.bantin.timetable.Timetables;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The lists API: lists with their sending rules and counts, creating a list (409 on a key
 * already used, 422 with field errors), adding a subscriber with consent (no mail, the
 * source recorded) or without (pending), a suppressed address (409 with the reason),
 * removing by id or address, unknown lists (404), roles, and the OpenAPI document.
 */
@BantinWebTest
class ListApiTests {

	static final AtomicInteger counter = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestApiTokens tokens;

	@Autowired
	TestSubscribers subscribers;

	@Autowired
	Timetables timetables;

	@Autowired
	JdbcTemplate jdbc;

	String editor;

	@BeforeEach
	void token() throws Exception {
		this.editor = this.tokens.token(Role.EDITOR);
	}

	String create(String key, String name) throws Exception {
		this.mvc
			.perform(TestApiTokens.as(post("/api/lists"), this.editor)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"key\":\"" + key + "\",\"name\":\"" + name + "\",\"public\":true}"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/lists/" + key))
			.andExpect(jsonPath("$.key").value(key))
			.andExpect(jsonPath("$.name").value(name))
			.andExpect(jsonPath("$.public").value(true))
			.andExpect(jsonPath("$.source").value("ui"))
			.andExpect(jsonPath("$.confirmed").value(0));
		return key;
	}

	@Test
	void listsComeWithTheirSendingRulesAndCounts() throws Exception {
		String key = create("api-ds-" + counter.incrementAndGet(), "Hội Người cao tuổi");
		this.subscribers.add("mot@" + key + ".example.vn", "CONFIRMED", key);
		this.subscribers.add("hai@" + key + ".example.vn", "PENDING", key);

		this.mvc.perform(TestApiTokens.as(get("/api/lists"), this.editor))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.key == 'can-bo-cong-chuc')].rules[0].slot").value(hasItem("thu-can-bo")))
			.andExpect(jsonPath("$[?(@.key == 'can-bo-cong-chuc')].rules[0].kind").value(hasItem("on-publish")))
			.andExpect(jsonPath("$[?(@.key == 'can-bo-cong-chuc')].source").value(hasItem("lists.yaml")))
			.andExpect(jsonPath("$[?(@.key == 'nguoi-dan-cchc')].rules[0].kind").value(hasItem("digest")))
			.andExpect(jsonPath("$[?(@.key == 'nguoi-dan-cchc')].rules[0].times[0]").value(hasItem("07:00")))
			.andExpect(jsonPath("$[?(@.key == 'nguoi-dan-cchc')].rules[0].days[0]").value(hasItem("MONDAY")))
			.andExpect(jsonPath("$[?(@.key == '" + key + "')].confirmed").value(hasItem(1)))
			.andExpect(jsonPath("$[?(@.key == '" + key + "')].pending").value(hasItem(1)));
	}

	@Test
	void aCreatedListIsInTheTimetablesAndItsKeyCannotBeUsedAgain() throws Exception {
		String key = create("api-ds-" + counter.incrementAndGet(), "Hội Chữ thập đỏ");

		assertThat(this.timetables.current().lists()).anyMatch((list) -> list.key().equals(key) && list.open());
		for (String taken : List.of(key, "truong-thon")) {
			this.mvc
				.perform(TestApiTokens.as(post("/api/lists"), this.editor)
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"key\":\"" + taken + "\",\"name\":\"Trùng\"}"))
				.andExpect(status().isConflict())
				.andExpect(jsonPath("$.errors[0].field").value("key"));
		}
		this.mvc
			.perform(TestApiTokens.as(post("/api/lists"), this.editor)
				.contentType(MediaType.APPLICATION_JSON)
				.header("Accept-Language", "vi")
				.content("{\"key\":\"Có Dấu\",\"name\":\"\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("key", "name")))
			.andExpect(jsonPath("$.errors[1].message").value("Nhập tên danh sách."));
	}

	@Test
	void addingWithConsentConfirmsAtOnceWithoutMailAndRecordsTheSource() throws Exception {
		String key = create("api-ds-" + counter.incrementAndGet(), "Cựu giáo chức");
		String address = "thay-giao@" + key + ".example.vn";

		this.mvc
			.perform(TestApiTokens.as(post("/api/lists/{id}/subscribers", key), this.editor)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"address\":\"" + address + "\",\"name\":\"Ngô Văn Thầy\",\"village\":\"Thôn Bắc\","
						+ "\"consent\":true}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.outcome").value("added"))
			.andExpect(jsonPath("$.subscriber.status").value("confirmed"))
			.andExpect(jsonPath("$.subscriber.name").value("Ngô Văn Thầy"))
			.andExpect(jsonPath("$.subscriber.consentSource").value(matchesPattern("api by api-\\d+-editor")))
			.andExpect(jsonPath("$.subscriber.consentAt").value(matchesPattern(".*\\+07:00")));
		Map<String, Object> row = this.jdbc
			.queryForMap("SELECT status, confirmation_sent_at FROM subscriber WHERE address_key = ?", address);
		assertThat(row.get("STATUS")).isEqualTo("CONFIRMED");
		assertThat(row.get("CONFIRMATION_SENT_AT")).isNull();

		// again: nothing changes
		this.mvc
			.perform(TestApiTokens.as(post("/api/lists/{id}/subscribers", key), this.editor)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"address\":\"" + address.toUpperCase(java.util.Locale.ROOT) + "\",\"consent\":true}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("already"));
		this.mvc.perform(TestApiTokens.as(get("/api/lists/{id}/subscribers?size=10", key), this.editor))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalElements").value(1))
			.andExpect(jsonPath("$.subscribers[0].address").value(address))
			.andExpect(jsonPath("$.subscribers[0].village").value("Thôn Bắc"));
	}

	@Test
	void addingWithoutConsentLeavesTheAddressPendingAskingItToConfirm() throws Exception {
		String key = create("api-ds-" + counter.incrementAndGet(), "Hội Khuyến học");
		String address = "hoc@" + key + ".example.vn";

		this.mvc
			.perform(TestApiTokens.as(post("/api/lists/{id}/subscribers", key), this.editor)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"address\":\"" + address + "\",\"consent\":false}"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.outcome").value("pending"))
			.andExpect(jsonPath("$.subscriber.status").value("pending"))
			.andExpect(jsonPath("$.subscriber.consentAt").doesNotExist());
	}

	@Test
	void aSuppressedAddressIsRefusedWithItsReasonAndABadOneAsUnprocessable() throws Exception {
		String key = create("api-ds-" + counter.incrementAndGet(), "Thư thử");
		this.subscribers.suppress("bi-tra@" + key + ".example.vn", "*", "BOUNCED");

		this.mvc
			.perform(TestApiTokens.as(post("/api/lists/{id}/subscribers", key), this.editor)
				.contentType(MediaType.APPLICATION_JSON)
				.header("Accept-Language", "en")
				.content("{\"address\":\"bi-tra@" + key + ".example.vn\",\"consent\":true}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.reason").value("bounced"))
			.andExpect(jsonPath("$.detail").value(startsWith("This address left or bounced")));
		this.mvc
			.perform(TestApiTokens.as(post("/api/lists/{id}/subscribers", key), this.editor)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"address\":\"khong phai@dia chi\",\"consent\":true}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.field").value("address"));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM subscription WHERE list_key = ?", Long.class, key))
			.isZero();
	}

	@Test
	void aSubscriberIsTakenOffAListByIdOrAddressAndStaysOnTheOthers() throws Exception {
		String key = create("api-ds-" + counter.incrementAndGet(), "Xóa thử");
		long first = this.subscribers.add("mot@" + key + ".example.vn", "CONFIRMED", key, "truong-thon");
		this.subscribers.add("hai@" + key + ".example.vn", "CONFIRMED", key);

		this.mvc.perform(TestApiTokens.as(delete("/api/lists/{id}/subscribers/{s}", key, first), this.editor))
			.andExpect(status().isNoContent());
		this.mvc
			.perform(TestApiTokens.as(delete("/api/lists/{id}/subscribers/{s}", key, "HAI@" + key + ".example.vn"),
					this.editor))
			.andExpect(status().isNoContent());
		this.mvc.perform(TestApiTokens.as(delete("/api/lists/{id}/subscribers/{s}", key, first), this.editor))
			.andExpect(status().isNotFound());

		assertThat(this.jdbc.queryForList("SELECT list_key FROM subscription WHERE subscriber_id = ?", String.class,
				first))
			.containsExactly("truong-thon");
	}

	@Test
	void anUnknownListIsNotFoundAndOperatorsAreForbidden() throws Exception {
		this.mvc.perform(TestApiTokens.as(get("/api/lists/khong-co/subscribers"), this.editor))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.status").value(404));
		this.mvc
			.perform(TestApiTokens.as(post("/api/lists/khong-co/subscribers"), this.editor)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"address\":\"a@example.vn\",\"consent\":true}"))
			.andExpect(status().isNotFound());
		this.mvc.perform(TestApiTokens.as(delete("/api/lists/khong-co/subscribers/1"), this.editor))
			.andExpect(status().isNotFound());
		String operator = this.tokens.token(Role.OPERATOR);
		this.mvc.perform(TestApiTokens.as(get("/api/lists"), operator)).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/lists")).andExpect(status().isUnauthorized());
	}

	@Test
	void theOpenApiDocumentListsTheListsEndpoints() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/lists'].get").exists())
			.andExpect(jsonPath("$.paths['/api/lists'].post").exists())
			.andExpect(jsonPath("$.paths['/api/lists/{id}/subscribers'].get").exists())
			.andExpect(jsonPath("$.paths['/api/lists/{id}/subscribers'].post").exists())
			.andExpect(jsonPath("$.paths['/api/lists/{id}/subscribers/{subscriber}'].delete").exists());
	}

}
