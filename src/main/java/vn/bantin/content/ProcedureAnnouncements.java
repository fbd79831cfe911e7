package vn.bantin.content;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * When an administrative procedure changes status (amended, repealed, back in force),
 * residents must hear of it on every channel: this writes the announcement, submitted for
 * an approver to check and send. Used for procedures kept in files and for those written
 * in the editor alike.
 */
@Component
class ProcedureAnnouncements {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final ItemStore items;

	private final ItemEventStore events;

	private final Clock clock;

	ProcedureAnnouncements(ItemStore items, ItemEventStore events, Clock clock) {
		this.items = items;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Writes the announcement of {@code procedure}'s current status.
	 * @return the announcement's id
	 */
	String announce(ItemView procedure, String actor, Instant now) {
		ItemView.Procedure details = procedure.procedure();
		ProcedureStatus status = details.status();
		String change = switch (status) {
			case AMENDED -> "đã được sửa đổi, bổ sung";
			case REPEALED -> "đã bị bãi bỏ";
			case IN_FORCE -> "được áp dụng";
		};
		String title = "Thông báo: thủ tục “" + procedure.title() + "” " + change;
		if (title.length() > 300) {
			title = title.substring(0, 299) + "…";
		}
		String note = details.history()
			.stream()
			.reduce((first, second) -> second)
			.filter((last) -> last.status() == status)
			.map((last) -> "Từ ngày " + last.date().format(DAY) + ((last.note() != null) ? ": " + last.note() : "")
					+ ".")
			.orElse("");
		String body = "Ủy ban nhân dân xã thông báo: thủ tục hành chính **" + procedure.title() + "** (mã "
				+ details.code() + ", lĩnh vực " + details.field() + ") " + change + ". " + note
				+ "\n\nNgười dân, tổ chức cần làm thủ tục này vui lòng xem hướng dẫn mới tại Bộ phận một cửa"
				+ " hoặc trên trang thông tin điện tử của xã.";
		ItemDraft draft = new ItemDraft(ItemKind.ANNOUNCEMENT, title, null, body, List.copyOf(procedure.themes()),
				List.of("thu-tuc"), List.of(), Priority.NORMAL, null, null, EnumSet.allOf(Channel.class), null, null,
				null, null);
		String base = procedure.id() + "-" + status.key() + "-" + now.atZone(this.clock.getZone()).toLocalDate();
		String id = this.items.freeId(base);
		Item announcement = Item.draft(id, draft, actor, now, this.clock.getZone());
		announcement.submitForApproval(now);
		this.items.save(announcement);
		this.events.save(new ItemEvent(id, now, actor, ItemChanged.Action.CREATED,
				"announces the change of procedure " + procedure.id() + " to " + status.key()));
		return id;
	}

}
