package vn.bantin.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

import vn.bantin.system.BantinProperties;
import vn.bantin.system.FileStore;

/**
 * Where the files items attach are, and the one address the site serves each at. Items
 * refer to files in two ways: an upload by its address {@code /media/<uuid>/<name>} (the
 * file is {@code media/<uuid>/<name>} in the {@link FileStore}), an item kept in the
 * content folder by its path there, {@code media/<path>} (the file is
 * {@code <content-dir>/media/<path>}, served at {@code /media/<path>}). An address that
 * looks like an upload is looked up among the uploads first, then in the content folder.
 *
 * <p>
 * An address is only ever resolved inside one of the two folders: each segment must be a
 * plain name (letters, digits, {@code _ . -} and spaces, never starting with a dot, so no
 * {@code ..} and no hidden file), the extension must be a kind the site serves
 * ({@link MediaTypes}), and the file's real path (symbolic links followed) must still be
 * inside the folder.
 */
@Component
public class MediaLibrary {

	/** Where media addresses start. */
	public static final String PREFIX = "/media/";

	/** Where media paths in the content folder start. */
	static final String CONTENT_PREFIX = "media/";

	private static final Pattern UPLOAD = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/[^/]+");

	private static final Pattern SEGMENT = Pattern.compile("[\\p{L}\\p{N}_][\\p{L}\\p{M}\\p{N}._ -]{0,199}");

	private final Path uploads;

	private final Path content;

	public MediaLibrary(BantinProperties properties, FileStore files) {
		this.uploads = files.folder("media");
		this.content = properties.contentDir().resolve("media").toAbsolutePath().normalize();
	}

	/**
	 * The address the site serves a reference at: an upload's address as it is, a
	 * content-folder path {@code media/x} as {@code /media/x}; empty for anything else.
	 * Says nothing of whether the file exists (see {@link #find}).
	 */
	public static Optional<String> address(String reference) {
		if (reference == null) {
			return Optional.empty();
		}
		if (reference.startsWith(PREFIX)) {
			return Optional.of(reference);
		}
		if (reference.startsWith(CONTENT_PREFIX)) {
			return Optional.of("/" + reference);
		}
		return Optional.empty();
	}

	/**
	 * The {@link #address} of a reference as a URL path: percent-encoded, so that names
	 * with spaces or Vietnamese letters make valid links.
	 */
	public static Optional<String> url(String reference) {
		return address(reference).map(MediaLibrary::encode);
	}

	static String encode(String address) {
		return UriUtils.encodePath(address, StandardCharsets.UTF_8);
	}

	/**
	 * The file an item's reference points to ({@code /media/<uuid>/<name>} or
	 * {@code media/<path>}), if it exists and is a kind the site serves.
	 */
	public Optional<MediaFile> find(String reference) {
		return address(reference).flatMap(this::atAddress);
	}

	/** The file served at an address {@code /media/...}, if there is one. */
	public Optional<MediaFile> atAddress(String address) {
		if (address == null || !address.startsWith(PREFIX)) {
			return Optional.empty();
		}
		String rest = address.substring(PREFIX.length());
		for (String segment : rest.split("/", -1)) {
			if (!SEGMENT.matcher(segment).matches()) {
				return Optional.empty();
			}
		}
		Optional<String> type = MediaTypes.of(rest);
		if (type.isEmpty()) {
			return Optional.empty();
		}
		if (UPLOAD.matcher(rest).matches()) {
			Optional<MediaFile> upload = file(this.uploads, rest, address, type.get(), true);
			if (upload.isPresent()) {
				return upload;
			}
		}
		return file(this.content, rest, address, type.get(), false);
	}

	private static Optional<MediaFile> file(Path root, String rest, String address, String type, boolean immutable) {
		try {
			Path file = root.resolve(rest).normalize();
			if (!file.startsWith(root) || !Files.isRegularFile(file)) {
				return Optional.empty();
			}
			Path real = file.toRealPath();
			if (!real.startsWith(root.toRealPath())) {
				return Optional.empty();
			}
			BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class);
			return Optional.of(new MediaFile(real, address, type, attributes.size(),
					attributes.lastModifiedTime().toInstant(), immutable));
		}
		catch (IOException | InvalidPathException ex) {
			return Optional.empty();
		}
	}

}
