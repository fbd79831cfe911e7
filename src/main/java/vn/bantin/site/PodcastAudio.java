package vn.bantin.site;

import java.time.Duration;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.bantin.content.ItemView;
import vn.bantin.media.AudioDurations;
import vn.bantin.media.MediaLibrary;
import vn.bantin.media.MediaTypes;

/**
 * The audio of an item as a podcast episode: its first attachment with an audio
 * extension, at the address the site serves it ({@link MediaLibrary}: uploads at
 * {@code /media/<uuid>/<name>}, content-folder files {@code media/<path>} at
 * {@code /media/<path>}). The byte length comes from the file on disk and the duration
 * from ffmpeg ({@link AudioDurations}, cached per file version); an episode whose file is
 * missing is left out (a podcast client cannot play it), one whose duration cannot be
 * read is kept without it.
 */
@Component
class PodcastAudio {

	private final MediaLibrary library;

	private final AudioDurations durations;

	PodcastAudio(MediaLibrary library, AudioDurations durations) {
		this.library = library;
		this.durations = durations;
	}

	/** The first attachment with an audio extension, if any. */
	static Optional<ItemView.Attachment> audioOf(ItemView item) {
		return item.attachments()
			.stream()
			.filter((attachment) -> MediaTypes.audio(attachment.file()).isPresent())
			.findFirst();
	}

	/** The episode of {@code item}, if it has audio whose file exists. */
	Optional<Episode> episode(ItemView item) {
		return audioOf(item).flatMap((attachment) -> this.library.find(attachment.file()))
			.map((file) -> new Episode(file.url(), file.size(), file.type(), this.durations.of(file).orElse(null)));
	}

	/**
	 * An episode's audio.
	 *
	 * @param path its address on the site, from the root ({@code /media/...}),
	 * percent-encoded
	 * @param length its size in bytes
	 * @param type its MIME type
	 * @param duration how long it plays, or null when ffmpeg could not tell
	 */
	record Episode(String path, long length, String type, Duration duration) {
	}

}
