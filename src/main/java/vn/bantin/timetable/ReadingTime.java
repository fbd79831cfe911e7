package vn.bantin.timetable;

import java.time.Duration;

import vn.bantin.content.ItemView;
import vn.bantin.text.Abbreviations;
import vn.bantin.text.Markdown;
import vn.bantin.text.SpokenVietnamese;

/**
 * The estimated air time of an item read aloud on the radio: the words of its radio
 * script, or else of its body as spoken text, at an announcer's reading pace
 * ({@code bantin.schedule.reading-words-per-minute}). The planner, the agenda and
 * {@code validate} all estimate with it, so that they agree on what fits in a slot.
 *
 * <p>
 * Words are counted in the script as it is read aloud ({@link SpokenVietnamese}), not as
 * written: "1.500.000 đồng" is two written words but six spoken ones ("một triệu năm trăm
 * nghìn đồng"), and a script full of figures would otherwise be planned too short.
 * Abbreviations are not expanded here (no dictionary is given), so that every estimator
 * agrees whatever the content folder holds.
 */
public final class ReadingTime {

	private final int wordsPerMinute;

	private final SpokenVietnamese spoken = new SpokenVietnamese(Abbreviations.NONE);

	/**
	 * @param wordsPerMinute how many words an announcer reads in a minute, at least 1
	 */
	public ReadingTime(int wordsPerMinute) {
		if (wordsPerMinute < 1) {
			throw new IllegalArgumentException("wordsPerMinute: must be at least 1, was " + wordsPerMinute);
		}
		this.wordsPerMinute = wordsPerMinute;
	}

	/** At the pace the settings give. */
	public ReadingTime(ScheduleSettings settings) {
		this(settings.readingWordsPerMinute());
	}

	/** How long reading the item aloud takes, rounded up to the second. */
	public Duration of(ItemView item) {
		String script = (item.variants() != null) ? item.variants().radioScript() : null;
		String text = (script != null && !script.isBlank()) ? script : Markdown.toSpokenText(item.bodyMarkdown());
		return of(words(this.spoken.read(text)));
	}

	/**
	 * How long reading a script already written as spoken (e.g. with the commune's
	 * abbreviations expanded) takes, rounded up to the second.
	 */
	public Duration ofSpoken(String spoken) {
		return of(words(spoken));
	}

	/** How long reading this many words takes, rounded up to the second. */
	public Duration of(long words) {
		return Duration.ofSeconds((words * 60 + this.wordsPerMinute - 1) / this.wordsPerMinute);
	}

	/** The words of a text: runs of characters between white space. */
	static long words(String text) {
		if (text == null || text.isBlank()) {
			return 0;
		}
		return text.strip().split("\\s+").length;
	}

}
