package vn.bantin.system;

import java.nio.file.Path;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings every module shares.
 *
 * @param dataDir where Bản tin keeps what it writes: the embedded database, uploaded
 * media, caches. Created on first start. Default {@code ./data}.
 * @param zone the commune's time zone: instants are stored in UTC and shown and entered
 * in this zone; recurring schedules run on its wall clock. Default
 * {@code Asia/Ho_Chi_Minh}.
 * @param contentDir the folder of item, plan and media files ({@code content/})
 * @param schedulesDir the folder of timetable files ({@code schedules/})
 */
@ConfigurationProperties("bantin")
public record BantinProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("Asia/Ho_Chi_Minh") ZoneId zone,
		@DefaultValue("./content") Path contentDir, @DefaultValue("./schedules") Path schedulesDir) {

	/** A folder inside the data directory, for a module's own files. */
	public Path dataPath(String name) {
		return this.dataDir.resolve(name);
	}

}
