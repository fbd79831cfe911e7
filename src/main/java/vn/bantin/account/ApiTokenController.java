package vn.bantin.account;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import vn.bantin.system.ApiLanguage;
import vn.bantin.system.RuleViolation;

/**
 * {@code POST /api/tokens}: a staff member, signed in with their password over HTTP
 * Basic, gets a new API token. Tokens are listed and revoked on the profile page.
 */
@RestController
@Secured({ Role.Authority.EDITOR, Role.Authority.APPROVER, Role.Authority.OPERATOR, Role.Authority.ADMIN })
class ApiTokenController {

	private final ApiTokens tokens;

	private final MessageSource messages;

	ApiTokenController(ApiTokens tokens, MessageSource messages) {
		this.tokens = tokens;
		this.messages = messages;
	}

	@PostMapping("/api/tokens")
	@Operation(summary = "Issue a personal API token (HTTP Basic with your user name and password)",
			security = @SecurityRequirement(name = ApiDocsConfiguration.BASIC))
	ResponseEntity<TokenIssued> issue(@RequestBody(required = false) TokenRequest request, Principal principal) {
		TokenRequest body = (request != null) ? request : new TokenRequest(null, null);
		var issued = this.tokens.issue(principal.getName(), body.name(), body.expiresInDays());
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new TokenIssued(issued.token().id(), issued.token().name(), issued.secret(), issued.token().prefix(),
					issued.token().createdAt(), issued.token().expiresAt()));
	}

	@ExceptionHandler(RuleViolation.class)
	ProblemDetail refused(RuleViolation violation, HttpServletRequest request) {
		Locale locale = ApiLanguage.of(request);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				this.messages.getMessage(violation.messageKey(), null, violation.messageKey(), locale));
		problem.setInstance(URI.create(request.getRequestURI()));
		problem.setProperty("field", violation.field());
		return problem;
	}

	/**
	 * @param name what the token is for, e.g. "Cổng thông tin huyện"
	 * @param expiresInDays 1 to 365 days; 90 when left out
	 */
	record TokenRequest(String name, Integer expiresInDays) {
	}

	/**
	 * @param token the secret to send as {@code Authorization: Bearer}; shown only now
	 */
	record TokenIssued(long id, String name, String token, String prefix, Instant createdAt, Instant expiresAt) {
	}

}
