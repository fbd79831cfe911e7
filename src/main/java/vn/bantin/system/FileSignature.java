package vn.bantin.system;

import java.util.Optional;
import java.util.Set;

/**
 * What a file is, told by its first bytes (its signature), never by its name or what the
 * browser says. Every upload (logos, attachments, images in Word files) is checked here,
 * each caller accepting only the kinds it can use.
 */
public final class FileSignature {

	/** Images every browser shows. */
	public static final Set<String> IMAGES = Set.of("png", "jpg", "gif", "webp");

	private FileSignature() {
	}

	/**
	 * The usual extension of the file's kind: {@code png}, {@code jpg}, {@code gif},
	 * {@code webp}, {@code pdf}, {@code wav}, {@code mp3}, {@code ogg}, {@code m4a} or
	 * {@code zip}; empty for anything else.
	 */
	public static Optional<String> extension(byte[] b) {
		if (starts(b, 0, 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n')) {
			return Optional.of("png");
		}
		if (starts(b, 0, 0xFF, 0xD8, 0xFF)) {
			return Optional.of("jpg");
		}
		if (starts(b, 0, 'G', 'I', 'F', '8', '7', 'a') || starts(b, 0, 'G', 'I', 'F', '8', '9', 'a')) {
			return Optional.of("gif");
		}
		if (starts(b, 0, 'R', 'I', 'F', 'F') && starts(b, 8, 'W', 'E', 'B', 'P')) {
			return Optional.of("webp");
		}
		if (starts(b, 0, 'R', 'I', 'F', 'F') && starts(b, 8, 'W', 'A', 'V', 'E')) {
			return Optional.of("wav");
		}
		if (starts(b, 0, '%', 'P', 'D', 'F', '-')) {
			return Optional.of("pdf");
		}
		if (starts(b, 0, 'I', 'D', '3') || (b.length > 1 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xE0) == 0xE0)) {
			return Optional.of("mp3");
		}
		if (starts(b, 0, 'O', 'g', 'g', 'S')) {
			return Optional.of("ogg");
		}
		if (starts(b, 4, 'f', 't', 'y', 'p')) {
			return Optional.of("m4a");
		}
		if (starts(b, 0, 'P', 'K', 0x03, 0x04)) {
			return Optional.of("zip");
		}
		return Optional.empty();
	}

	private static boolean starts(byte[] bytes, int offset, int... expected) {
		if (bytes == null || bytes.length < offset + expected.length) {
			return false;
		}
		for (int i = 0; i < expected.length; i++) {
			if ((bytes[offset + i] & 0xFF) != expected[i]) {
				return false;
			}
		}
		return true;
	}

}
