package vn.bantin.account;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * The sign-in redirects as paths without scheme and host: to the sign-in page, and after
 * signing in back to the page first asked for.
 *
 * <p>
 * Spring Security remembers that page as an absolute URL built from the request's
 * {@code Host} header, which the client chooses: a forged {@code Host} (or, behind a
 * proxy that trusts it, {@code X-Forwarded-Host}) would come back in the {@code Location}
 * after sign-in and send the user, session started, to another site. Only the path and
 * query of such a URL are kept, so a redirect stays on the host the browser is already
 * on.
 */
final class RelativeRedirects extends DefaultRedirectStrategy {

	/** An absolute URL's scheme and authority, or a network-path reference's. */
	private static final Pattern SCHEME_AND_HOST = Pattern.compile("(?:[A-Za-z][A-Za-z0-9+.-]*:)?//[^/?#]*");

	private RelativeRedirects() {
	}

	/**
	 * After signing in: to the page first asked for, else to {@code defaultTarget}.
	 */
	static SavedRequestAwareAuthenticationSuccessHandler afterSignIn(String defaultTarget) {
		SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler();
		handler.setDefaultTargetUrl(defaultTarget);
		handler.setRedirectStrategy(new RelativeRedirects());
		return handler;
	}

	/** To the sign-in page, for a page that needs a signed-in user. */
	static LoginUrlAuthenticationEntryPoint toSignIn(String loginPage) {
		LoginUrlAuthenticationEntryPoint entryPoint = new LoginUrlAuthenticationEntryPoint(loginPage);
		entryPoint.setFavorRelativeUris(true);
		return entryPoint;
	}

	@Override
	public void sendRedirect(HttpServletRequest request, HttpServletResponse response, String url) throws IOException {
		Matcher absolute = SCHEME_AND_HOST.matcher(url);
		if (!absolute.lookingAt()) {
			super.sendRedirect(request, response, url);
			return;
		}
		// the path of a remembered URL already holds the context path; "//host/x" would
		// be another host to a browser
		String relative = url.substring(absolute.end()).replaceFirst("^/{2,}", "/");
		response.sendRedirect(response.encodeRedirectURL(relative.startsWith("/") ? relative : "/" + relative));
	}

}
