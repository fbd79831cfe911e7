package vn.bantin.content;

import java.time.LocalDate;
import java.util.List;

/**
 * A plan as other modules see it.
 *
 * @param id stable id (from the file's front matter)
 * @param numberSymbol number and symbol, e.g. {@code 102/KH-UBND}, or null
 * @param title the plan's title
 * @param issuer who issued it
 * @param issuedOn issue date, or null
 * @param periodStart first day the plan covers, or null
 * @param periodEnd last day the plan covers, or null
 * @param themes the themes (nội dung tuyên truyền), in the plan's order
 * @param sourceFile the file it was loaded from, relative to the content folder
 */
public record PlanView(String id, String numberSymbol, String title, String issuer, LocalDate issuedOn,
		LocalDate periodStart, LocalDate periodEnd, List<Theme> themes, Sections sections, String sourceFile) {

	public PlanView {
		themes = List.copyOf(themes);
	}

	/** The plan's name in its commune's URLs: its id without the commune part. */
	public String slug() {
		return vn.bantin.system.CommuneTenancy.slug(this.id);
	}

	/**
	 * The plan's sections as an official plan lays them out.
	 *
	 * @param legalBases the texts the plan rests on (căn cứ)
	 * @param purposes purposes (mục đích)
	 * @param requirements requirements (yêu cầu)
	 * @param channels forms of communication the plan names (hình thức tuyên truyền)
	 * @param responsibilities who does what (tổ chức thực hiện)
	 */
	public record Sections(List<String> legalBases, List<String> purposes, List<String> requirements,
			List<String> channels, List<Responsibility> responsibilities) {

		public Sections {
			legalBases = List.copyOf(legalBases);
			purposes = List.copyOf(purposes);
			requirements = List.copyOf(requirements);
			channels = List.copyOf(channels);
			responsibilities = List.copyOf(responsibilities);
		}

		static Sections none() {
			return new Sections(List.of(), List.of(), List.of(), List.of(), List.of());
		}

	}

	/**
	 * One unit's part in carrying out the plan.
	 *
	 * @param unit the unit, e.g. "Văn phòng UBND xã - Bộ phận một cửa"
	 * @param duties its duties
	 * @param reporting how often it reports, or null
	 */
	public record Responsibility(String unit, List<String> duties, String reporting) {

		public Responsibility {
			duties = List.copyOf(duties);
		}

	}

	/**
	 * One theme of a plan.
	 *
	 * @param key stable key that items refer to
	 * @param title short title
	 * @param description what the theme covers
	 */
	public record Theme(String key, String title, String description) {
	}

}
