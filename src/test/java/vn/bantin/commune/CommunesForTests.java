package vn.bantin.commune;

import java.time.ZoneId;
import java.util.List;

import org.springframework.context.ApplicationContext;

import vn.bantin.system.CurrentCommune;

/**
 * Creates communes for the tests of other modules, as the province's admin would: a
 * commune with a key, a name made from it, a zone and one host name.
 */
public final class CommunesForTests {

	private CommunesForTests() {
	}

	/**
	 * Creates the commune {@code key} in {@code zone} (or updates it) in the application
	 * of {@code context}, answering on {@code <key>.example.vn}.
	 * @return its scope
	 */
	public static CurrentCommune.Scope create(ApplicationContext context, String key, ZoneId zone) {
		CommuneDetails details = new CommuneDetails("UBND xã " + key, key, "xã", List.of("tỉnh Thử Nghiệm"),
				"Trụ sở UBND xã " + key, "0200 000 000", key + "@example.vn", "https://" + key + ".example.vn",
				"Chủ tịch", "Nguyễn Văn A", "vi");
		return context.getBean(Communes.class).ensure(key, details, zone, List.of(key + ".example.vn"));
	}

}
