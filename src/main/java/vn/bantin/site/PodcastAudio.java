package vn.bantin.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.bantin.content.ItemView;
import vn.bantin.system.BantinProperties;

/**
 * The audio of an item as a podcast episode: its first attachment with an audio
 * extension. Files uploaded in the editor live at {@code /media/<folder>/<name>} (in the
 * data folder's {@code media}); files of items kept in the content folder are written
 * {@code media/<name>} and are addressed at {@code /media/<name>}. The byte length comes
 * from the file on disk; an episode whose file is missing is left out (a podcast client
 * cannot play it).
 */
@Component
class PodcastAudio {

	static final Map<String, String> TYPES = Map.of("mp3", "audio/mpeg", "m4a", "audio/mp4", "ogg", "audio/ogg", "opus",
			"audio/ogg", "wav", "audio/wav");

	private final Path uploads;

	private final Path content;

	PodcastAudio(BantinProperties properties) {
		this.uploads = properties.dataPath("media").toAbsolutePath().normalize();
		this.content = properties.contentDir().toAbsolutePath().normalize();
	}

	/** The first attachment with an audio extension, if any. */
	static Optional<ItemView.Attachment> audioOf(ItemView item) {
		return item.attachments().stream().filter((attachment) -> type(attachment.file()) != null).findFirst();
	}

	/** The episode of {@code item}, if it has audio whose file exists. */
	Optional<Episode> episode(ItemView item) {
		return audioOf(item).flatMap((attachment) -> {
			String file = attachment.file();
			Path path;
			String address;
			if (file.startsWith("/media/")) {
				path = this.uploads.resolve(file.substring("/media/".length())).normalize();
				address = file;
			}
			else {
				path = this.content.resolve(file).normalize();
				address = "/" + file;
			}
			if (!path.startsWith(this.uploads) && !path.startsWith(this.content) || !Files.isRegularFile(path)) {
				return Optional.empty();
			}
			try {
				return Optional.of(new Episode(address, Files.size(path), type(file)));
			}
			catch (IOException ex) {
				return Optional.empty();
			}
		});
	}

	private static String type(String file) {
		int dot = file.lastIndexOf('.');
		return (dot < 0) ? null : TYPES.get(file.substring(dot + 1).toLowerCase(Locale.ROOT));
	}

	/**
	 * An episode's audio.
	 *
	 * @param path its address on the site, from the root ({@code /media/...})
	 * @param length its size in bytes
	 * @param type its MIME type
	 */
	record Episode(String path, long length, String type) {
	}

}
