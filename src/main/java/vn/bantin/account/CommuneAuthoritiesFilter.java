package vn.bantin.account;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.bantin.system.CommuneTenancy;

/**
 * In a province of many communes, gives a signed-in session, at each request, the roles
 * its user holds in the commune of that request (and their province role), never those of
 * the commune they signed in on: a session cookie carried to another commune's host
 * brings no role there, and a user's roles in the commune chosen on the province host
 * apply there. A user with no role in the request's commune is treated as not signed in
 * (the sign-in page then tells them where to go). The changed authentication is not saved
 * in the session. A province of one keeps the roles from sign-in, as before.
 */
class CommuneAuthoritiesFilter extends OncePerRequestFilter {

	private final StaffUserDetailsService users;

	private final CommuneTenancy tenancy;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	CommuneAuthoritiesFilter(StaffUserDetailsService users, CommuneTenancy tenancy) {
		this.users = users;
		this.tenancy = tenancy;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = this.contexts.getContext().getAuthentication();
		if (!this.tenancy.many() || authentication == null || !authentication.isAuthenticated()
				|| !(authentication.getPrincipal() instanceof UserDetails user)) {
			chain.doFilter(request, response);
			return;
		}
		Optional<List<String>> now = this.users.authoritiesNow(user.getUsername());
		SecurityContext context = this.contexts.createEmptyContext();
		if (now.isPresent() && (!now.get().isEmpty() || this.tenancy.commune() <= 0)) {
			var scoped = UsernamePasswordAuthenticationToken.authenticated(user, null,
					AuthorityUtils.createAuthorityList(now.get()));
			scoped.setDetails(authentication.getDetails());
			context.setAuthentication(scoped);
		}
		this.contexts.setContext(context);
		chain.doFilter(request, response);
	}

}
