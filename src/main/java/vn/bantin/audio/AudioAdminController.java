package vn.bantin.audio;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.bantin.account.Role;
import vn.bantin.content.ItemCatalog;
import vn.bantin.content.ItemStatus;
import vn.bantin.content.ItemView;
import vn.bantin.media.FfmpegLocator;
import vn.bantin.system.BantinProperties;

/**
 * The radio audio pages: recent processings with their measurements and the ffmpeg that
 * makes them (version, path, whether the system's or the bundled one), an item's
 * recordings with the upload form and the "make speech" button, and one processing's
 * progress (refreshed by the page itself without script, polled by a small script with
 * it).
 */
@Controller
@RequestMapping("/admin/radio/audio")
class AudioAdminController {

	private final RecordingStore store;

	private final UploadIntake uploads;

	private final SpeechQueue speechQueue;

	private final SpeechSynthesis speech;

	private final AudioFolder folder;

	private final ItemCatalog catalog;

	private final BantinProperties properties;

	private final RadioAudioSettings settings;

	private final FfmpegLocator ffmpeg;

	private final RadioAudio radioAudio;

	AudioAdminController(RecordingStore store, UploadIntake uploads, SpeechQueue speechQueue, SpeechSynthesis speech,
			AudioFolder folder, ItemCatalog catalog, BantinProperties properties, RadioAudioSettings settings,
			FfmpegLocator ffmpeg, RadioAudio radioAudio) {
		this.radioAudio = radioAudio;
		this.store = store;
		this.uploads = uploads;
		this.speechQueue = speechQueue;
		this.speech = speech;
		this.folder = folder;
		this.catalog = catalog;
		this.properties = properties;
		this.settings = settings;
		this.ffmpeg = ffmpeg;
	}

	@GetMapping
	@Secured({ Role.Authority.EDITOR, Role.Authority.OPERATOR, Role.Authority.ADMIN })
	String list(Model model) {
		List<AudioProcessing> recent = this.store.recent(100);
		model.addAttribute("processings", recent);
		model.addAttribute("titles", titles(recent));
		model.addAttribute("zone", this.properties.zone());
		model.addAttribute("ffmpeg", this.ffmpeg.binary());
		return "admin/radio/audio/list";
	}

	/**
	 * An item's recordings, for those who make them and for the approver, who hears here
	 * what a new recording changes (old and new duration and loudness, a player each)
	 * before approving the revision it made.
	 */
	@GetMapping("/items/{itemId}")
	@Secured({ Role.Authority.EDITOR, Role.Authority.APPROVER, Role.Authority.OPERATOR, Role.Authority.ADMIN })
	String item(@PathVariable String itemId, @RequestParam(required = false) String refused, Model model) {
		ItemView item = item(itemId);
		model.addAttribute("item", item);
		List<AudioProcessing> processings = this.store.forItem(itemId);
		model.addAttribute("processings", processings);
		model.addAttribute("recordings",
				processings.stream()
					.filter((p) -> p.status() == AudioProcessing.Status.READY && !p.synthetic())
					.toList());
		boolean onAir = item.status() == ItemStatus.APPROVED || item.status() == ItemStatus.PUBLISHED;
		model.addAttribute("airing", onAir ? this.radioAudio.forItem(item).map(Recording::id).orElse(null) : null);
		model.addAttribute("speech", this.speech.available());
		model.addAttribute("maxMegabytes", this.settings.maxUploadSize().toMegabytes());
		model.addAttribute("zone", this.properties.zone());
		if ("too-large".equals(refused)) {
			model.addAttribute("refusedKey", "audio.refused.too-large");
			model.addAttribute("refusedArguments", new Object[] { this.settings.maxUploadSize().toMegabytes() });
		}
		return "admin/radio/audio/item";
	}

	@PostMapping("/items/{itemId}/upload")
	@Secured({ Role.Authority.EDITOR, Role.Authority.OPERATOR, Role.Authority.ADMIN })
	String upload(@PathVariable String itemId, @RequestParam(name = "file", required = false) MultipartFile file,
			Principal principal, Model model) throws IOException {
		item(itemId);
		if (file == null || file.isEmpty()) {
			model.addAttribute("refusedKey", "audio.refused.empty");
			return item(itemId, null, model);
		}
		try (InputStream input = file.getInputStream()) {
			long id = this.uploads.upload(itemId, file.getOriginalFilename(), input, principal.getName());
			return "redirect:/admin/radio/audio/" + id;
		}
		catch (AudioRefused refused) {
			String page = item(itemId, null, model);
			model.addAttribute("refusedKey", refused.messageKey());
			model.addAttribute("refusedArguments", refused.arguments());
			return page;
		}
	}

	@PostMapping("/items/{itemId}/speech")
	@Secured({ Role.Authority.EDITOR, Role.Authority.OPERATOR, Role.Authority.ADMIN })
	String speech(@PathVariable String itemId, Principal principal, Model model, RedirectAttributes redirect)
			throws IOException {
		ItemView item = item(itemId);
		try {
			return "redirect:/admin/radio/audio/" + this.speechQueue.speech(item, principal.getName());
		}
		catch (AudioRefused refused) {
			String page = item(itemId, null, model);
			model.addAttribute("refusedKey", refused.messageKey());
			model.addAttribute("refusedArguments", refused.arguments());
			return page;
		}
	}

	@GetMapping("/{id:\\d+}")
	@Secured({ Role.Authority.EDITOR, Role.Authority.APPROVER, Role.Authority.OPERATOR, Role.Authority.ADMIN })
	String show(@PathVariable long id, Model model) {
		AudioProcessing processing = processing(id);
		model.addAttribute("p", processing);
		model.addAttribute("title",
				this.catalog.item(processing.itemId()).map(ItemView::title).orElse(processing.itemId()));
		model.addAttribute("zone", this.properties.zone());
		return "admin/radio/audio/show";
	}

	@GetMapping("/{id:\\d+}.json")
	@ResponseBody
	@Secured({ Role.Authority.EDITOR, Role.Authority.APPROVER, Role.Authority.OPERATOR, Role.Authority.ADMIN })
	AudioJson json(@PathVariable long id) {
		return AudioJson.of(processing(id), this.properties.zone());
	}

	@GetMapping("/{id:\\d+}/broadcast.mp3")
	@Secured({ Role.Authority.EDITOR, Role.Authority.APPROVER, Role.Authority.OPERATOR, Role.Authority.ADMIN })
	ResponseEntity<org.springframework.core.io.Resource> broadcast(@PathVariable long id) {
		AudioProcessing processing = processing(id);
		return this.folder.file(processing.broadcastFile())
			.map((file) -> ResponseEntity.ok()
				.contentType(org.springframework.http.MediaType.parseMediaType("audio/mpeg"))
				.body((org.springframework.core.io.Resource) new org.springframework.core.io.FileSystemResource(file)))
			.orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
	}

	private AudioProcessing processing(long id) {
		return this.store.find(id)
			.orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
	}

	private ItemView item(String itemId) {
		return this.catalog.item(itemId)
			.orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
	}

	private Map<String, String> titles(List<AudioProcessing> processings) {
		Map<String, String> titles = new LinkedHashMap<>();
		for (AudioProcessing p : processings) {
			titles.computeIfAbsent(p.itemId(), (id) -> this.catalog.item(id).map(ItemView::title).orElse(id));
		}
		return titles;
	}

}
