package vn.bantin.system;

import java.io.IOException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.util.unit.DataSize;

/**
 * A {@code POST} route that takes a file larger than the default request body limit
 * ({@code bantin.max-request-size}, 1 MB): a module declares one as a bean for each of
 * its uploads. A request to it may carry the file plus a little for the form's other
 * fields; a larger one is answered by the route's {@link Refusal} before any of its body
 * is read, so that a too-large upload is refused without being parsed or stored, and the
 * person sees the route's own reason. The file's own size is still checked where it is
 * read.
 *
 * @param path the route's path within the application (without the context path), as a
 * regular expression that must match all of it, e.g. {@code /api/items/([^/]+)/audio}
 * @param maxFileSize the largest file the route takes
 * @param refusal how it answers a request over its limit, or {@code null} for the common
 * answer: 413 with the limit, as a problem detail under {@code /api/} and a page
 * elsewhere
 */
public record UploadRoute(Pattern path, DataSize maxFileSize, Refusal refusal) {

	public UploadRoute {
		Objects.requireNonNull(path, "path");
		Objects.requireNonNull(maxFileSize, "maxFileSize");
	}

	/** A route refused with the common answer. */
	public static UploadRoute of(String path, DataSize maxFileSize) {
		return new UploadRoute(Pattern.compile(path), maxFileSize, null);
	}

	/** A route with a refusal of its own. */
	public static UploadRoute of(String path, DataSize maxFileSize, Refusal refusal) {
		return new UploadRoute(Pattern.compile(path), maxFileSize, refusal);
	}

	/** The match of {@code path} (within the application), or {@code null}. */
	Matcher match(String path) {
		Matcher matcher = this.path.matcher(path);
		return matcher.matches() ? matcher : null;
	}

	/**
	 * Answers a request over a route's limit. Its body has not been read and must not be:
	 * read no parameter, only the path.
	 */
	@FunctionalInterface
	public interface Refusal {

		/**
		 * @param request the refused request
		 * @param response its response, not yet written
		 * @param path the route's match of the request's path (its groups, such as an id)
		 */
		void refuse(HttpServletRequest request, HttpServletResponse response, Matcher path) throws IOException;

	}

}
