package cn.example.servicehall.platform.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import cn.example.servicehall.ServiceHallApplication;

/**
 * The development setting that moves the hall's clock: read from the environment, fixed or ticking ahead, and refused
 * (the hall does not start, and says why) outside development.
 */
@ExtendWith(OutputCaptureExtension.class)
class MovedClockTest {

	private static final ZoneId HALL = ZoneId.of("Asia/Shanghai");

	@Test
	void aShiftedClockIsAheadOfTheRealTimeAndKeepsTicking() {
		Clock clock = ClockConfiguration.of(settings(Map.of("SERVICEHALL_CLOCK_OFFSET", "P30D")), HALL);

		Instant before = Instant.now().plus(Duration.ofDays(30));
		Instant shifted = clock.instant();
		Instant after = Instant.now().plus(Duration.ofDays(30));
		assertThat(shifted).isBetween(before, after);
		assertThat(clock.getZone()).isEqualTo(HALL);
		await().atMost(Duration.ofSeconds(5)).until(() -> clock.instant().isAfter(shifted));
	}

	@Test
	void aFixedClockStandsAtItsTime() {
		ClockSettings settings = settings(Map.of("SERVICEHALL_CLOCK_FIXED", "2027-02-05T09:00:00+08:00"));
		Clock clock = ClockConfiguration.of(settings, HALL);

		assertThat(settings.fixed()).isEqualTo(OffsetDateTime.parse("2027-02-05T09:00:00+08:00"));
		assertThat(clock.instant()).isEqualTo(Instant.parse("2027-02-05T01:00:00Z"));
		assertThat(ClockConfiguration.of(settings(Map.of()), HALL).instant())
			.isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(Duration.ofSeconds(5)));
	}

	@Test
	void theHallRefusesToStartWithAMovedClockOutsideDevelopment(CapturedOutput output) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource("production",
					Map.of("SERVICEHALL_CLOCK_OFFSET", "P30D", "SERVICEHALL_DOCUMENTS_KEYS_MODE", "keystore")));

		assertThatThrownBy(() -> new SpringApplicationBuilder(ServiceHallApplication.class).environment(environment)
			.profiles("test")
			.run()
			.close()).hasMessageContaining("servicehall.clock.offset (SERVICEHALL_CLOCK_OFFSET) moves the hall's clock")
			.hasMessageContaining("only a hall in development may do");
		assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START")
			.contains("servicehall.documents.keys.mode=keystore")
			.contains("Remove servicehall.clock.offset (SERVICEHALL_CLOCK_OFFSET) to start this hall");
	}

	/** The settings as the hall binds them from environment variables. */
	private static ClockSettings settings(Map<String, Object> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("variables", variables));
		return Binder.get(environment).bind("servicehall.clock", ClockSettings.class).orElse(new ClockSettings(null, null));
	}

}
