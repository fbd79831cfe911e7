package vn.bantin.text;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VietnameseTextTests {

	@Test
	void decomposedTextFromWordBecomesNfc() {
		String decomposed = Normalizer.normalize("Hoằng Hóa", Normalizer.Form.NFD);
		assertThat(decomposed).isNotEqualTo("Hoằng Hóa");
		assertThat(VietnameseText.nfc(decomposed)).isEqualTo("Hoằng Hóa");
	}

	@Test
	void nfcKeepsNullAndAlreadyNormalText() {
		assertThat(VietnameseText.nfc(null)).isNull();
		String text = "Ủy ban nhân dân";
		assertThat(VietnameseText.nfc(text)).isSameAs(text);
	}

	@Test
	void foldIgnoresDiacriticsCaseAndTheLetterDd() {
		assertThat(VietnameseText.fold("Cải cách HÀNH CHÍNH")).isEqualTo("cai cach hanh chinh");
		assertThat(VietnameseText.fold("Độc lập - Tự do")).isEqualTo("doc lap - tu do");
		assertThat(VietnameseText.fold(Normalizer.normalize("Hoằng Trung", Normalizer.Form.NFD)))
			.isEqualTo("hoang trung");
	}

	@Test
	void foldDoesNotDependOnTheTurkishDefaultLocale() {
		// surefire runs with tr_TR: a locale-sensitive toLowerCase would turn "I" into a
		// dotless ı
		assertThat(VietnameseText.fold("TIN TỨC")).isEqualTo("tin tuc");
	}

	@Test
	void slugFoldsDiacriticsAndPunctuation() {
		assertThat(VietnameseText.slug("Thông báo: Lịch tiêm chủng tháng 12/2026!"))
			.isEqualTo("thong-bao-lich-tiem-chung-thang-12-2026");
		assertThat(VietnameseText.slug("ĐẢNG ỦY xã Đông Hòa -- đợt 2")).isEqualTo("dang-uy-xa-dong-hoa-dot-2");
		assertThat(VietnameseText.slug("  «Kế hoạch» số 102/KH-UBND  ")).isEqualTo("ke-hoach-so-102-kh-ubnd");
		assertThat(VietnameseText.slug(Normalizer.normalize("Hoằng Hóa", Normalizer.Form.NFD))).isEqualTo("hoang-hoa");
	}

	@Test
	void slugDoesNotDependOnTheTurkishDefaultLocale() {
		assertThat(VietnameseText.slug("TIN TỨC ĐIỆN BIÊN")).isEqualTo("tin-tuc-dien-bien");
	}

	@Test
	void slugOfNothingSluggableIsEmpty() {
		assertThat(VietnameseText.slug("!!! -- ??? / …")).isEmpty();
		assertThat(VietnameseText.slug("")).isEmpty();
		assertThat(VietnameseText.slug("新闻")).isEmpty();
		assertThat(VietnameseText.slug(null)).isNull();
	}

	@Test
	void longSlugIsCutAtAWordBoundary() {
		String title = "Kế hoạch tuyên truyền cải cách hành chính trên địa bàn xã Hoằng Trung năm 2023 "
				+ "và các năm tiếp theo của Ủy ban nhân dân";
		String slug = VietnameseText.slug(title);
		assertThat(slug).hasSizeLessThanOrEqualTo(VietnameseText.SLUG_MAX_LENGTH)
			.isEqualTo("ke-hoach-tuyen-truyen-cai-cach-hanh-chinh-tren-dia-ban-xa-hoang-trung-nam-2023");
		assertThat(slug).doesNotEndWith("-");
		// exactly at the limit, or a word ending right at it: nothing is cut
		String eighty = "a".repeat(39) + " " + "b".repeat(40);
		assertThat(VietnameseText.slug(eighty)).isEqualTo("a".repeat(39) + "-" + "b".repeat(40));
		assertThat(VietnameseText.slug(eighty + " c")).isEqualTo("a".repeat(39) + "-" + "b".repeat(40));
	}

	@Test
	void longSlugWithoutBoundaryIsCutHard() {
		assertThat(VietnameseText.slug("đ".repeat(200))).isEqualTo("d".repeat(80));
		assertThat(VietnameseText.slug("x " + "y".repeat(200))).isEqualTo("x-" + "y".repeat(78));
	}

}
