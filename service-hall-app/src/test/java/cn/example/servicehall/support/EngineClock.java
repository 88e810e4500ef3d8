package cn.example.servicehall.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * In the integration tests the hall's clock is the engine's ({@link ClockUtil}): the system time, unless a test sets
 * the engine's clock ({@code ClockUtil.setCurrentTime}), which then moves the hall's case history, SLA clocks, task
 * creation and timers together. A test that sets it resets it ({@code ClockUtil.reset()}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class EngineClock {

	@Bean
	@Primary
	Clock engineClock(@Value("${servicehall.time-zone:Asia/Shanghai}") ZoneId zone) {
		return new Follower(zone);
	}

	/** A clock that reads the engine's current time. */
	static final class Follower extends Clock {

		private final ZoneId zone;

		Follower(ZoneId zone) {
			this.zone = zone;
		}

		@Override
		public ZoneId getZone() {
			return this.zone;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return new Follower(zone);
		}

		@Override
		public Instant instant() {
			return ClockUtil.now().toInstant();
		}

	}

}
