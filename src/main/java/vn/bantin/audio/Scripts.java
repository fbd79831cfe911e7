package vn.bantin.audio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import vn.bantin.content.ItemView;
import vn.bantin.system.BantinProperties;
import vn.bantin.text.Abbreviations;
import vn.bantin.text.Markdown;
import vn.bantin.text.SpokenVietnamese;

/**
 * The read-aloud script of a radio item: its radio script variant, or else its title and
 * text as plain spoken text, normalised for reading (abbreviations from the commune's
 * dictionary expanded, numbers, dates, times, document and phone numbers spelt out). The
 * operator reads it live and the speech synthesiser reads the same text, so both say "Ủy
 * ban nhân dân" for "UBND".
 *
 * <p>
 * The dictionary ({@code bantin.radio.dictionary} in the content folder) is read again
 * whenever the file's modification time or size changes, so an officer's edit counts from
 * the next script on, without a restart. Problems in it are logged once per version; the
 * good lines still count. Each commune has its own, in its own content folder: the file
 * is the one of the commune in scope.
 */
@Component
public class Scripts {

	private static final Logger log = LoggerFactory.getLogger(Scripts.class);

	private final BantinProperties properties;

	private final String shownAs;

	/** The dictionary last read from each file (one per commune's content folder). */
	private final Map<Path, Loaded> loaded = new ConcurrentHashMap<>();

	Scripts(BantinProperties properties, RadioAudioSettings settings) {
		this.properties = properties;
		this.shownAs = settings.dictionary();
	}

	/** The item's script as read aloud. */
	public String of(ItemView item) {
		return reader().read(written(item));
	}

	/**
	 * The item's script as written: its radio script variant, or title and plain text.
	 */
	static String written(ItemView item) {
		String script = (item.variants() != null) ? item.variants().radioScript() : null;
		if (script != null && !script.isBlank()) {
			return script.strip();
		}
		String body = Markdown.toSpokenText(Objects.requireNonNullElse(item.bodyMarkdown(), ""));
		return (item.title() + ".\n\n" + body).strip();
	}

	/** Any text as read aloud with the current dictionary. */
	public String read(String text) {
		return reader().read(text);
	}

	private SpokenVietnamese reader() {
		Path file = this.properties.contentDir().resolve(this.shownAs);
		FileTime modified;
		long size;
		try {
			modified = Files.getLastModifiedTime(file);
			size = Files.size(file);
		}
		catch (IOException ex) {
			modified = null;
			size = -1;
		}
		Loaded current = this.loaded.get(file);
		if (current != null && Objects.equals(current.modified(), modified) && current.size() == size) {
			return current.reader();
		}
		Abbreviations abbreviations = (modified != null) ? Abbreviations.read(file, this.shownAs) : Abbreviations.NONE;
		List<String> problems = abbreviations.problems();
		problems.forEach((problem) -> log.warn("Abbreviation dictionary: {}", problem));
		if (modified == null) {
			log.info("No abbreviation dictionary at {}: scripts keep their abbreviations", file);
		}
		Loaded fresh = new Loaded(modified, size, new SpokenVietnamese(abbreviations));
		this.loaded.put(file, fresh);
		return fresh.reader();
	}

	private record Loaded(FileTime modified, long size, SpokenVietnamese reader) {
	}

}
