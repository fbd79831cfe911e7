package vn.bantin.audio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import vn.bantin.system.Secrets;

/**
 * Text to speech with the configured command ({@code bantin.radio.speech-command},
 * espeak-ng by default), when it is installed. Whether it runs is checked once
 * ({@code <command> --version}); without it nothing else breaks: the operator reads the
 * script live. The text goes in through a UTF-8 file, never the command line (whose
 * encoding depends on the machine's locale).
 */
@Component
class SpeechSynthesis {

	private static final Logger log = LoggerFactory.getLogger(SpeechSynthesis.class);

	private final RadioAudioSettings settings;

	private volatile Boolean available;

	SpeechSynthesis(RadioAudioSettings settings) {
		this.settings = settings;
	}

	/** Whether speech is configured and its command runs here. */
	boolean available() {
		Boolean known = this.available;
		if (known == null) {
			known = this.settings.speechConfigured() && runs();
			this.available = known;
			log.info("Speech synthesis {}", known ? "with " + this.settings.speechCommand() : "off");
		}
		return known;
	}

	private boolean runs() {
		try {
			Process process = new ProcessBuilder(this.settings.speechCommand(), "--version").redirectErrorStream(true)
				.start();
			process.getInputStream().readAllBytes();
			return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException ex) {
			log.info("No speech synthesis: {} does not run ({})", this.settings.speechCommand(), ex.getMessage());
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * The cache key of a script read with the current settings: the same text, voice,
	 * speed and command always give the same key, so it is rendered once.
	 */
	String cacheKey(String text) {
		String material = String.join("\u0000", vn.bantin.text.VietnameseText.nfc(text), this.settings.speechVoice(),
				String.valueOf(this.settings.speechSpeed()), String.valueOf(this.settings.speechCommand()));
		return "speech:" + Secrets.sha256(material);
	}

	/** Reads the UTF-8 text in {@code script} aloud into the WAV file {@code wav}. */
	void render(Path script, Path wav) throws IOException {
		List<String> command = List.of(this.settings.speechCommand(), "-v", this.settings.speechVoice(), "-s",
				String.valueOf(this.settings.speechSpeed()), "-w", wav.toAbsolutePath().toString(), "-f",
				script.toAbsolutePath().toString());
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		try {
			if (!process.waitFor(10, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IOException("the speech command took longer than 10 minutes");
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while speaking", ex);
		}
		if (process.exitValue() != 0 || !Files.exists(wav) || Files.size(wav) == 0) {
			throw new IOException("the speech command failed (exit " + process.exitValue() + "): " + output.strip());
		}
	}

}
