package vn.bantin.export;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.web.util.UriUtils;

import vn.bantin.text.VietnameseText;

/**
 * A page or file of the site as the export knows it: its path, decoded and in NFC, and
 * its query parameters in a canonical order (empty ones dropped), so that every spelling
 * of a link finds the same file. It decides where the answer is written: a page at
 * {@code items/x/index.html}, a list's page 2 at {@code items/page/2/index.html} (every
 * query parameter becomes two folders, name then value), any other file at its own path,
 * with an extension added when its path has none (the commune's logo).
 *
 * @param segments the decoded path segments ({@code /} has none)
 * @param trailingSlash whether the path ended with a slash
 * @param query the decoded query parameters, sorted by name
 */
record Address(List<String> segments, boolean trailingSlash, Map<String, String> query) {

	Address {
		segments = List.copyOf(segments);
		query = Collections.unmodifiableMap(new TreeMap<>(query));
	}

	/**
	 * The address of a URI already resolved against the application, or empty when its
	 * path cannot be a file name (an encoded slash, {@code ..}).
	 */
	static Optional<Address> of(URI uri) {
		String rawPath = (uri.getRawPath() != null && !uri.getRawPath().isEmpty()) ? uri.getRawPath() : "/";
		List<String> segments = new ArrayList<>();
		for (String raw : rawPath.split("/")) {
			if (raw.isEmpty()) {
				continue;
			}
			String segment = VietnameseText.nfc(UriUtils.decode(raw, StandardCharsets.UTF_8));
			if (!fileName(segment)) {
				return Optional.empty();
			}
			segments.add(segment);
		}
		Map<String, String> query = new TreeMap<>();
		if (uri.getRawQuery() != null) {
			for (String pair : uri.getRawQuery().split("&")) {
				int equals = pair.indexOf('=');
				String name = UriUtils.decode((equals < 0) ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
				String value = (equals < 0) ? "" : UriUtils.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
				name = VietnameseText.nfc(name);
				value = VietnameseText.nfc(value);
				// both become folder names of the file written (file())
				if (name.isEmpty() || value.isEmpty() || !fileName(name) || !fileName(value)) {
					continue;
				}
				query.put(name, value);
			}
		}
		return Optional.of(new Address(segments, rawPath.endsWith("/") && !segments.isEmpty(), query));
	}

	/** Whether {@code text} can be one folder or file name inside the export. */
	private static boolean fileName(String text) {
		return !text.equals(".") && !text.equals("..") && !text.contains("/") && !text.contains("\\")
				&& text.indexOf('\0') < 0;
	}

	/** The path, encoded, with a leading slash. */
	String path() {
		StringBuilder path = new StringBuilder();
		for (String segment : this.segments) {
			path.append('/').append(UriUtils.encodePathSegment(segment, StandardCharsets.UTF_8));
		}
		if (path.isEmpty() || this.trailingSlash) {
			path.append('/');
		}
		return path.toString();
	}

	/** The path and query, encoded: what to ask the application for. */
	String pathAndQuery() {
		if (this.query.isEmpty()) {
			return path();
		}
		StringBuilder query = new StringBuilder();
		this.query.forEach((name, value) -> query.append(query.isEmpty() ? "?" : "&")
			.append(UriUtils.encodeQueryParam(name, StandardCharsets.UTF_8))
			.append('=')
			.append(UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8)));
		return path() + query;
	}

	/**
	 * The same address with one more query parameter, or one less when the value is null.
	 */
	Address with(String name, String value) {
		Map<String, String> more = new TreeMap<>(this.query);
		if (value != null) {
			more.put(name, value);
		}
		else {
			more.remove(name);
		}
		return new Address(this.segments, this.trailingSlash, more);
	}

	/** The first path segment, or empty for the home page. */
	String top() {
		return this.segments.isEmpty() ? "" : this.segments.get(0);
	}

	/** Whether the path names a page rather than a file: its last segment has no dot. */
	boolean pageLike() {
		return this.segments.isEmpty() || !this.segments.get(this.segments.size() - 1).contains(".");
	}

	/**
	 * The segments of the file the answer is written to, relative to the export folder.
	 * @param html whether the answer is a page
	 * @param extension the extension a file without one gets (with its dot), or empty
	 */
	List<String> file(boolean html, String extension) {
		List<String> file = new ArrayList<>(this.segments);
		this.query.forEach((name, value) -> {
			file.add(name);
			file.add(value);
		});
		if (html) {
			file.add("index.html");
		}
		else if (file.isEmpty()) {
			file.add("index" + extension);
		}
		else if (!file.get(file.size() - 1).contains(".") || !this.query.isEmpty()) {
			file.set(file.size() - 1, file.get(file.size() - 1) + extension);
		}
		return List.copyOf(file);
	}

	@Override
	public String toString() {
		return pathAndQuery();
	}

}
