package vn.bantin.commune;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.bantin.BantinWebTest;
import vn.bantin.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * An administrator edits the commune's identity and uploads its logo.
 */
@BantinWebTest
class CommuneIdentityAdminTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Commune commune;

	MockHttpSession session;

	@BeforeEach
	void adminSignsIn() throws Exception {
		this.session = SignIn.as(this.mvc, SignIn.ADMIN, SignIn.ADMIN_PASSWORD);
	}

	@Test
	void vietnameseNameAndAddressAreStoredAndShown() throws Exception {
		String name = "UBND xã Quảng Đức";
		String address = "thôn Đông Hưng, xã Quảng Đức, huyện Hàm Tân, tỉnh Bình Thuận";
		this.mvc
			.perform(identity(name, Normalizer.normalize(address, Normalizer.Form.NFD), "ubnd@quangduc.gov.vn",
					"https://quangduc.gov.vn"))
			.andExpect(redirectedUrl("/admin/commune"))
			.andExpect(flash().attribute("notice", "commune.saved"));
		CommuneDetails stored = this.commune.details();
		assertThat(stored.name()).isEqualTo(name);
		assertThat(stored.address()).isEqualTo(address);
		assertThat(stored.parentUnits()).containsExactly("huyện Hàm Tân", "tỉnh Bình Thuận");
		assertThat(this.commune.identity().name()).isEqualTo(name);
		CommuneAdminController.IdentityForm shown = (CommuneAdminController.IdentityForm) this.mvc
			.perform(get("/admin/commune").session(this.session))
			.andExpect(status().isOk())
			.andReturn()
			.getModelAndView()
			.getModel()
			.get("form");
		assertThat(shown.name()).isEqualTo(name);
		assertThat(shown.address()).isEqualTo(address);
	}

	@Test
	void malformedEmailIsRefusedBesideTheFieldAndNothingIsSaved() throws Exception {
		CommuneDetails before = this.commune.details();
		this.mvc.perform(identity("UBND xã Sai Thư", "địa chỉ mới", "not-an-address", "https://saithu.gov.vn"))
			.andExpect(status().isOk())
			.andExpect(view().name("admin/commune"))
			.andExpect(model().attributeHasFieldErrorCode("form", "email", "commune.error.email"));
		assertThat(this.commune.details()).isEqualTo(before);
	}

	@Test
	void websiteAddressWithoutHttpIsRefusedBesideTheFieldAndNothingIsSaved() throws Exception {
		CommuneDetails before = this.commune.details();
		this.mvc.perform(identity("UBND xã Sai Trang", "địa chỉ mới", "", "quangduc.gov.vn"))
			.andExpect(status().isOk())
			.andExpect(view().name("admin/commune"))
			.andExpect(model().attributeHasFieldErrorCode("form", "websiteUrl", "commune.error.website-url"));
		this.mvc.perform(identity("UBND xã Sai Trang", "địa chỉ mới", "", "ftp://quangduc.gov.vn"))
			.andExpect(model().attributeHasFieldErrorCode("form", "websiteUrl", "commune.error.website-url"));
		assertThat(this.commune.details()).isEqualTo(before);
	}

	@Test
	void uploadedPngLogoIsServedToTheSite() throws Exception {
		byte[] logo = png(Color.RED);
		upload(logo).andExpect(redirectedUrl("/admin/commune"))
			.andExpect(flash().attribute("notice", "commune.logo.saved"));
		this.mvc.perform(get("/commune/logo"))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.IMAGE_PNG))
			.andExpect(content().bytes(logo));
		assertThat(this.commune.identity().hasLogo()).isTrue();
	}

	@Test
	void newLogoReplacesTheOldOneEvenWithinTheSameMillisecond() throws Exception {
		// the test clock stands still, as two quick uploads on a coarse clock would
		upload(png(Color.RED)).andExpect(flash().attribute("notice", "commune.logo.saved"));
		byte[] second = png(Color.BLUE);
		upload(second).andExpect(flash().attribute("notice", "commune.logo.saved"));
		this.mvc.perform(get("/commune/logo")).andExpect(status().isOk()).andExpect(content().bytes(second));
	}

	@Test
	void nonImageUploadIsRefusedAndTheOldLogoStays() throws Exception {
		byte[] logo = png(Color.GREEN);
		upload(logo).andExpect(flash().attribute("notice", "commune.logo.saved"));
		upload("<svg onload=alert(1)>not a picture</svg>".getBytes(StandardCharsets.UTF_8))
			.andExpect(redirectedUrl("/admin/commune"))
			.andExpect(flash().attribute("logoError", "commune.error.logo-type"));
		this.mvc.perform(get("/commune/logo"))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.IMAGE_PNG))
			.andExpect(content().bytes(logo));
	}

	private ResultActions upload(byte[] bytes) throws Exception {
		return this.mvc.perform(multipart("/admin/commune/logo")
			.file(new MockMultipartFile("logo", "logo.png", MediaType.IMAGE_PNG_VALUE, bytes))
			.session(this.session)
			.with(csrf()));
	}

	private MockHttpServletRequestBuilder identity(String name, String address, String email, String website) {
		return post("/admin/commune").session(this.session)
			.with(csrf())
			.param("name", name)
			.param("shortName", "Quảng Đức")
			.param("level", "xã")
			.param("parentUnits", "huyện Hàm Tân\r\ntỉnh Bình Thuận")
			.param("address", address)
			.param("phone", "0252 3870 123")
			.param("email", email)
			.param("websiteUrl", website)
			.param("signerTitle", "Chủ tịch")
			.param("signerName", "Nguyễn Thị Hoa")
			.param("localeTag", "vi");
	}

	private static byte[] png(Color color) throws IOException {
		BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
		image.setRGB(0, 0, color.getRGB());
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		assertThat(ImageIO.write(image, "png", bytes)).isTrue();
		return bytes.toByteArray();
	}

}
