package vn.bantin.media;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A media file found on disk, as the site serves it.
 *
 * @param path where it is (its real path, inside one of the two media folders)
 * @param address where the site serves it, from the root ({@code /media/...})
 * @param type its MIME type, from its extension
 * @param size its size in bytes
 * @param lastModified when it last changed
 * @param immutable whether it can never change at this address (uploads: each has a new
 * folder), so that browsers may keep it without asking again
 */
public record MediaFile(Path path, String address, String type, long size, Instant lastModified, boolean immutable) {

	/**
	 * A strong validator of this version of the file: a file replaced under the same name
	 * gets another size or modification time.
	 */
	public String etag() {
		return "\"" + Long.toHexString(this.size) + "-" + Long.toHexString(this.lastModified.toEpochMilli()) + "\"";
	}

	/**
	 * Its address as a URL path, percent-encoded (names may hold spaces and Vietnamese
	 * letters).
	 */
	public String url() {
		return MediaLibrary.encode(this.address);
	}

	/** Whether it is audio (item page player, podcast, radio). */
	public boolean audio() {
		return this.type.startsWith("audio/");
	}

}
