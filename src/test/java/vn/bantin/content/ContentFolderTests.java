package vn.bantin.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.system.BantinProperties;
import vn.bantin.H2Database;
import vn.bantin.PersistenceTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loading the content folder: good files load, bad files are reported by path and line,
 * and a bad file never stops the others.
 */
@PersistenceTest
@H2Database
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class ContentFolderTests {

	@Autowired
	PlanStore plans;

	@Autowired
	ItemStore items;

	@Autowired
	ItemEventStore events;

	@Autowired
	PlatformTransactionManager transactionManager;

	@TempDir
	Path content;

	ContentFolder folder() {
		BantinProperties properties = new BantinProperties(Path.of("data"), ZoneId.of("Asia/Ho_Chi_Minh"), this.content,
				Path.of("schedules"));
		Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneId.of("UTC"));
		return new ContentFolder(properties, this.plans, this.items, this.events,
				new ProcedureAnnouncements(this.items, this.events, clock),
				new TransactionTemplate(this.transactionManager), clock);
	}

	@Test
	void badFilesAreReportedAndTheGoodOnesStillLoad() throws IOException {
		this.plans.deleteAll();
		Path plansDir = Files.createDirectories(this.content.resolve("plans"));
		Files.writeString(plansDir.resolve("a-good.md"), PlanFileTests.GOOD, StandardCharsets.UTF_8);
		Files.writeString(plansDir.resolve("b-bad-yaml.md"),
				PlanFileTests.GOOD.replace("title: Kế", "title: [Kế").replace("ke-hoach-2024", "other"),
				StandardCharsets.UTF_8);
		Files.writeString(plansDir.resolve("c-long-title.md"),
				PlanFileTests.GOOD.replace("ke-hoach-2024", "long").replace("năm 2024", "x".repeat(400)),
				StandardCharsets.UTF_8);
		Files.write(plansDir.resolve("d-latin1.md"),
				PlanFileTests.GOOD.replace("ke-hoach-2024", "latin").getBytes(StandardCharsets.ISO_8859_1));
		Files.writeString(plansDir.resolve("notes.txt"), "not a plan", StandardCharsets.UTF_8);

		List<ContentProblem> problems = folder().load();

		assertThat(this.plans.findAll()).extracting((plan) -> plan.view().id()).containsExactly("ke-hoach-2024");
		assertThat(problems).extracting(ContentProblem::file)
			.containsExactly("plans/b-bad-yaml.md", "plans/c-long-title.md", "plans/d-latin1.md");
		assertThat(problems.get(1))
			.hasToString("plans/c-long-title.md:5:8: field 'title' has 422 characters; at most 300 are allowed");
		assertThat(problems.get(2).message()).contains("not UTF-8");
	}

	@Test
	void reloadingUpdatesThePlanWithTheSameId() throws IOException {
		this.plans.deleteAll();
		Path plansDir = Files.createDirectories(this.content.resolve("plans"));
		Files.writeString(plansDir.resolve("a.md"), PlanFileTests.GOOD, StandardCharsets.UTF_8);
		folder().load();
		Files.writeString(plansDir.resolve("a.md"), PlanFileTests.GOOD.replace("năm 2024", "năm 2024 (sửa đổi)"),
				StandardCharsets.UTF_8);

		assertThat(folder().load()).isEmpty();

		assertThat(this.plans.findAll()).singleElement()
			.satisfies((plan) -> assertThat(plan.view().title()).isEqualTo("Kế hoạch tuyên truyền năm 2024 (sửa đổi)"));
	}

	@Test
	void missingFolderLoadsNothingAndReportsNothing() {
		assertThat(folder().load()).isEmpty();
	}

	@Test
	void itemsAreUpsertedByIdAndADeletedFileArchivesItsItemKeepingItsHistory() throws IOException {
		Path news = freshFolderWithOneNewsItem();

		assertThat(folder().load()).isEmpty();
		assertThat(view("tin-moi").title()).isEqualTo("Tin mới");

		Files.writeString(news, NEWS.replace("title: Tin mới", "title: Tin mới (sửa)"), StandardCharsets.UTF_8);
		folder().load();
		folder().load();
		assertThat(view("tin-moi").title()).isEqualTo("Tin mới (sửa)");

		Files.delete(news);
		folder().load();

		ItemView archived = view("tin-moi");
		assertThat(archived.status()).isEqualTo(ItemStatus.ARCHIVED);
		assertThat(this.events.findByItemIdOrderByAtAscIdAsc("tin-moi")).extracting(ItemEvent::action)
			.containsExactly("created", "updated", "archived");
	}

	@Test
	void anItemWhoseFileTurnsBadIsNeitherChangedNorArchived() throws IOException {
		Path news = freshFolderWithOneNewsItem();
		folder().load();

		Files.writeString(news, NEWS.replace("themes: [thu-tuc]", "themes: [khong-co]"), StandardCharsets.UTF_8);
		List<ContentProblem> problems = folder().load();

		assertThat(problems).extracting(ContentProblem::file).containsExactly("items/tin.md");
		ItemView item = view("tin-moi");
		assertThat(item.status()).isEqualTo(ItemStatus.SUBMITTED);
		assertThat(item.themes()).containsExactly("thu-tuc");
	}

	@Test
	void approvalGivenInBantinSurvivesReloadsUntilTheFileIsEdited() throws IOException {
		Path news = freshFolderWithOneNewsItem();
		folder().load();
		TransactionTemplate tx = new TransactionTemplate(this.transactionManager);
		tx.executeWithoutResult((t) -> this.items.findById("tin-moi")
			.orElseThrow()
			.approve("Lê Văn Tý", 1, false, true, Instant.parse("2026-01-01T01:00:00Z")));

		folder().load();
		assertThat(view("tin-moi").status()).isEqualTo(ItemStatus.APPROVED);

		Files.writeString(news, NEWS.replace("Nội dung tin.", "Nội dung tin, sửa lại."), StandardCharsets.UTF_8);
		folder().load();
		assertThat(view("tin-moi").status()).isEqualTo(ItemStatus.SUBMITTED);
		assertThat(view("tin-moi").approvedBy()).isNull();
	}

	@Test
	void aProcedureThatChangesStatusGetsAnAnnouncementAwaitingApproval() throws IOException {
		this.items.deleteAll();
		this.plans.deleteAll();
		Files.createDirectories(this.content.resolve("plans"));
		Files.writeString(this.content.resolve("plans/a.md"), PlanFileTests.GOOD, StandardCharsets.UTF_8);
		Path file = Files.createDirectories(this.content.resolve("procedures")).resolve("khai-sinh.md");
		Files.writeString(file, PROCEDURE, StandardCharsets.UTF_8);
		folder().load();
		assertThat(this.items.count()).isEqualTo(1);

		Files.writeString(file,
				PROCEDURE.replace("  status: in-force\n", "  status: amended\n  history:\n"
						+ "    - date: 2026-07-01\n      status: amended\n      note: Bỏ bản sao giấy tờ tùy thân\n"),
				StandardCharsets.UTF_8);
		assertThat(folder().load()).isEmpty();

		ItemView announcement = view("dang-ky-khai-sinh-amended-2026-01-01");
		assertThat(announcement.kind()).isEqualTo(ItemKind.ANNOUNCEMENT);
		assertThat(announcement.status()).isEqualTo(ItemStatus.SUBMITTED);
		assertThat(announcement.title()).isEqualTo("Thông báo: thủ tục “Đăng ký khai sinh” đã được sửa đổi, bổ sung");
		assertThat(announcement.bodyMarkdown()).contains("Từ ngày 01/07/2026: Bỏ bản sao giấy tờ tùy thân.");
		assertThat(announcement.themes()).containsExactly("thu-tuc");
		assertThat(announcement.fromFile()).isFalse();

		folder().load();
		assertThat(this.items.count()).isEqualTo(2);
	}

	static final String PROCEDURE = """
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
			  papers: [Tờ khai]
			  steps: [Nộp hồ sơ]
			  status: in-force
			---
			Thủ tục.
			""";

	@Test
	void aFileCannotTakeTheIdOfAnItemWrittenInTheEditor() throws IOException {
		Path news = freshFolderWithOneNewsItem();
		ItemFile written = ItemFile
			.parse("items/x.md", NEWS.replace("title: Tin mới", "title: Viết trong Bản tin"),
					new ItemFile.Context(this.content, java.util.Set.of("thu-tuc"), ZoneId.of("Asia/Ho_Chi_Minh")))
			.item();
		new TransactionTemplate(this.transactionManager).executeWithoutResult(
				(tx) -> this.items.save(Item.fromFile(written, null, Instant.parse("2026-01-01T00:00:00Z"))));

		List<ContentProblem> problems = folder().load();

		assertThat(problems).singleElement()
			.hasToString("items/tin.md:2:1: field 'id': 'tin-moi' is already used by an item written in the editor;"
					+ " choose another id");
		assertThat(view("tin-moi").title()).isEqualTo("Viết trong Bản tin");
		assertThat(view("tin-moi").fromFile()).isFalse();
		assertThat(news).exists();
	}

	/**
	 * An empty database and a folder with the plan and items/tin.md ({@link #NEWS}), not
	 * loaded yet.
	 */
	Path freshFolderWithOneNewsItem() throws IOException {
		this.items.deleteAll();
		this.plans.deleteAll();
		Files.createDirectories(this.content.resolve("plans"));
		Files.writeString(this.content.resolve("plans/a.md"), PlanFileTests.GOOD, StandardCharsets.UTF_8);
		Path news = Files.createDirectories(this.content.resolve("items")).resolve("tin.md");
		Files.writeString(news, NEWS, StandardCharsets.UTF_8);
		return news;
	}

	ItemView view(String id) {
		return new TransactionTemplate(this.transactionManager)
			.execute((tx) -> this.items.findById(id).orElseThrow().view());
	}

	static final String NEWS = """
			---
			id: tin-moi
			kind: news
			title: Tin mới
			themes: [thu-tuc]
			---
			Nội dung tin.
			""";

}
