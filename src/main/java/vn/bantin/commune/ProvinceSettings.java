package vn.bantin.commune;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The deployment as a province of communes.
 *
 * @param communesDir {@code bantin.communes-dir}: a folder with one sub-folder per
 * commune ({@code <key>/commune.yaml}, {@code content/}, {@code schedules/}); unset for a
 * single commune with today's {@code content/} and {@code schedules/}
 * @param host {@code bantin.province.host}: the host name of the province's portal and
 * its API; unset for a single commune
 */
@ConfigurationProperties("bantin")
public record ProvinceSettings(Path communesDir, Province province) {

	/**
	 * Whether the deployment is configured as a province (whatever number of communes it
	 * holds).
	 */
	public boolean isProvince() {
		return this.communesDir != null || (this.province != null && this.province.host() != null);
	}

	/** The province portal's host name, if configured. */
	public java.util.Optional<String> host() {
		return java.util.Optional.ofNullable(this.province).map(Province::host).map(Communes::hostName);
	}

	/**
	 * {@code bantin.province.*}.
	 *
	 * @param host the portal's host name
	 * @param name the province's name, e.g. "Tỉnh Thanh Hóa"
	 */
	public record Province(String host, String name) {
	}

}
