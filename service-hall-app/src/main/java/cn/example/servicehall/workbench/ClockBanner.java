package cn.example.servicehall.workbench;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Component;

import cn.example.servicehall.platform.time.ClockSettings;

/**
 * The banner at the top of every page while the hall's clock is moved for development or training
 * ({@code servicehall.clock.fixed} or {@code .offset}): nobody may take its times for real ones. Used from the layout
 * as {@code ${@clockBanner...}}.
 */
@Component("clockBanner")
class ClockBanner {

	private final ClockSettings settings;

	private final Clock clock;

	ClockBanner(ClockSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	/** Whether the banner is shown: the clock is fixed or shifted. */
	public boolean shown() {
		return this.settings.moved();
	}

	/** Whether the clock stands still. */
	public boolean fixed() {
		return this.settings.isFixed();
	}

	/** Whether a shifted clock is ahead of the real time (else behind). */
	public boolean ahead() {
		return this.settings.offset() != null && !this.settings.offset().isNegative();
	}

	/** How far a shifted clock is off, in days, hours and minutes. */
	public ClockLine.Amount offset() {
		long minutes = this.settings.offset() == null ? 0 : this.settings.offset().abs().toMinutes();
		return ClockLine.Amount.of((int) Math.min(Integer.MAX_VALUE, minutes), true);
	}

	/** The hall's time now. */
	public Instant now() {
		return this.clock.instant();
	}

}
