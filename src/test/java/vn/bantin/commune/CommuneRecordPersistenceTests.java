package vn.bantin.commune;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.bantin.H2Database;
import vn.bantin.PersistenceTest;
import vn.bantin.PostgresDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The commune's identity row keeps Vietnamese text exactly, on H2 and on PostgreSQL.
 */
class CommuneRecordPersistenceTests {

	private static final CommuneDetails HOANG_TRUNG = new CommuneDetails("UBND xã Hoằng Trung", "Hoằng Trung", "xã",
			List.of("huyện Hoằng Hóa", "tỉnh Thanh Hóa"), "xã Hoằng Trung, huyện Hoằng Hóa, tỉnh Thanh Hóa",
			"0237 3866 123", "ubnd.hoangtrung@thanhhoa.gov.vn", "https://hoangtrung.thanhhoa.gov.vn", "Chủ tịch",
			"Lê Văn Tý", "vi");

	@Nested
	@H2Database
	class OnH2 extends CommuneRecordChecks {

	}

	@Nested
	@PostgresDatabase
	class OnPostgres extends CommuneRecordChecks {

	}

	@PersistenceTest
	abstract static class CommuneRecordChecks {

		@Autowired
		CommuneRecordStore records;

		@Autowired
		TestEntityManager entities;

		@Autowired
		JdbcTemplate jdbc;

		@Test
		void identityRoundTripsVietnameseTextUnchanged() {
			Long id = this.records
				.save(new CommuneRecord("hoang-trung", ZoneId.of("Asia/Ho_Chi_Minh"), HOANG_TRUNG,
						Instant.parse("2025-01-02T03:04:05Z")))
				.id();
			this.entities.flush();
			this.entities.clear();

			CommuneDetails read = this.records.findById(id).orElseThrow().details();
			assertThat(read).isEqualTo(HOANG_TRUNG);
			assertThat(read.name()).isEqualTo("UBND xã Hoằng Trung");
			assertThat(read.parentUnits()).containsExactly("huyện Hoằng Hóa", "tỉnh Thanh Hóa");
			// stored as characters, not as bytes read in another encoding
			assertThat(
					this.jdbc.queryForObject("SELECT CHAR_LENGTH(name) FROM commune WHERE id = ?", Integer.class, id))
				.isEqualTo("UBND xã Hoằng Trung".length());
		}

		@Test
		void columnLengthsCountVietnameseLettersNotBytes() {
			// 200 letters, 600 bytes in UTF-8: fits name VARCHAR(200)
			String longName = "ằ".repeat(200);
			CommuneDetails details = new CommuneDetails(longName, HOANG_TRUNG.shortName(), HOANG_TRUNG.level(),
					HOANG_TRUNG.parentUnits(), HOANG_TRUNG.address(), HOANG_TRUNG.phone(), HOANG_TRUNG.email(),
					HOANG_TRUNG.websiteUrl(), HOANG_TRUNG.signerTitle(), HOANG_TRUNG.signerName(),
					HOANG_TRUNG.localeTag());
			Long id = this.records
				.save(new CommuneRecord("hoang-trung", ZoneId.of("Asia/Ho_Chi_Minh"), details,
						Instant.parse("2025-01-02T03:04:05Z")))
				.id();
			this.entities.flush();
			this.entities.clear();

			assertThat(this.records.findById(id).orElseThrow().details().name()).isEqualTo(longName);
		}

		@Test
		void databaseAllowsNoTwoCommunesWithTheSameKey() {
			this.records.saveAndFlush(new CommuneRecord("hoang-trung", ZoneId.of("Asia/Ho_Chi_Minh"), HOANG_TRUNG,
					Instant.parse("2025-01-02T03:04:05Z")));
			assertThatExceptionOfType(DataIntegrityViolationException.class)
				.isThrownBy(() -> this.records.saveAndFlush(new CommuneRecord("hoang-trung",
						ZoneId.of("Asia/Ho_Chi_Minh"), HOANG_TRUNG, Instant.parse("2025-01-02T03:04:05Z"))));
		}

		@Test
		void databaseAllowsNoHostNameForTwoCommunes() {
			this.jdbc.update("INSERT INTO commune_host (host, commune_id) VALUES ('hoangtrung.example.vn', 1)");
			assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> this.jdbc
				.update("INSERT INTO commune_host (host, commune_id) VALUES ('hoangtrung.example.vn', 1)"));
		}

	}

}
