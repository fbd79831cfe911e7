package vn.bantin.audio;

import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * A recording ingest refuses, with the reason as a message key and its arguments: the
 * processing is FAILED with that reason and leaves no files. {@link Kind} says what kind
 * of refusal it is, for the API's status (413, 415 or 400).
 */
class AudioRefused extends Exception {

	private static final Locale ROW_LOCALE = Locale.forLanguageTag("vi");

	private final Kind kind;

	private final String messageKey;

	private final transient Object[] arguments;

	AudioRefused(Kind kind, String messageKey, String detail, Object... arguments) {
		super(detail);
		this.kind = kind;
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	Kind kind() {
		return this.kind;
	}

	String messageKey() {
		return this.messageKey;
	}

	Object[] arguments() {
		return this.arguments.clone();
	}

	/**
	 * The refusal in words for a processing's row (in Vietnamese, as the audio pages show
	 * it), after the file's name when there is one.
	 */
	String reason(String name, MessageSource messages) {
		String text = messages.getMessage(this.messageKey, this.arguments, getMessage(), ROW_LOCALE);
		return (name != null) ? name + ": " + text : text;
	}

	/** What kind of refusal. */
	enum Kind {

		/** Larger than the upload limit (413). */
		TOO_LARGE,
		/** Not audio, or audio in a format that is not accepted (415). */
		UNSUPPORTED,
		/**
		 * Audio that cannot be used: empty, damaged, silent, too long, too loud (400).
		 */
		UNUSABLE

	}

}
