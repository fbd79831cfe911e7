package vn.bantin.audio;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loudness as ffmpeg's EBU R128 filters report it: the {@code ebur128} summary
 * (integrated loudness, loudness range, true peak) and {@code loudnorm}'s JSON block
 * (what pass 1 measured and what pass 2 applied).
 *
 * @param integrated integrated loudness in LUFS; {@code -70} or lower for silence
 * @param truePeak true peak in dBTP
 * @param range loudness range in LU
 */
record Loudness(double integrated, double truePeak, double range) {

	private static final Pattern SUMMARY = Pattern.compile(
			"Summary:.*?I:\\s*(-?[\\d.]+|-?inf|nan)\\s*LUFS.*?LRA:\\s*(-?[\\d.]+|-?inf|nan)\\s*LU.*?Peak:\\s*(-?[\\d.]+|-?inf|nan)\\s*dBFS",
			Pattern.DOTALL);

	private static final Pattern JSON_FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*\"([^\"]*)\"");

	/** The last {@code ebur128} summary in ffmpeg's stderr, if there is one. */
	static java.util.Optional<Loudness> ebur128(String stderr) {
		Matcher matcher = SUMMARY.matcher(stderr);
		Loudness found = null;
		while (matcher.find()) {
			found = new Loudness(number(matcher.group(1)), number(matcher.group(3)), number(matcher.group(2)));
		}
		return java.util.Optional.ofNullable(found);
	}

	/** The fields of the last {@code loudnorm} JSON block in ffmpeg's stderr. */
	static Map<String, String> loudnorm(String stderr) {
		int start = stderr.lastIndexOf('{');
		int end = stderr.lastIndexOf('}');
		Map<String, String> fields = new java.util.LinkedHashMap<>();
		if (start < 0 || end < start) {
			return fields;
		}
		Matcher matcher = JSON_FIELD.matcher(stderr.substring(start, end + 1));
		while (matcher.find()) {
			fields.put(matcher.group(1), matcher.group(2));
		}
		return fields;
	}

	static OptionalDouble field(Map<String, String> fields, String name) {
		String value = fields.get(name);
		if (value == null) {
			return OptionalDouble.empty();
		}
		double number = number(value);
		return Double.isNaN(number) ? OptionalDouble.empty() : OptionalDouble.of(number);
	}

	private static double number(String text) {
		String value = text.strip();
		if (value.endsWith("inf")) {
			return value.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
		}
		try {
			return Double.parseDouble(value);
		}
		catch (NumberFormatException ex) {
			return Double.NaN;
		}
	}

	/** Whether this is silence as far as loudness goes (nothing above the gate). */
	boolean silent() {
		return Double.isNaN(this.integrated) || this.integrated <= -69.9;
	}

}
