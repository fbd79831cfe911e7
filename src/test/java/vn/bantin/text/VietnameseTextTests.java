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

}
