package vn.bantin.mailroom;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import jakarta.mail.MessagingException;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import vn.bantin.account.ResidentAddresses;
import vn.bantin.account.Role;
import vn.bantin.system.BantinProperties;

/**
 * The outbox's pages: the mail written to files (newest first), one message with its
 * headers, text and HTML, and the raw {@code .eml} to download. With an SMTP server set,
 * they say that mail goes there (older files stay listed).
 *
 * <p>
 * The pages never show a usable resident's token: links' secrets are masked in every
 * header and part ({@link OutboxLetter}); the raw file, which keeps them, is for
 * administrators only. Recipients' addresses and names are shown only to the roles of
 * {@link ResidentAddresses}; approvers see them masked.
 *
 * <p>
 * The HTML part is the commune's own mail but still HTML from a file: it is served on its
 * own URL with a policy that allows no script, no form and nothing but inline styles and
 * images, inside a sandboxed frame. Its {@code frame-ancestors 'self'} lets the outbox
 * page frame it: browsers ignore the application's {@code X-Frame-Options: DENY} when a
 * response has that directive.
 */
@Controller
@RequestMapping("/admin/outbox")
class OutboxAdminController {

	static final int PAGE_SIZE = 50;

	/** What the HTML part of a message may do in its frame: show itself. */
	static final String HTML_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data: https: http:;"
			+ " frame-ancestors 'self'; sandbox";

	private final Outbox outbox;

	private final Mailroom mailroom;

	private final BantinProperties properties;

	OutboxAdminController(Outbox outbox, Mailroom mailroom, BantinProperties properties) {
		this.outbox = outbox;
		this.mailroom = mailroom;
		this.properties = properties;
	}

	@GetMapping
	@Secured({ Role.Authority.EDITOR, Role.Authority.APPROVER, Role.Authority.ADMIN })
	String list(@RequestParam(defaultValue = "0") int page, Authentication user, Model model) {
		boolean addresses = ResidentAddresses.visibleTo(user);
		model.addAttribute("entries",
				this.outbox.list(page, PAGE_SIZE).map((e) -> addresses ? e : e.withRecipientsHidden()));
		model.addAttribute("addressesHidden", !addresses);
		model.addAttribute("usesOutbox", this.mailroom.usesOutbox());
		model.addAttribute("destination", this.mailroom.destination());
		model.addAttribute("folder", this.outbox.folder().toString());
		model.addAttribute("zone", this.properties.zone());
		return "admin/outbox/list";
	}

	@GetMapping("/{day}/{file}")
	@Secured({ Role.Authority.EDITOR, Role.Authority.APPROVER, Role.Authority.ADMIN })
	String show(@PathVariable String day, @PathVariable String file, Authentication user, Model model) {
		model.addAttribute("letter", letter(day, file, user));
		model.addAttribute("addressesHidden", !ResidentAddresses.visibleTo(user));
		model.addAttribute("zone", this.properties.zone());
		return "admin/outbox/show";
	}

	@GetMapping("/{day}/{file}/html")
	@Secured({ Role.Authority.EDITOR, Role.Authority.APPROVER, Role.Authority.ADMIN })
	ResponseEntity<String> html(@PathVariable String day, @PathVariable String file, Authentication user) {
		OutboxLetter letter = letter(day, file, user);
		if (letter.html() == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.header("Content-Security-Policy", HTML_POLICY)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(letter.html());
	}

	/**
	 * The file as written, with the residents' links and addresses in it: administrators
	 * only.
	 */
	@GetMapping("/{day}/{file}/raw")
	@Secured(Role.Authority.ADMIN)
	ResponseEntity<Resource> raw(@PathVariable String day, @PathVariable String file) {
		Path path = found(day, file);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("message/rfc822"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(day + "-" + file).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(new FileSystemResource(path));
	}

	private OutboxLetter letter(String day, String file, Authentication user) {
		try {
			OutboxLetter letter = this.outbox.read(found(day, file));
			return ResidentAddresses.visibleTo(user) ? letter : letter.withRecipientsHidden();
		}
		catch (IOException | MessagingException ex) {
			throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_ENTITY,
					"cannot read " + day + "/" + file + ": " + ex.getMessage(), ex);
		}
	}

	private Path found(String day, String file) {
		return this.outbox.file(day, file).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
