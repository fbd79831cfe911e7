package vn.bantin.system;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
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
 * @param communesDir {@code bantin.communes-dir}: in a province, the folder with one
 * sub-folder per commune key, each with its {@code content/} and {@code schedules/};
 * unset (null) for a single commune
 */
@ConfigurationProperties("bantin")
public record BantinProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("Asia/Ho_Chi_Minh") ZoneId zone,
		@DefaultValue("./content") Path contentDir, @DefaultValue("./schedules") Path schedulesDir, Path communesDir) {

	@ConstructorBinding
	public BantinProperties {
	}

	/** Settings of a single commune, without {@code bantin.communes-dir}. */
	public BantinProperties(Path dataDir, ZoneId zone, Path contentDir, Path schedulesDir) {
		this(dataDir, zone, contentDir, schedulesDir, null);
	}

	/**
	 * The content folder of the commune in {@linkplain CurrentCommune scope}:
	 * {@code <communes-dir>/<key>/content} in a province, else
	 * {@code bantin.content-dir}.
	 */
	@Override
	public Path contentDir() {
		return communeFolder().map((folder) -> folder.resolve("content")).orElse(this.contentDir);
	}

	/**
	 * The timetable folder of the commune in {@linkplain CurrentCommune scope}:
	 * {@code <communes-dir>/<key>/schedules} in a province, else
	 * {@code bantin.schedules-dir}.
	 */
	@Override
	public Path schedulesDir() {
		return communeFolder().map((folder) -> folder.resolve("schedules")).orElse(this.schedulesDir);
	}

	private java.util.Optional<Path> communeFolder() {
		if (this.communesDir == null) {
			return java.util.Optional.empty();
		}
		return CurrentCommune.scope()
			.filter((scope) -> !scope.acrossAll() && scope.key() != null)
			.map((scope) -> this.communesDir.resolve(scope.key()));
	}

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
