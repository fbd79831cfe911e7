package vn.bantin.commune;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * Who publishes: the commune as residents and the higher levels know it.
 *
 * @param name full name of the issuing body, e.g. "UBND xã Hoằng Trung"
 * @param shortName the commune's name alone, e.g. "Hoằng Trung"
 * @param level the administrative level, e.g. "xã"
 * @param parentUnits the units above, nearest first, e.g. "huyện Hoằng Hóa", "tỉnh Thanh
 * Hóa"
 * @param address postal address
 * @param phone contact phone
 * @param email contact email
 * @param websiteUrl the public site's base URL, used for absolute links in feeds and
 * mails
 * @param hasLogo whether a logo was uploaded (served at {@code /commune/logo})
 * @param signerTitle title of the official who signs documents, e.g. "Chủ tịch"
 * @param signerName that official's name
 * @param zone the commune's time zone (from {@code bantin.zone})
 * @param locale the default language of pages for residents
 */
public record CommuneIdentity(String name, String shortName, String level, List<String> parentUnits, String address,
		String phone, String email, String websiteUrl, boolean hasLogo, String signerTitle, String signerName,
		ZoneId zone, Locale locale) {

	public CommuneIdentity {
		parentUnits = List.copyOf(parentUnits);
	}

	/** The units above joined for display, e.g. "huyện Hoằng Hóa, tỉnh Thanh Hóa". */
	public String parentUnitsLine() {
		return String.join(", ", this.parentUnits);
	}

}
