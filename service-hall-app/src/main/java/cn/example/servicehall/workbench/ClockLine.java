package cn.example.servicehall.workbench;

import java.util.Optional;

import cn.example.servicehall.sla.SlaClock;
import cn.example.servicehall.sla.SlaClocks;

/**
 * A line of the case page's time limits (办理时限): a clock as {@link SlaClocks#readCase} reads it, and its state in
 * words the page shows.
 *
 * @param reading the clock, its limit and the time it has counted
 * @param state {@code on-time} (正常), {@code due-soon} (即将到期), {@code overdue} (已超时), {@code paused} (暂停计时:
 * 补正中), {@code excluded} (暂停计时: 其他部门办理中), {@code met} (已完成: 按时), {@code breached} (已完成: 超时),
 * {@code uncounted} (已完成, counted once the calendar has the year it ran into) or {@code cancelled} (已取消)
 */
record ClockLine(SlaClocks.Reading reading, String state) {

	private static final String STEP = "step:";

	static ClockLine of(SlaClocks.Reading reading) {
		SlaClock clock = reading.clock();
		String state;
		if (clock.stoppedAt().isPresent()) {
			state = switch (clock.outcome().orElse("")) {
				case "" -> "uncounted";
				case "BREACHED" -> "breached";
				case "CANCELLED" -> "cancelled";
				default -> "met";
			};
		}
		else {
			state = switch (clock.colour()) {
				case RED -> "overdue";
				case YELLOW -> "due-soon";
				case SUSPENDED -> clock.paused() ? "paused" : "excluded";
				default -> "on-time";
			};
		}
		return new ClockLine(reading, state);
	}

	public SlaClock clock() {
		return this.reading.clock();
	}

	/** The step's task definition key ({@code Task_ReviewCredit}) for a step's clock, null for a span's. */
	public String step() {
		String definition = clock().definitionId();
		return definition.startsWith(STEP) ? definition.substring(STEP.length()) : null;
	}

	/** Whether the clock counts calendar time (日) rather than office hours. */
	public boolean calendarTime() {
		return "CALENDAR".equals(clock().basis());
	}

	/** The limit in minutes of its basis, for a clock whose configured limit has changed since it started. */
	public Amount limitAmount() {
		return Amount.of(clock().limitMinutes(), calendarTime());
	}

	/** The time counted so far (or at the stop), if it can be counted. */
	public Optional<Amount> elapsed() {
		return this.reading.elapsedMinutes().map(minutes -> Amount.of(minutes, calendarTime()));
	}

	/**
	 * A length of time in the parts the page names: days only for calendar time (an office day is not 24 hours).
	 * @param days whole days
	 * @param hours hours past them
	 * @param minutes minutes past them
	 */
	record Amount(int days, int hours, int minutes) {

		static Amount of(int totalMinutes, boolean withDays) {
			int days = withDays ? totalMinutes / (24 * 60) : 0;
			int rest = totalMinutes - days * 24 * 60;
			return new Amount(days, rest / 60, rest % 60);
		}

	}

}
