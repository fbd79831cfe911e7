package vn.bantin.radio;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.bantin.MutableClock;
import vn.bantin.content.Channel;
import vn.bantin.content.Priority;
import vn.bantin.content.TestItems;
import vn.bantin.publishing.Handover;
import vn.bantin.publishing.PublicationChannel;
import vn.bantin.publishing.PublicationStatus;
import vn.bantin.publishing.Publications;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The radio channel of the hand-over: a due radio publication is taken (published), and
 * taking it again changes nothing; an occurrence the lateness policy decided missed stays
 * missed and is never handed over.
 */
@RadioWebTest
class RadioChannelTests {

	@Autowired
	Handover handover;

	@Autowired
	Publications publications;

	@Autowired
	List<PublicationChannel> channels;

	@Autowired
	TestItems items;

	@Autowired
	MutableClock clock;

	Instant clockBefore;

	String item;

	@BeforeEach
	void aRadioItem() {
		this.clockBefore = this.clock.instant();
		this.clock.set(SimulatedRadioDayTests.vn("2027-02-15T05:00"));
		this.item = this.items.approvedNews("Tin phát thanh thử kênh", List.of(), List.of(), Priority.NORMAL, null,
				SimulatedRadioDayTests.vn("2027-02-15T23:00"), Set.of(Channel.RADIO));
	}

	@AfterEach
	void restoreClock() {
		this.clock.set(this.clockBefore);
	}

	@Test
	void aDueRadioPublicationIsTakenOnceAndAgainWithoutChange() throws Exception {
		Instant at = SimulatedRadioDayTests.vn("2027-02-15T06:00");
		long id = this.publications
			.record(this.item, Channel.RADIO, "*", at, new Publications.Origin("ban-tin-sang", null))
			.orElseThrow()
			.id();
		this.clock.set(at.plusSeconds(30));
		this.handover.run(this.clock.instant());
		Publications.PublicationView published = this.publications.find(id).orElseThrow();
		assertThat(published.status()).isEqualTo(PublicationStatus.PUBLISHED);

		PublicationChannel radio = this.channels.stream()
			.filter((channel) -> channel.channel() == Channel.RADIO)
			.findFirst()
			.orElseThrow();
		radio.publish(published);
		radio.publish(published);
		this.handover.run(this.clock.instant().plusSeconds(60));
		assertThat(this.publications.find(id).orElseThrow()).isEqualTo(published);
	}

	@Test
	void aRadioOccurrenceMoreThanFifteenMinutesLateStaysMissed() {
		Instant at = SimulatedRadioDayTests.vn("2027-02-15T17:00");
		long id = this.publications
			.record(this.item, Channel.RADIO, "*", at, new Publications.Origin("ban-tin-chieu", null))
			.orElseThrow()
			.id();
		this.clock.set(at.plus(Duration.ofMinutes(16)));
		this.handover.run(this.clock.instant());
		assertThat(this.publications.find(id).orElseThrow().status()).isEqualTo(PublicationStatus.MISSED);
		this.handover.run(this.clock.instant().plus(Duration.ofMinutes(5)));
		Publications.PublicationView missed = this.publications.find(id).orElseThrow();
		assertThat(missed.status()).isEqualTo(PublicationStatus.MISSED);
		assertThat(missed.publishedAt()).isNull();
		assertThat(missed.attempts()).isZero();
	}

}
