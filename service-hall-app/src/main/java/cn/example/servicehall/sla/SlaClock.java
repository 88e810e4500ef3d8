package cn.example.servicehall.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;

import cn.example.servicehall.intake.Agency;

/**
 * A clock as pages and the API show it.
 *
 * @param id its id
 * @param caseNo the case
 * @param definitionId {@code step:Task_ReviewCredit} or a span's id
 * @param name the step's name in its model (银行信贷审查) or the span's (审批至放款)
 * @param kind STEP or SPAN
 * @param agency whose clock
 * @param taskId a step's task
 * @param basis WORKING (working time) or CALENDAR
 * @param limitMinutes the limit in minutes of its basis
 * @param startedAt when it started
 * @param yellowAt when it turns yellow, unless suspended
 * @param dueAt when its limit passes, unless suspended
 * @param paused waiting on the citizen
 * @param excluded in another agency's stretch
 * @param stoppedAt when it stopped
 * @param outcome MET, BREACHED or CANCELLED, once stopped; empty for a clock that stopped while the calendar lacked a
 * year it ran through, until that year is entered and it is counted
 * @param elapsedMinutes the counted time, once stopped (and counted)
 * @param colour its colour now
 */
public record SlaClock(long id, String caseNo, String definitionId, String name, String kind, Agency agency,
		String taskId, String basis, int limitMinutes, OffsetDateTime startedAt, Optional<OffsetDateTime> yellowAt,
		Optional<OffsetDateTime> dueAt, boolean paused, boolean excluded, Optional<OffsetDateTime> stoppedAt,
		Optional<String> outcome, Optional<Integer> elapsedMinutes, Colour colour) {

	/** A clock's colour: on time, at 80 %, past its limit, suspended, or ended without counting. */
	public enum Colour {

		GREEN, YELLOW, RED, SUSPENDED, CANCELLED

	}

	static SlaClock of(ResultSet rs, OffsetDateTime now) throws SQLException {
		Optional<OffsetDateTime> yellow = Optional.ofNullable(rs.getObject("yellow_at", OffsetDateTime.class));
		Optional<OffsetDateTime> due = Optional.ofNullable(rs.getObject("due_at", OffsetDateTime.class));
		Optional<OffsetDateTime> stopped = Optional.ofNullable(rs.getObject("stopped_at", OffsetDateTime.class));
		Optional<String> outcome = Optional.ofNullable(rs.getString("outcome"));
		boolean paused = rs.getBoolean("paused");
		boolean excluded = rs.getBoolean("excluded");
		Colour colour;
		if (stopped.isPresent()) {
			colour = switch (outcome.orElse("MET")) {
				case "BREACHED" -> Colour.RED;
				case "CANCELLED" -> Colour.CANCELLED;
				default -> "YELLOW".equals(rs.getString("escalation")) ? Colour.YELLOW : Colour.GREEN;
			};
		}
		else if (paused || excluded) {
			colour = Colour.SUSPENDED;
		}
		else if (due.isPresent() && !now.isBefore(due.get())) {
			colour = Colour.RED;
		}
		else if (yellow.isPresent() && !now.isBefore(yellow.get())) {
			colour = Colour.YELLOW;
		}
		else {
			colour = Colour.GREEN;
		}
		String definition = rs.getString("definition_id");
		Optional<Integer> elapsed = Optional.ofNullable(rs.getObject("elapsed_minutes", Integer.class));
		return new SlaClock(rs.getLong("id"), rs.getString("case_no"), definition, rs.getString("name"),
				rs.getString("kind"), Agency.valueOf(rs.getString("agency")), rs.getString("task_id"),
				rs.getString("basis"), rs.getInt("limit_minutes"), rs.getObject("started_at", OffsetDateTime.class),
				yellow, due, paused, excluded, stopped, outcome, elapsed, colour);
	}

}
