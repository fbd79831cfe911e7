package vn.bantin.content;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import vn.bantin.BantinWebTest;
import vn.bantin.MutableClock;
import vn.bantin.account.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the scheduler learns from and tells the content module: every change of an item is
 * announced as {@link ItemChanged}, approval fixes the item's release time, and
 * {@link ItemLifecycle#published} makes an approved item published once.
 */
@BantinWebTest
@RecordApplicationEvents
class ItemLifecycleTests {

	static final AtomicInteger counter = new AtomicInteger();

	@Autowired
	ItemStore items;

	@Autowired
	ItemWorkflow workflow;

	@Autowired
	ItemCatalog catalog;

	@Autowired
	ItemLifecycle lifecycle;

	@Autowired
	ItemEventStore events;

	@Autowired
	MutableClock clock;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	ApplicationEvents applicationEvents;

	String submitted(String publishAt) {
		String id = "vong-doi-" + counter.incrementAndGet();
		String text = "---\nid: " + id + "\nkind: news\ntitle: Tin vòng đời\nstatus: submitted\n"
				+ ((publishAt != null) ? "publish-at: " + publishAt + "\n" : "") + "---\nNội dung.\n";
		ItemFile file = ItemFile
			.parse("items/x.md", text,
					new ItemFile.Context(Path.of("content"), Set.of(), ZoneId.of("Asia/Ho_Chi_Minh")))
			.item();
		new TransactionTemplate(this.transactionManager)
			.executeWithoutResult((tx) -> this.items.save(Item.fromFile(file, null, this.clock.instant())));
		return id;
	}

	@Test
	void approvalIsAnnouncedAndSetsTheReleaseTimeNoEarlierThanApproval() {
		String early = submitted("2020-01-01 07:00");
		String late = submitted("2099-01-01 07:00");
		Instant approvedAt = this.clock.instant();

		this.workflow.approve(early, 1, "Tý", Set.of(Role.APPROVER));
		this.workflow.approve(late, 1, "Tý", Set.of(Role.APPROVER));

		assertThat(this.applicationEvents.stream(ItemChanged.class)).contains(
				new ItemChanged(early, ItemChanged.Action.APPROVED),
				new ItemChanged(late, ItemChanged.Action.APPROVED));
		ItemView earlyView = this.catalog.item(early).orElseThrow();
		assertThat(earlyView.approvedAt()).isEqualTo(approvedAt);
		assertThat(earlyView.releaseAt()).contains(approvedAt);
		assertThat(this.catalog.item(late).orElseThrow().releaseAt()).contains(Instant.parse("2099-01-01T00:00:00Z"));
		assertThat(this.catalog.releasable()).extracting(ItemView::id).contains(early, late);
	}

	@Test
	void anItemNotApprovedHasNoReleaseTimeAndIsNotReleasable() {
		String id = submitted(null);

		assertThat(this.catalog.item(id).orElseThrow().releaseAt()).isEmpty();
		assertThat(this.catalog.releasable()).extracting(ItemView::id).doesNotContain(id);
	}

	@Test
	void publishingAnApprovedItemHappensOnceAndIsWrittenInItsHistory() {
		String id = submitted(null);
		this.workflow.approve(id, 1, "Tý", Set.of(Role.APPROVER));
		Instant at = this.clock.instant().plus(Duration.ofMinutes(1));

		assertThat(this.lifecycle.published(id, at)).isTrue();
		assertThat(this.lifecycle.published(id, at.plusSeconds(5))).isFalse();
		assertThat(this.lifecycle.published("khong-co", at)).isFalse();

		ItemView view = this.catalog.item(id).orElseThrow();
		assertThat(view.status()).isEqualTo(ItemStatus.PUBLISHED);
		assertThat(view.publishedAt()).isEqualTo(at);
		assertThat(view.visibleAt(at)).isTrue();
		assertThat(view.visibleAt(at.minusSeconds(1))).isFalse();
		assertThat(this.catalog.published(ItemQuery.all(), at, 0, 10).getContent()).extracting(ItemView::id)
			.contains(id);
		assertThat(this.catalog.published(ItemQuery.all(), at.minusSeconds(1), 0, 10).getContent())
			.extracting(ItemView::id)
			.doesNotContain(id);
		assertThat(view.releaseAt()).isPresent();
		assertThat(this.events.findByItemIdOrderByAtAscIdAsc(id)).extracting(ItemEvent::action, ItemEvent::actor)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("approved", "Tý"),
					org.assertj.core.groups.Tuple.tuple("published", ItemLifecycle.SCHEDULER));
		assertThat(this.applicationEvents.stream(ItemChanged.class))
			.contains(new ItemChanged(id, ItemChanged.Action.PUBLISHED));
	}

}
