package vn.bantin.media;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The kinds of file the site serves, by extension, with the MIME type each is served
 * with. Anything else is never served (a stray {@code .html} or {@code .svg} in a media
 * folder could carry script). Audio is what the item page plays and the podcast carries.
 */
public final class MediaTypes {

	private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("png", "image/png"),
			Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"),
			Map.entry("webp", "image/webp"), Map.entry("pdf", "application/pdf"), Map.entry("mp3", "audio/mpeg"),
			Map.entry("wav", "audio/wav"), Map.entry("ogg", "audio/ogg"), Map.entry("opus", "audio/ogg"),
			Map.entry("m4a", "audio/mp4"), Map.entry("doc", "application/msword"),
			Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
			Map.entry("xls", "application/vnd.ms-excel"),
			Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
			Map.entry("odt", "application/vnd.oasis.opendocument.text"),
			Map.entry("ods", "application/vnd.oasis.opendocument.spreadsheet"));

	private MediaTypes() {
	}

	/** The MIME type a file with this name is served with, if it is a kind served. */
	public static Optional<String> of(String name) {
		int dot = name.lastIndexOf('.');
		if (dot < 0 || name.indexOf('/', dot) >= 0) {
			return Optional.empty();
		}
		return Optional.ofNullable(TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT)));
	}

	/** The MIME type of a file with this name if it is audio. */
	public static Optional<String> audio(String name) {
		return of(name).filter((type) -> type.startsWith("audio/"));
	}

	/** The extensions served, for messages, in a stable order. */
	public static String extensions() {
		return String.join(", ", TYPES.keySet().stream().sorted().toList());
	}

}
