package vn.bantin.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.util.HtmlUtils;

/**
 * The size and shape of request bodies, checked before anything reads them.
 *
 * <p>
 * The servlet container takes multipart bodies up to the radio's recordings' size
 * ({@code spring.servlet.multipart.*}, 256 MB) on every route, and the first filter that
 * reads a parameter (the CSRF check, the language switch) makes it parse all of it, to
 * disk: on {@code /login}, {@code /subscribe} and every form. This filter runs first and
 * answers, without reading the body:
 * <ul>
 * <li>a body longer than its route allows with 413: {@code bantin.max-request-size} (1
 * MB) by default; an {@link UploadRoute} allows its file plus {@value #MARGIN_KB} KB for
 * the form's other fields, and answers with its own refusal;</li>
 * <li>a body of undeclared length ({@code Transfer-Encoding: chunked}) with 411, except
 * on an upload route, where the container's limit bounds it and the parts are measured
 * once read.</li>
 * </ul>
 * A multipart body within the limit is parsed here, so that a malformed one, or one whose
 * file name holds a control character (NUL, line breaks: the container itself fails with
 * an exception on NUL, which ended in a 500), is a 400 naming the problem, never an error
 * in the log. Answers are problem details under {@code /api/}, short pages elsewhere;
 * they are written here, not through the error page, whose own filters would read the
 * parameters and so the body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class RequestBodyLimit extends OncePerRequestFilter {

	static final long MARGIN_KB = 64;

	private static final long MARGIN = MARGIN_KB * 1024;

	private static final Logger log = LoggerFactory.getLogger(RequestBodyLimit.class);

	private final List<UploadRoute> routes;

	private final DataSize defaultLimit;

	private final MessageSource messages;

	private final ObjectProvider<LocaleResolver> locales;

	private final ObjectProvider<ResourceUrlProvider> resources;

	RequestBodyLimit(List<UploadRoute> routes, @Value("${bantin.max-request-size:1MB}") DataSize defaultLimit,
			MessageSource messages, ObjectProvider<LocaleResolver> locales,
			ObjectProvider<ResourceUrlProvider> resources) {
		this.routes = List.copyOf(routes);
		this.defaultLimit = defaultLimit;
		this.messages = messages;
		this.locales = locales;
		this.resources = resources;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long declared = request.getContentLengthLong();
		boolean chunked = request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
		if (declared <= 0 && !chunked) {
			chain.doFilter(request, response);
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		UploadRoute route = null;
		Matcher match = null;
		if ("POST".equals(request.getMethod())) {
			for (UploadRoute candidate : this.routes) {
				match = candidate.match(path);
				if (match != null) {
					route = candidate;
					break;
				}
			}
		}
		long limit = (route != null) ? route.maxFileSize().toBytes() + MARGIN : this.defaultLimit.toBytes();
		DataSize shown = (route != null) ? route.maxFileSize() : this.defaultLimit;
		if (declared > limit) {
			log.debug("Refused a body of {} bytes on {} (at most {})", declared, path, limit);
			tooLarge(request, response, route, match, shown);
			return;
		}
		if (chunked && route == null) {
			refuse(request, response, HttpStatus.LENGTH_REQUIRED, "request.error.length-required", null, null);
			return;
		}
		if (multipart(request)) {
			Collection<Part> parts;
			try {
				parts = request.getParts();
			}
			catch (IOException | ServletException | RuntimeException ex) {
				if (tooLarge(ex)) {
					tooLarge(request, response, route, match, shown);
				}
				else {
					log.debug("Refused a multipart body on {}: {}", path, ex.toString());
					refuse(request, response, HttpStatus.BAD_REQUEST,
							fileNameFailure(ex) ? "request.error.file-name" : "request.error.malformed", null, null);
				}
				return;
			}
			long total = 0;
			for (Part part : parts) {
				total += part.getSize();
				if (!fileNameIsClean(part.getSubmittedFileName())) {
					log.debug("Refused a file name with a control character on {}", path);
					refuse(request, response, HttpStatus.BAD_REQUEST, "request.error.file-name", null, part.getName());
					return;
				}
			}
			if (total > limit) {
				tooLarge(request, response, route, match, shown);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	/** Whether a submitted file name holds no control character or line separator. */
	static boolean fileNameIsClean(String name) {
		return name == null || name.codePoints().noneMatch((c) -> {
			int type = Character.getType(c);
			return type == Character.CONTROL || type == Character.LINE_SEPARATOR
					|| type == Character.PARAGRAPH_SEPARATOR;
		});
	}

	private void tooLarge(HttpServletRequest request, HttpServletResponse response, UploadRoute route, Matcher match,
			DataSize shown) throws IOException {
		if (route != null && route.refusal() != null) {
			route.refusal().refuse(request, response, match);
			return;
		}
		refuse(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "request.error.too-large", size(shown), null);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key,
			String argument, String field) throws IOException {
		// the container reads and drops the unread rest of the body (up to
		// server.tomcat.max-swallow-size) so that the client, still sending, sees this
		// answer; after a 4xx it closes the connection
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/api/")) {
			String detail = this.messages.getMessage(key, new Object[] { argument }, key, ApiLanguage.of(request));
			ApiProblem.write(request, response, status, detail, field);
			return;
		}
		Locale locale = locale(request);
		String title = escaped(this.messages.getMessage(key + ".title", null, key, locale));
		String text = escaped(this.messages.getMessage(key, new Object[] { argument }, key, locale));
		String back = escaped(
				this.messages.getMessage(path.startsWith("/admin") ? "error.admin-home" : "error.home", null, locale));
		String home = request.getContextPath() + (path.startsWith("/admin") ? "/admin" : "/");
		String stylesheet = stylesheet(request);
		response.setStatus(status.value());
		response.setContentType(MediaType.TEXT_HTML_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("<!DOCTYPE html>\n<html lang=\"" + locale.getLanguage() + "\">\n<head>\n<meta charset=\"UTF-8\">\n"
					+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + title
					+ "</title>\n"
					+ ((stylesheet != null) ? "<link rel=\"stylesheet\" href=\"" + stylesheet + "\">\n" : "")
					+ "</head>\n<body class=\"site\">\n<main id=\"main\" class=\"wrap\">\n<h1>" + title + "</h1>\n<p>"
					+ text + "</p>\n<p><a href=\"" + escaped(home) + "\">" + back
					+ "</a></p>\n</main>\n</body>\n</html>\n");
	}

	private static String escaped(String text) {
		return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
	}

	private Locale locale(HttpServletRequest request) {
		LocaleResolver resolver = this.locales.getIfAvailable();
		try {
			return (resolver != null) ? resolver.resolveLocale(request) : ApiLanguage.VIETNAMESE;
		}
		catch (RuntimeException ex) {
			return ApiLanguage.VIETNAMESE;
		}
	}

	private String stylesheet(HttpServletRequest request) {
		ResourceUrlProvider provider = this.resources.getIfAvailable();
		String css = (provider != null) ? provider.getForLookupPath("/css/bantin.css") : null;
		return (css != null) ? request.getContextPath() + css : null;
	}

	private static boolean multipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
	}

	/** A limit as people read it: "1 MB", "200 MB", "512 KB". */
	static String size(DataSize size) {
		long bytes = size.toBytes();
		if (bytes % (1024 * 1024) == 0) {
			return (bytes / (1024 * 1024)) + " MB";
		}
		return Math.max(1, bytes / 1024) + " KB";
	}

	private static boolean tooLarge(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			String name = cause.getClass().getSimpleName();
			String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
			if (name.contains("SizeLimitExceeded") || name.contains("SizeException")
					|| (message.contains("exceed") && message.contains("size"))) {
				return true;
			}
		}
		return false;
	}

	private static boolean fileNameFailure(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause.getClass().getSimpleName().contains("InvalidFileName")) {
				return true;
			}
		}
		return false;
	}

}
