package cn.example.servicehall.documents.signing;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The development certificates are made on the hall's clock, which a test or a development clock may have moved days
 * ahead: whatever signs later on the real clock must still find them valid. So they are valid from well before the
 * moment they are made (a year), as well as for years after it.
 */
class DevelopmentCertificatesTest {

	@Test
	void areValidFromAYearBeforeTheClockTheyWereMadeOn() {
		Instant aheadOfRealTime = Instant.parse("2026-12-07T02:00:00Z");
		Certificates.Issued ca = Certificates.developmentCa(aheadOfRealTime);
		assertThat(ca.certificate().getNotBefore().toInstant())
			.isBeforeOrEqualTo(aheadOfRealTime.minus(Duration.ofDays(365)));
		assertThat(ca.certificate().getNotAfter().toInstant()).isAfter(aheadOfRealTime.plus(Duration.ofDays(3 * 365)));
	}

}
