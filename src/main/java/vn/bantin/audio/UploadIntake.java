package vn.bantin.audio;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.springframework.stereotype.Component;

import vn.bantin.text.VietnameseText;

/**
 * Takes a person's upload in (the admin form, the API): streamed to a file under
 * {@code incoming/} and cut off as soon as it passes {@code bantin.radio.max-upload-size}
 * (the rest is not read), then probed and queued while the person waits, so that a
 * refusal is answered at once (and recorded as a FAILED processing with its reason).
 * Requests declaring a larger body are refused before this, by {@link AudioUploadLimit}.
 */
@Component
class UploadIntake {

	private final RadioAudioSettings settings;

	private final AudioFolder folder;

	private final ProcessingQueue queue;

	UploadIntake(RadioAudioSettings settings, AudioFolder folder, ProcessingQueue queue) {
		this.settings = settings;
		this.folder = folder;
		this.queue = queue;
	}

	/**
	 * Takes an uploaded recording of an item in: stored, probed and queued; returns the
	 * processing's id.
	 * @throws AudioRefused when it is too large, empty, not audio, not an accepted format
	 * or too long (recorded as a failed processing too)
	 */
	long upload(String itemId, String fileName, InputStream input, String by) throws AudioRefused, IOException {
		String name = VietnameseText.nfc((fileName != null && !fileName.isBlank()) ? fileName.strip() : "ghi-am");
		Path incoming = this.folder.incoming("upload");
		try {
			// a refused or broken upload leaves nothing: the store deletes its temporary
			this.folder.write(incoming, (temporary) -> copyLimited(input, temporary));
		}
		catch (AudioRefused refused) {
			throw this.queue.refusal(itemId, AudioProcessing.Source.UPLOAD, null, name, null, refused, by);
		}
		return this.queue.queue(itemId, AudioProcessing.Source.UPLOAD, null, name, incoming, Files.size(incoming), by);
	}

	private void copyLimited(InputStream input, Path target) throws IOException, AudioRefused {
		long limit = this.settings.maxUploadSize().toBytes();
		long total = 0;
		byte[] buffer = new byte[64 * 1024];
		try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
			int read;
			while ((read = input.read(buffer)) != -1) {
				total += read;
				if (total > limit) {
					throw new AudioRefused(AudioRefused.Kind.TOO_LARGE, "audio.refused.too-large",
							"larger than " + this.settings.maxUploadSize().toMegabytes() + " MB",
							this.settings.maxUploadSize().toMegabytes());
				}
				out.write(buffer, 0, read);
			}
		}
	}

}
