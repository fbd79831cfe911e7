package vn.bantin.content;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a Word file over the servlet container's upload limit
 * ({@code spring.servlet.multipart.max-file-size}) with the import form and the reason.
 *
 * <p>
 * Such a request never reaches {@link WordImportController}: the container refuses its
 * parts, and on Tomcat the next filter that reads a parameter (Spring Security's CSRF
 * check) fails with an exception that ends in the container's bare error page. This
 * filter runs first, only for {@code POST /admin/items/import}; it reads the parts itself
 * and, when they are too large, redirects to the form with {@code ?refused=too-large}.
 * Nothing is imported, and the form itself is still only shown to editors.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class WordImportUploadLimit extends OncePerRequestFilter {

	static final String PATH = "/admin/items/import";

	static final String TOO_LARGE = "too-large";

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String contentType = request.getContentType();
		return !"POST".equals(request.getMethod())
				|| !PATH.equals(request.getRequestURI().substring(request.getContextPath().length()))
				|| contentType == null
				|| !contentType.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			// the container's limit is set for radio recordings: a Word file has its own
			for (jakarta.servlet.http.Part part : request.getParts()) {
				if (part.getSize() > WordImport.MAX_BYTES) {
					response.sendRedirect(request.getContextPath() + PATH + "?refused=" + TOO_LARGE);
					return;
				}
			}
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (tooLarge(ex)) {
				response.sendRedirect(request.getContextPath() + PATH + "?refused=" + TOO_LARGE);
				return;
			}
			// another failure: the usual handling reports it
		}
		chain.doFilter(request, response);
	}

	private static boolean tooLarge(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			String name = cause.getClass().getSimpleName();
			String message = String.valueOf(cause.getMessage()).toLowerCase(java.util.Locale.ROOT);
			if (name.contains("SizeLimitExceeded") || name.equals("SizeException")
					|| (message.contains("exceed") && message.contains("size"))) {
				return true;
			}
		}
		return false;
	}

}
