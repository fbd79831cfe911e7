package vn.bantin.commune;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the commune's identity into every page's model as {@code commune}, for the
 * layouts.
 */
@ControllerAdvice
class CommuneModelAttributes {

	private final Commune commune;

	private final vn.bantin.system.CommuneTenancy tenancy;

	private final ProvinceSettings province;

	private final vn.bantin.system.BantinProperties properties;

	CommuneModelAttributes(Commune commune, vn.bantin.system.CommuneTenancy tenancy, ProvinceSettings province,
			vn.bantin.system.BantinProperties properties) {
		this.commune = commune;
		this.tenancy = tenancy;
		this.province = province;
		this.properties = properties;
	}

	/**
	 * The identity of the commune in scope; on the province's own pages (no commune in
	 * scope), the province's name in its place, so the layouts still have a heading.
	 */
	@ModelAttribute("commune")
	CommuneIdentity commune() {
		if (this.tenancy.commune() <= 0) {
			String name = java.util.Optional.ofNullable(this.province.province())
				.map(ProvinceSettings.Province::name)
				.filter((n) -> !n.isBlank())
				.orElse("Bản tin");
			return new CommuneIdentity(name, name, "", java.util.List.of(), "", "", "", "", false, "", "",
					this.properties.defaultZone(), java.util.Locale.forLanguageTag("vi"));
		}
		return this.commune.identity();
	}

	/**
	 * Whether the installation serves more than one commune: some pages (the nodes on
	 * {@code /admin/system}) are then the province's staff's only.
	 */
	@ModelAttribute("provinceOfMany")
	boolean provinceOfMany() {
		return this.tenancy.many();
	}

}
