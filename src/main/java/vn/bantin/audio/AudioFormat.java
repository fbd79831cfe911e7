package vn.bantin.audio;

import java.util.Locale;

/**
 * The audio formats ingest accepts: what phones and office PCs record. Decided by what
 * ffmpeg finds in the file's content (its demuxer and the audio stream's codec), never by
 * the file's name.
 */
enum AudioFormat {

	MP3("mp3"), WAV("wav"), M4A("m4a"), AAC("aac"), OGG("ogg"), OPUS("opus"), FLAC("flac"), AMR("amr"), THREE_GP("3gp");

	private final String extension;

	AudioFormat(String extension) {
		this.extension = extension;
	}

	/** The file extension, also the format's name in the API. */
	String extension() {
		return this.extension;
	}

	/**
	 * The format of a file from ffmpeg's demuxer, the audio codec and the container's
	 * major brand (for the MP4 family); null when it is none of the accepted ones.
	 */
	static AudioFormat of(String demuxer, String codec, String majorBrand) {
		String name = demuxer.toLowerCase(Locale.ROOT);
		String audio = (codec != null) ? codec.toLowerCase(Locale.ROOT) : "";
		if (name.equals("mp3")) {
			return MP3;
		}
		if (name.equals("wav")) {
			return WAV;
		}
		if (name.equals("aac")) {
			return AAC;
		}
		if (name.equals("flac")) {
			return FLAC;
		}
		if (name.equals("amr")) {
			return AMR;
		}
		if (name.equals("ogg")) {
			return audio.startsWith("opus") ? OPUS
					: (audio.startsWith("vorbis") || audio.startsWith("flac")) ? OGG : null;
		}
		if (name.startsWith("mov,mp4")) {
			String brand = (majorBrand != null) ? majorBrand.toLowerCase(Locale.ROOT) : "";
			return brand.startsWith("3g") ? THREE_GP : M4A;
		}
		return null;
	}

}
