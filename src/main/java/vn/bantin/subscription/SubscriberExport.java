package vn.bantin.subscription;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A list's subscribers as a CSV file for Excel: UTF-8 with a byte order mark (without it
 * Excel shows Vietnamese as mojibake), a header row, comma separated, quoted where
 * needed; the consent time in the commune's zone. Cells that a spreadsheet would run as a
 * formula ({@code = + - @}) get a leading apostrophe.
 */
final class SubscriberExport {

	static final String HEADER = "address,name,village,status,consent_source,consent_time";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private SubscriberExport() {
	}

	static byte[] write(List<Subscriber> subscribers, ZoneId zone) {
		StringBuilder csv = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
		for (Subscriber subscriber : subscribers) {
			csv.append(cell(subscriber.address()))
				.append(',')
				.append(cell(subscriber.name()))
				.append(',')
				.append(cell(subscriber.village()))
				.append(',')
				.append(subscriber.status().name())
				.append(',')
				.append(cell(subscriber.consentSource()))
				.append(',')
				.append(time(subscriber.consentAt(), zone))
				.append("\r\n");
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static String time(Instant at, ZoneId zone) {
		return (at != null) ? TIME.format(at.atZone(zone)) : "";
	}

	private static String cell(String value) {
		if (value == null) {
			return "";
		}
		String safe = (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
		if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
				|| safe.contains(";")) {
			return '"' + safe.replace("\"", "\"\"") + '"';
		}
		return safe;
	}

}
