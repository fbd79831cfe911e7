package vn.bantin.subscription;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.BantinWebTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample subscribers that {@code ./mvnw spring-boot:run} loads: every good row goes
 * on its lists with consent recorded as sample data, a bad row is skipped, and the
 * shipped file names only lists the sample timetables define.
 */
@BantinWebTest
class SampleSubscribersTests {

	@Autowired
	private SampleSubscribers samples;

	@Autowired
	private Audience audience;

	@Autowired
	private SubscriberStore subscribers;

	@Test
	void goodRowsGoOnTheirListsWithSampleConsentAndABadRowIsSkipped(@TempDir Path folder) throws Exception {
		Path file = folder.resolve("subscribers.csv");
		Files.writeString(file, """
				email,name,village,lists
				mau.mot@example.test,Nguyễn Văn Một,Thôn Trung Hải,mau-a mau-b
				khong-phai-dia-chi,Người sai,,mau-a
				mau.hai@example.test,Trần Thị Hai,,mau-b
				""", StandardCharsets.UTF_8);

		assertThat(this.samples.load(file)).isEqualTo(2);

		assertThat(this.audience.recipients("mau-a")).extracting(Audience.Recipient::address)
			.containsExactly("mau.mot@example.test");
		assertThat(this.audience.recipients("mau-b")).extracting(Audience.Recipient::address)
			.containsExactly("mau.mot@example.test", "mau.hai@example.test");
		assertThat(this.audience.recipients("mau-a").get(0).village()).isEqualTo("Thôn Trung Hải");
		assertThat(this.subscribers.findByAddressKey("mau.hai@example.test")).get()
			.extracting(Subscriber::consentSource)
			.isEqualTo(SampleSubscribers.SOURCE);
	}

	@Test
	void theShippedSampleNamesOnlyTheSampleLists() throws Exception {
		String text = Files.readString(Path.of("sample/subscribers.csv"), StandardCharsets.UTF_8);
		assertThat(text.lines().skip(1).map((line) -> line.substring(line.lastIndexOf(',') + 1)))
			.allMatch((lists) -> Set.of("can-bo-cong-chuc", "truong-thon", "nguoi-dan-cchc")
				.containsAll(java.util.Arrays.asList(lists.split(" "))));
	}

}
