package vn.bantin.audio;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.Principal;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.bantin.account.Role;
import vn.bantin.content.ItemCatalog;
import vn.bantin.system.BantinProperties;
import vn.bantin.system.RuleViolation;

/**
 * Radio audio over the JSON API ({@code Authorization: Bearer}): upload an item's
 * recording, then follow its processing. Errors are problem details
 * ({@link AudioApiProblems}).
 */
@RestController
class AudioApiController {

	private final UploadIntake uploads;

	private final RecordingStore store;

	private final ItemCatalog catalog;

	private final BantinProperties properties;

	AudioApiController(UploadIntake uploads, RecordingStore store, ItemCatalog catalog, BantinProperties properties) {
		this.uploads = uploads;
		this.store = store;
		this.catalog = catalog;
		this.properties = properties;
	}

	@PostMapping(path = "/api/items/{id}/audio", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Secured({ Role.Authority.EDITOR, Role.Authority.OPERATOR, Role.Authority.ADMIN })
	@Operation(summary = "Upload an item's recording (multipart field file: mp3, wav, m4a, aac, ogg, opus, flac, "
			+ "amr, 3gp). Answers 202 with the processing's id and where to follow it; 404 for an unknown item, "
			+ "413 when too large, 415 when not audio or not an accepted format, 400 when empty or too long")
	ResponseEntity<AudioJson.Queued> upload(@PathVariable String id,
			@RequestPart(name = "file", required = false) MultipartFile file, Principal principal)
			throws AudioRefused, IOException {
		this.catalog.item(id).orElseThrow(() -> new UnknownAudio("audio.error.item-unknown"));
		if (file == null) {
			throw new RuleViolation("file", "audio.error.file-required");
		}
		long processing;
		try (InputStream input = file.getInputStream()) {
			processing = this.uploads.upload(id, file.getOriginalFilename(), input, principal.getName());
		}
		String location = "/api/audio/" + processing;
		return ResponseEntity.accepted()
			.location(URI.create(location))
			.body(new AudioJson.Queued(processing, "queued", location));
	}

	@GetMapping("/api/audio/{id}")
	@Secured({ Role.Authority.EDITOR, Role.Authority.APPROVER, Role.Authority.OPERATOR, Role.Authority.ADMIN })
	@Operation(summary = "A processing: status (queued, processing, ready, failed), progress, stage, measurements "
			+ "before and after (duration, integrated loudness, true peak), normalisation type, error")
	AudioJson show(@PathVariable long id) {
		return this.store.find(id)
			.map((p) -> AudioJson.of(p, this.properties.zone()))
			.orElseThrow(() -> new UnknownAudio("audio.error.unknown"));
	}

	/** An unknown item or processing: 404. */
	static final class UnknownAudio extends RuntimeException {

		private final String messageKey;

		UnknownAudio(String messageKey) {
			super(messageKey);
			this.messageKey = messageKey;
		}

		String messageKey() {
			return this.messageKey;
		}

	}

}
