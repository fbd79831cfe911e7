package vn.bantin.web;

import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.bantin.SchedulerName;
import vn.bantin.Browser;
import vn.bantin.mailroom.Mailroom;
import vn.bantin.mailroom.Outcome;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages as a person uses them, in a real headless Chromium with a phone-sized window:
 * the public home page, signing in, switching language and creating a user.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = SchedulerName.RANDOM)
class AdminInBrowserTests {

	static final String PASSWORD = "mat-khau-thu-nghiem";

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("bantin.data-dir", () -> dataDir.toString());
		registry.add("bantin.account.initial-admin-password", () -> PASSWORD);
	}

	@LocalServerPort
	int port;

	@Autowired
	Mailroom mailroom;

	WebDriver browser;

	@BeforeEach
	void startBrowser() {
		this.browser = Browser.start();
	}

	@AfterEach
	void stopBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	@Test
	void residentSeesTheCommuneAndTheSamplePlanInVietnamese() {
		this.browser.get(url("/"));
		assertThat(this.browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("vi");
		assertThat(this.browser.getTitle()).isEqualTo("UBND xã Hoằng Trung");
		awaitHeading("Thông tin của UBND xã Hoằng Trung");
		assertThat(this.browser.findElement(By.cssSelector("article.plan h3")).getText())
			.isEqualTo("Kế hoạch tuyên truyền công tác cải cách hành chính năm 2023");
		assertThat(this.browser.findElements(By.cssSelector("article.plan ol li"))).hasSize(5);
	}

	@Test
	void unknownPageShowsTheVietnameseNotFoundPageWithTheSiteLayout() {
		this.browser.get(url("/khong-co-trang-nay"));
		assertThat(this.browser.getTitle()).isEqualTo("Không tìm thấy trang");
		awaitHeading("Không tìm thấy trang");
		assertThat(this.browser.findElement(By.cssSelector(".masthead strong")).getText())
			.isEqualTo("UBND xã Hoằng Trung");
	}

	@Test
	void staffWithoutTheRoleSeesTheVietnameseAccessDeniedPage() {
		signIn("admin", PASSWORD);
		this.browser.get(url("/admin/users/new"));
		this.browser.findElement(By.id("username")).sendKeys("chi-phat-thanh");
		this.browser.findElement(By.id("password")).sendKeys("mot-mat-khau-dai");
		this.browser.findElement(By.cssSelector("input[value=EDITOR]")).click();
		this.browser.findElement(By.cssSelector("input[value=OPERATOR]")).click();
		this.browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
		assertThat(this.browser.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Đã tạo người dùng.");
		this.browser.findElement(By.cssSelector("form.inline button")).click();
		awaitHeading("Thông tin của UBND xã Hoằng Trung");

		signIn("chi-phat-thanh", "mot-mat-khau-dai");
		this.browser.get(url("/admin/users"));
		awaitHeading("Không có quyền truy cập");
	}

	@Test
	void editorWritesAnItemWithTheFormattingToolbar() {
		signIn("admin", PASSWORD);
		this.browser.get(url("/admin/items/new"));
		WebElement toolbar = this.browser.findElement(By.cssSelector(".editor-toolbar"));
		assertThat(toolbar.findElements(By.tagName("button"))).hasSizeGreaterThanOrEqualTo(8);
		this.browser.findElement(By.id("title")).sendKeys("Thông báo viết bằng trình soạn thảo");
		// On a phone-sized window the page may still move while the editor settles, and a
		// click at stale coordinates lands on a menu link; so the editor is focused
		// through
		// CodeMirror itself and the toolbar button is clicked once it is in view and
		// clickable. The text is typed with real key presses all the same.
		JavascriptExecutor page = (JavascriptExecutor) this.browser;
		WebElement editor = this.browser.findElement(By.cssSelector(".CodeMirror"));
		page.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].CodeMirror.focus();", editor);
		this.browser.switchTo().activeElement().sendKeys("Lịch tiếp dân ");
		WebElement bold = toolbar.findElement(By.cssSelector("button.bold"));
		page.executeScript("arguments[0].scrollIntoView({block: 'center'});", bold);
		new WebDriverWait(this.browser, Duration.ofSeconds(5)).until(ExpectedConditions.elementToBeClickable(bold))
			.click();
		page.executeScript("arguments[0].CodeMirror.focus();", editor);
		this.browser.switchTo().activeElement().sendKeys("thứ Năm");
		assertThat(page.executeScript("return arguments[0].CodeMirror.getValue();", editor))
			.isEqualTo("Lịch tiếp dân **thứ Năm**");
		this.browser.findElement(By.cssSelector("button[value=save]")).click();

		awaitHeading("Thông báo viết bằng trình soạn thảo");
		assertThat(this.browser.findElement(By.cssSelector(".preview strong")).getText()).isEqualTo("thứ Năm");
	}

	/**
	 * Headless Chromium shows no "leave this page?" dialog, so the test asks the page
	 * directly whether it would hold the visitor back: the answer of a
	 * {@code beforeunload} event.
	 */
	@Test
	void theEditorHoldsBackLeavingOnlyWithUnsavedChanges() {
		signIn("admin", PASSWORD);
		this.browser.get(url("/admin/items/new"));
		assertThat(wouldAskBeforeLeaving()).isFalse();

		this.browser.findElement(By.id("title")).sendKeys("Chưa lưu");

		assertThat(wouldAskBeforeLeaving()).isTrue();
	}

	/**
	 * The embedded default: mail goes to the outbox, whose page shows a message's HTML
	 * part in a sandboxed frame (its inline styles apply, its scripts never run) despite
	 * the application refusing to be framed elsewhere.
	 */
	@Test
	void editorReadsAMailOfTheOutboxWithItsHtmlInASandboxedFrame() throws Exception {
		MimeMessage message = this.mailroom.newMessage();
		message.setFrom(this.mailroom.sender());
		message.setRecipient(Message.RecipientType.TO, new InternetAddress("hoa@example.vn"));
		message.setSubject("Lịch tiêm chủng thôn Đông Hòa", "UTF-8");
		MimeBodyPart text = new MimeBodyPart();
		text.setText("Tiêm chủng ngày 5/12 tại trạm y tế xã.", "UTF-8");
		MimeBodyPart html = new MimeBodyPart();
		html.setText(
				"<html><body><h1 style=\"color: rgb(11, 92, 173)\">Tiêm chủng ngày 5/12</h1>"
						+ "<script>document.body.setAttribute('data-ran', 'yes')</script></body></html>",
				"UTF-8", "html");
		message.setContent(new MimeMultipart("alternative", text, html));
		Outcome outcome;
		try (Mailroom.Round round = this.mailroom.open()) {
			outcome = round.send(message);
		}
		assertThat(outcome.accepted()).isTrue();

		signIn("admin", PASSWORD);
		this.browser.get(url("/admin/outbox"));
		this.browser.findElement(By.linkText("Lịch tiêm chủng thôn Đông Hòa")).click();
		awaitHeading("Lịch tiêm chủng thôn Đông Hòa");
		assertThat(this.browser.findElement(By.cssSelector("pre.source")).getText())
			.isEqualTo("Tiêm chủng ngày 5/12 tại trạm y tế xã.");
		this.browser.switchTo().frame(this.browser.findElement(By.cssSelector("iframe.mail-html")));
		WebElement heading = new WebDriverWait(this.browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
		assertThat(heading.getText()).isEqualTo("Tiêm chủng ngày 5/12");
		assertThat(heading.getCssValue("color")).isEqualTo("rgba(11, 92, 173, 1)");
		assertThat(this.browser.findElement(By.tagName("body")).getDomAttribute("data-ran")).isNull();
		this.browser.switchTo().defaultContent();
	}

	private boolean wouldAskBeforeLeaving() {
		Object held = ((JavascriptExecutor) this.browser).executeScript(
				"var e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented;");
		return Boolean.TRUE.equals(held);
	}

	private void signIn(String username, String password) {
		this.browser.get(url("/login"));
		this.browser.findElement(By.id("username")).sendKeys(username);
		this.browser.findElement(By.id("password")).sendKeys(password);
		this.browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(10))
			.until((driver) -> !driver.getCurrentUrl().endsWith("/login"));
	}

	/**
	 * Waits until the page that a click led to shows this heading: after a click the old
	 * page may still be there for a moment.
	 */
	private void awaitHeading(String heading) {
		new WebDriverWait(this.browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
			.until((driver) -> heading.equals(driver.findElement(By.tagName("h1")).getText()));
	}

	@Test
	void staffSignsInSwitchesToEnglishAndCreatesAUser() {
		this.browser.get(url("/"));
		this.browser.findElement(By.linkText("Cán bộ đăng nhập")).click();
		assertThat(this.browser.getCurrentUrl()).endsWith("/login");

		this.browser.findElement(By.id("username")).sendKeys("admin");
		this.browser.findElement(By.id("password")).sendKeys(PASSWORD);
		this.browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
		awaitHeading("Trang quản trị");

		this.browser.findElement(By.linkText("English")).click();
		awaitHeading("Administration");

		this.browser.findElement(By.linkText("Users")).click();
		this.browser.findElement(By.linkText("New user")).click();
		this.browser.findElement(By.id("username")).sendKeys("vanhoa");
		// typed decomposed, as some Vietnamese keyboards and Word do
		this.browser.findElement(By.id("displayName"))
			.sendKeys(Normalizer.normalize("Nguyễn Thị Hoà", Normalizer.Form.NFD));
		this.browser.findElement(By.id("password")).sendKeys("mot-mat-khau-dai");
		assertThat(this.browser.findElement(By.cssSelector("input[value=EDITOR]")).isSelected()).isTrue();
		this.browser.findElement(By.cssSelector("input[value=APPROVER]")).click();
		this.browser.findElement(By.cssSelector("form.form button[type=submit]")).click();

		assertThat(this.browser.findElement(By.cssSelector(".notice")).getText()).isEqualTo("User created.");
		this.browser.findElement(By.linkText("Back to users")).click();
		String row = this.browser.findElement(By.xpath("//tr[td/a[text()='vanhoa']]")).getText();
		assertThat(row).contains("Nguyễn Thị Hoà", "Editor, Approver", "Active");
		assertThat(Normalizer.isNormalized(row, Normalizer.Form.NFC)).isTrue();
	}

}
