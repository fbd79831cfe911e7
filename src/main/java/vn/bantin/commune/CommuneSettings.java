package vn.bantin.commune;

import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The commune's identity for a new installation ({@code bantin.commune.*}). Copied into
 * the database on first start; from then on the admin page is the source.
 */
@ConfigurationProperties("bantin.commune")
record CommuneSettings(@DefaultValue("UBND xã") String name, @DefaultValue("") String shortName,
		@DefaultValue("xã") String level, @DefaultValue List<String> parentUnits, @DefaultValue("") String address,
		@DefaultValue("") String phone, @DefaultValue("") String email,
		@DefaultValue("http://localhost:8080") String websiteUrl, @DefaultValue("Chủ tịch") String signerTitle,
		@DefaultValue("") String signerName, @DefaultValue("vi") Locale locale) {
}
