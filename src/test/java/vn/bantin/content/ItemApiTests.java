package vn.bantin.content;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import vn.bantin.BantinWebTest;
import vn.bantin.account.Role;
import vn.bantin.account.TestApiTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static vn.bantin.account.TestApiTokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The JSON item API with personal tokens, as integrators use it: the same roles as the
 * web editor, filters and paging, problem details naming the field, Vietnamese text kept
 * intact, and the OpenAPI description.
 */
@BantinWebTest
class ItemApiTests {

	static final String FILE_ITEM = "lich-tiep-cong-dan-thang-12-2026";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestApiTokens tokens;

	@Autowired
	ItemCatalog catalog;

	static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String token, String body) {
		return as(request, token).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	static final String ANNOUNCEMENT = """
			{"kind": "announcement", "title": "Thông báo lịch tiêm chủng tháng 12 cho trẻ em",
			 "summary": "Trạm y tế xã tổ chức tiêm chủng mở rộng.",
			 "body": "Kính gửi bà con thôn Đông: mang theo sổ tiêm chủng.",
			 "tags": ["y-te"], "zones": ["thon-dong"], "priority": "emergency",
			 "publishAt": "2026-12-01T07:00:00+07:00", "channels": ["web", "radio"],
			 "variants": {"radioScript": "Thông báo của Trạm y tế xã."}}
			""";

	String create(String editor) throws Exception {
		String json = this.mvc.perform(json(post("/api/items"), editor, ANNOUNCEMENT))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(json, "$.id");
	}

	@Test
	void editorCreatesAnItemWhoseVietnameseTextComesBackIntact() throws Exception {
		String editor = this.tokens.token(Role.EDITOR);
		ResultActions created = this.mvc.perform(json(post("/api/items"), editor, ANNOUNCEMENT))
			.andExpect(status().isCreated())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.title").value("Thông báo lịch tiêm chủng tháng 12 cho trẻ em"))
			.andExpect(jsonPath("$.kind").value("announcement"))
			.andExpect(jsonPath("$.priority").value("emergency"))
			.andExpect(jsonPath("$.status").value("draft"))
			.andExpect(jsonPath("$.channels").value(org.hamcrest.Matchers.contains("web", "radio")))
			.andExpect(jsonPath("$.publishAt").value("2026-12-01T00:00:00Z"))
			.andExpect(jsonPath("$.variants.radioScript").value("Thông báo của Trạm y tế xã."));
		String id = JsonPath.read(created.andReturn().getResponse().getContentAsString(), "$.id");
		assertThat(id).startsWith("thong-bao-lich-tiem-chung-thang-12");
		created.andExpect(header().string(HttpHeaders.LOCATION, endsWith("/api/items/" + id)));

		this.mvc.perform(as(get("/api/items/{id}", id), editor))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.summary").value("Trạm y tế xã tổ chức tiêm chủng mở rộng."))
			.andExpect(jsonPath("$.body").value("Kính gửi bà con thôn Đông: mang theo sổ tiêm chủng."))
			.andExpect(jsonPath("$.zones[0]").value("thon-dong"))
			.andExpect(jsonPath("$.updatedAt").value(org.hamcrest.Matchers.matchesPattern("\\d{4}-.*Z")));
		// decomposed letters (as pasted from some editors) are stored composed
		String decomposed = java.text.Normalizer.normalize("Tiêu đề đã sửa", java.text.Normalizer.Form.NFD);
		this.mvc
			.perform(json(put("/api/items/{id}", id), editor,
					"{\"kind\":\"news\",\"title\":\"" + decomposed + "\",\"channels\":[\"web\"]}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value("Tiêu đề đã sửa"))
			.andExpect(jsonPath("$.kind").value("news"))
			.andExpect(jsonPath("$.priority").value("normal"));
	}

	@Test
	void editorSubmitsAndArchivesApproverApprovesAndRejects() throws Exception {
		String editor = this.tokens.token(Role.EDITOR);
		String approver = this.tokens.token(Role.APPROVER);
		String first = create(editor);
		String second = create(editor);

		this.mvc.perform(as(post("/api/items/{id}/submit", first), editor))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("submitted"));
		this.mvc.perform(as(post("/api/items/{id}/approve", first).param("revision", "1"), approver))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("approved"))
			.andExpect(jsonPath("$.approvedBy").value(containsString("-approver")));

		this.mvc.perform(as(post("/api/items/{id}/submit", second), editor)).andExpect(status().isOk());
		this.mvc.perform(json(post("/api/items/{id}/reject", second), approver, "{\"comment\": \"  \"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value("comment"));
		this.mvc.perform(json(post("/api/items/{id}/reject", second), approver, "{\"comment\": \"Sai ngày tiêm\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("rejected"));

		this.mvc.perform(as(post("/api/items/{id}/archive", second), editor))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("archived"));
		// approving a draft is a workflow conflict
		String draft = create(editor);
		this.mvc.perform(as(post("/api/items/{id}/approve", draft).param("revision", "1"), approver))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value("draft"));
	}

	@Test
	void theRolesAreThoseOfTheWebEditor() throws Exception {
		String editor = this.tokens.token(Role.EDITOR);
		String operator = this.tokens.token(Role.OPERATOR);
		String id = create(editor);
		this.mvc.perform(as(post("/api/items/{id}/submit", id), editor)).andExpect(status().isOk());

		this.mvc.perform(as(post("/api/items/{id}/approve", id).param("revision", "1"), editor))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(403));
		this.mvc.perform(json(post("/api/items"), operator, ANNOUNCEMENT)).andExpect(status().isForbidden());
		this.mvc.perform(as(get("/api/items"), operator)).andExpect(status().isForbidden());
		this.mvc.perform(json(post("/api/items"), this.tokens.token(Role.APPROVER), ANNOUNCEMENT))
			.andExpect(status().isForbidden());
		this.mvc.perform(as(get("/api/items/{id}", id), this.tokens.token(Role.ADMIN))).andExpect(status().isOk());
		assertThat(this.catalog.item(id).orElseThrow().status()).isEqualTo(ItemStatus.SUBMITTED);
	}

	@Test
	void refusedInputIsAProblemNamingTheFieldInTheCallersLanguage() throws Exception {
		String editor = this.tokens.token(Role.EDITOR);
		this.mvc.perform(json(post("/api/items"), editor, "{\"kind\":\"news\",\"title\":\"  \"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.field").value("title"))
			.andExpect(jsonPath("$.detail").value("Nhập tiêu đề."));
		this.mvc
			.perform(json(post("/api/items"), editor, "{\"kind\":\"news\"}").header(HttpHeaders.ACCEPT_LANGUAGE,
					"en-US,en;q=0.9"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("title"))
			.andExpect(jsonPath("$.detail").value("Enter a title."));
		this.mvc.perform(json(post("/api/items"), editor, "{\"kind\":\"poster\",\"title\":\"x\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("kind"));
		this.mvc
			.perform(
					json(post("/api/items"), editor, "{\"kind\":\"news\",\"title\":\"x\",\"publishAt\":\"mai 7 giờ\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("publishAt"));
		this.mvc.perform(json(post("/api/items"), editor, "{not json"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void itemsFromFilesAreReadOnlyAndUnknownItemsAreNotFound() throws Exception {
		String editor = this.tokens.token(Role.EDITOR);
		this.mvc.perform(as(get("/api/items/{id}", FILE_ITEM), editor))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sourceFile").value(containsString(FILE_ITEM)));
		this.mvc.perform(json(put("/api/items/{id}", FILE_ITEM), editor, "{\"kind\":\"news\",\"title\":\"Sửa\"}"))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").isString());
		this.mvc.perform(as(get("/api/items/{id}", "khong-co-ban-tin-nay"), editor))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("Không có bản tin khong-co-ban-tin-nay."));
	}

	@Test
	void filtersAndPagingWorkAsInTheEditor() throws Exception {
		String editor = this.tokens.token(Role.EDITOR);
		this.mvc.perform(as(get("/api/items").param("kind", "procedure").param("size", "2"), editor))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items", hasSize(2)))
			.andExpect(jsonPath("$.items[*].kind", everyItem(org.hamcrest.Matchers.is("procedure"))))
			.andExpect(jsonPath("$.page").value(0))
			.andExpect(jsonPath("$.size").value(2))
			.andExpect(jsonPath("$.totalItems", greaterThanOrEqualTo(3)))
			.andExpect(jsonPath("$.totalPages", greaterThanOrEqualTo(2)));
		String page0 = this.mvc.perform(as(get("/api/items").param("size", "1").param("page", "0"), editor))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String page1 = this.mvc.perform(as(get("/api/items").param("size", "1").param("page", "1"), editor))
			.andExpect(jsonPath("$.page").value(1))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<String>read(page0, "$.items[0].id")).isNotEqualTo(JsonPath.read(page1, "$.items[0].id"));

		this.mvc.perform(as(get("/api/items").param("q", "lich tiep cong dan"), editor))
			.andExpect(jsonPath("$.items[*].id", hasItem(FILE_ITEM)));
		this.mvc.perform(as(get("/api/items").param("channel", "radio").param("priority", "emergency"), editor))
			.andExpect(jsonPath("$.items[*].priority", everyItem(org.hamcrest.Matchers.is("emergency"))))
			.andExpect(jsonPath("$.items[*].channels", everyItem(hasItem("radio"))));
		String id = create(editor);
		String drafts = this.mvc.perform(as(get("/api/items").param("status", "draft").param("size", "200"), editor))
			.andExpect(jsonPath("$.items[*].status", everyItem(org.hamcrest.Matchers.is("draft"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<List<String>>read(drafts, "$.items[*].id")).contains(id);

		this.mvc.perform(as(get("/api/items").param("status", "bogus"), editor))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("status"));
		this.mvc.perform(as(get("/api/items").param("size", "201"), editor))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("size"));
	}

	@Test
	void theOpenApiDescriptionIsPublicAndListsTheItemPaths() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/items'].get").exists())
			.andExpect(jsonPath("$.paths['/api/items'].post").exists())
			.andExpect(jsonPath("$.paths['/api/items/{id}'].put").exists())
			.andExpect(jsonPath("$.paths['/api/items/{id}/approve'].post").exists())
			.andExpect(jsonPath("$.paths['/api/items/{id}/reject'].post").exists())
			.andExpect(jsonPath("$.paths['/api/tokens'].post").exists())
			.andExpect(jsonPath("$.components.securitySchemes.bearer.scheme").value("bearer"))
			.andExpect(jsonPath("$.paths['/admin/items']").doesNotExist());
		this.mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
	}

}
