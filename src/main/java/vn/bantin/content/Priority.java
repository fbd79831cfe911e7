package vn.bantin.content;

import java.util.Locale;

/**
 * The three radio bulletin levels of Thông tư 39/2020/TT-BTTTT: normal items take their
 * place in the timetable, priority items go ahead of them, emergency items go out at once
 * on every channel.
 */
public enum Priority {

	NORMAL, PRIORITY, EMERGENCY;

	/** The word used in content files and URLs, e.g. {@code full-online}. */
	public String key() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
