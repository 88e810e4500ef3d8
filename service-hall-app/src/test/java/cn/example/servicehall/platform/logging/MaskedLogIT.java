package cn.example.servicehall.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import cn.example.servicehall.ServiceHallIntegrationTest;

/** The hall's own log configuration, as it runs: whoever logs a resident ID or card number, it is written masked. */
@ServiceHallIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class MaskedLogIT {

	@Test
	void residentIdAndCardNumbersAreMaskedInMessagesAndStackTraces(CapturedOutput output) {
		LoggerFactory.getLogger("some.library").warn("refused applicant {} with card {}", "410802196602100536",
				"6212345678901234569", new IllegalStateException("applicant 410802196602100536 not found"));

		assertThat(output.getAll()).contains("refused applicant 410802********0536 with card 621234*********4569")
			.contains("IllegalStateException: applicant 410802********0536 not found")
			.doesNotContain("410802196602100536")
			.doesNotContain("6212345678901234569");
	}

}
