package vn.bantin.radio;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.bantin.system.ApiLanguage;
import vn.bantin.system.ApiProblem;

/**
 * Answers an audio upload over the servlet container's own limit
 * ({@code spring.servlet.multipart.max-file-size}, set above
 * {@code bantin.radio.max-upload-size}) with the radio's reason rather than the
 * container's bare error: a 413 problem for the API, the item's audio page with the
 * reason for the admin form. Below that limit, {@link AudioIngest} cuts the upload off
 * itself at {@code max-upload-size}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class AudioUploadLimit extends OncePerRequestFilter {

	static final Pattern API = Pattern.compile("/api/items/[^/]+/audio");

	static final Pattern ADMIN = Pattern.compile("/admin/radio/audio/items/([^/]+)/upload");

	private final MessageSource messages;

	private final RadioSettings settings;

	AudioUploadLimit(MessageSource messages, RadioSettings settings) {
		this.messages = messages;
		this.settings = settings;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String contentType = request.getContentType();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !"POST".equals(request.getMethod()) || contentType == null
				|| !contentType.toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)
				|| !(API.matcher(path).matches() || ADMIN.matcher(path).matches());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			request.getParts();
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (tooLarge(ex)) {
				String path = request.getRequestURI().substring(request.getContextPath().length());
				var admin = ADMIN.matcher(path);
				if (admin.matches()) {
					response.sendRedirect(request.getContextPath() + "/admin/radio/audio/items/" + admin.group(1)
							+ "?refused=too-large");
					return;
				}
				String detail = this.messages.getMessage("audio.refused.too-large",
						new Object[] { this.settings.maxUploadSize().toMegabytes() }, ApiLanguage.of(request));
				ApiProblem.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, detail, "file");
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private static boolean tooLarge(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			String name = cause.getClass().getSimpleName();
			String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
			if (name.contains("SizeLimitExceeded") || name.equals("SizeException")
					|| (message.contains("exceed") && message.contains("size"))) {
				return true;
			}
		}
		return false;
	}

}
