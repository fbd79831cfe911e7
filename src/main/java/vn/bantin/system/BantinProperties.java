package vn.bantin.system;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings every module shares.
 *
 * @param dataDir where Bản tin keeps what it writes: the embedded database, uploaded
 * media, caches. Created on first start. Default {@code ./data}.
 * @param zone the default commune's time zone: instants are stored in UTC and shown and
 * entered in this zone; recurring schedules run on its wall clock. Default
 * {@code Asia/Ho_Chi_Minh}. In a province each commune has its own ({@link #zone()}).
 * @param contentDir the folder of item, plan and media files ({@code content/})
 * @param schedulesDir the folder of timetable files ({@code schedules/})
 */
@ConfigurationProperties("bantin")
public record BantinProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("Asia/Ho_Chi_Minh") ZoneId zone,
		@DefaultValue("./content") Path contentDir, @DefaultValue("./schedules") Path schedulesDir) {

	/**
	 * The time zone of the commune in {@linkplain CurrentCommune scope}: the one that
	 * work for a commune shows and enters times in. Without a scope, the default
	 * commune's ({@code bantin.zone}).
	 */
	@Override
	public ZoneId zone() {
		return CurrentCommune.scope().map(CurrentCommune.Scope::zone).filter(Objects::nonNull).orElse(this.zone);
	}

	/** The default commune's zone, {@code bantin.zone}, whatever commune is in scope. */
	public ZoneId defaultZone() {
		return this.zone;
	}

	/** A folder inside the data directory, for a module's own files. */
	public Path dataPath(String name) {
		return this.dataDir.resolve(name);
	}

}
