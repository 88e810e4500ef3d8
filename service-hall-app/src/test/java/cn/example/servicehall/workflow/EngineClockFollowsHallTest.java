package cn.example.servicehall.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.example.servicehall.platform.time.ClockSettings;

/** The engine's clock moves as the hall's does: fixed, or ahead and ticking; and is the real time once the hall stops. */
class EngineClockFollowsHallTest {

	@AfterEach
	void realTime() {
		ClockUtil.reset();
	}

	@Test
	void theEnginesClockTicksAheadWithTheHalls() {
		EngineClockFollowsHall plugin = new EngineClockFollowsHall(new ClockSettings(null, Duration.ofDays(30)));
		plugin.preInit(null);

		Instant ahead = ClockUtil.now().toInstant();
		assertThat(Duration.between(Instant.now(), ahead)).isBetween(Duration.ofDays(30).minusSeconds(5),
				Duration.ofDays(30));
		await().atMost(Duration.ofSeconds(5)).until(() -> ClockUtil.now().toInstant().isAfter(ahead));

		plugin.destroy();
		assertThat(Duration.between(Instant.now(), ClockUtil.now().toInstant()).abs()).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void theEnginesClockStandsWithTheHalls() {
		OffsetDateTime fixed = OffsetDateTime.parse("2027-02-05T09:00:00+08:00");
		new EngineClockFollowsHall(new ClockSettings(fixed, null)).preInit(null);

		assertThat(ClockUtil.now().toInstant()).isEqualTo(fixed.toInstant());
	}

	@Test
	void withoutTheSettingTheEnginesClockIsLeftAlone() {
		ClockUtil.setCurrentTime(java.util.Date.from(Instant.parse("2026-03-02T01:00:00Z")));
		EngineClockFollowsHall plugin = new EngineClockFollowsHall(new ClockSettings(null, null));
		plugin.preInit(null);
		plugin.destroy();

		assertThat(ClockUtil.now().toInstant()).isEqualTo(Instant.parse("2026-03-02T01:00:00Z"));
	}

}
