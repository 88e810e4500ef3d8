package cn.example.servicehall.platform.time;

import java.time.Duration;
import java.time.OffsetDateTime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * A moved clock, for development only (refused elsewhere, see {@link DevelopmentClockOnly}): so that a clerk in
 * training or a tester can see what the hall does on another day, e.g. due dates across the Spring Festival. The
 * hall's clock and the engine's (timers, due dates, history) move together; every page says so in a banner.
 *
 * @param fixed the time the hall's clock stands still at, e.g. {@code 2027-02-05T09:00:00+08:00}
 * ({@code SERVICEHALL_CLOCK_FIXED})
 * @param offset how far the hall's clock is ahead of the real time (behind when negative), ticking on, e.g.
 * {@code P30D} or {@code -PT2H} ({@code SERVICEHALL_CLOCK_OFFSET})
 */
@ConfigurationProperties("servicehall.clock")
public record ClockSettings(OffsetDateTime fixed, Duration offset) {

	/** Whether the hall's clock is not the real time. */
	public boolean moved() {
		return this.fixed != null || (this.offset != null && !this.offset.isZero());
	}

	/** Whether the clock stands still (rather than ticking ahead or behind). */
	public boolean isFixed() {
		return this.fixed != null;
	}

}
