package cn.example.servicehall.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.example.servicehall.calendar.CalendarYearMissing;
import cn.example.servicehall.calendar.WorkingCalendar;
import cn.example.servicehall.intake.Agency;
import cn.example.servicehall.intake.CaseFiles;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.intake.CaseStepRecorded;

/**
 * The SLA clocks (时限计时) of cases. A step's clock runs while its user task is open, for the agency that does it; a
 * span's clock runs from one line of the case's history to another (approval to disbursement), for the agency
 * answerable for it. Each counts working time by the hall's calendar and office hours (or calendar days, for the
 * statutory limits that say 日), is suspended while the case waits on the citizen (补正) and during stretches that are
 * another agency's part, turns yellow at 80 % of its limit and red when the limit passes. Every change is recorded in
 * {@code sla_event}; a breach notifies the agency's managers.
 * <p>
 * Clocks count whole minutes from the minute they start. A limit in working days ends at the close of office on its
 * last day, one in calendar days at the end of its last day (23:59:59 in the hall's time zone). While the calendar
 * lacks a year a clock runs into, the clock runs without a due time (and a clock stopped then waits to be counted);
 * nothing a case does fails for it. The administrator is warned once ({@link WorkingCalendar#warnMissing}), and the
 * escalation run after the year is entered gives every such clock its due time and count.
 */
@Service
public class SlaClocks {

	private static final Logger log = LoggerFactory.getLogger(SlaClocks.class);

	private static final String MISSING_MATERIALS = CaseFiles.MISSING_MATERIALS_NOTIFIED;

	private static final String MATERIALS_BACK = CaseFiles.MATERIALS_SUPPLEMENTED;

	/** A step's clock is defined as {@code step:} and the task definition key. */
	private static final String STEP_PREFIX = "step:";

	private final JdbcClient jdbc;

	private final WorkingCalendar calendar;

	private final SlaLimits limits;

	private final CaseSpans spans;

	private final CaseFiles cases;

	private final SlaNotices notices;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	/** The stages this node has written to sla_definition as they are configured now. */
	private final java.util.concurrent.ConcurrentMap<String, Definition> defined = new java.util.concurrent.ConcurrentHashMap<>();

	SlaClocks(JdbcClient jdbc, WorkingCalendar calendar, SlaLimits limits, CaseSpans spans, CaseFiles cases,
			SlaNotices notices, Clock clock, ApplicationEventPublisher events) {
		this.spans = spans;
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.limits = limits;
		this.cases = cases;
		this.notices = notices;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * A step of a case opened (a user task was created): its agency's clock starts.
	 * @param caseNo the case
	 * @param processKey the key of the step's process definition, e.g. {@code ResaleLoanProcess}
	 * @param step the task definition key, e.g. {@code Task_ReviewCredit}
	 * @param name the step's name in the model, e.g. 银行信贷审查
	 * @param taskId the task
	 * @return when the step is due; empty when the calendar lacks the year it runs into (the administrator is told)
	 */
	@Transactional
	public Optional<OffsetDateTime> startStep(CaseNo caseNo, String processKey, String step, String name, String taskId) {
		SlaLimits.StepLimit configured = this.limits.step(processKey, step);
		SlaLimits.Step limit = configured.step();
		String stepName = name == null || name.isBlank() ? step : name;
		OffsetDateTime now = now();
		Timing timing = timing(now, limit.limit(), limit.unit());
		define(new Definition(stepDefinition(configured.id()), stepName, "STEP", limit.agency().name(),
				limit.unit().name(), limit.limit()));
		long id = this.jdbc.sql("""
				insert into sla_clock (case_no, definition_id, name, kind, agency, task_id, branch, basis, limit_minutes,
				                       limit_amount, unit, resolution_minutes, started_at, yellow_at, due_at)
				values (:caseNo, :definition, :name, 'STEP', :agency, :taskId, :branch, :basis, :limit, :amount, :unit,
				        :resolution, :now, :yellow, :due)
				returning id""")
			.param("caseNo", caseNo.value())
			.param("definition", stepDefinition(configured.id()))
			.param("name", stepName)
			.param("agency", limit.agency().name())
			.param("taskId", taskId)
			.param("branch", this.cases.branchOf(caseNo))
			.param("basis", basis(limit.unit()))
			.param("limit", timing.limitMinutes())
			.param("amount", limit.limit())
			.param("unit", limit.unit().name())
			.param("resolution", limit.unit().resolutionMinutes(this.calendar.officeDay()))
			.param("now", now)
			.param("yellow", timing.yellowAt())
			.param("due", timing.dueAt())
			.query(Long.class)
			.single();
		event(id, caseNo.value(), "STARTED", now, timing.problem());
		return Optional.ofNullable(timing.dueAt());
	}

	/** A step closed: completed (counted against its limit) or cancelled with the case (not counted). */
	@Transactional
	public void stopStep(String taskId, boolean completed) {
		this.jdbc.sql("select * from sla_clock where task_id = ? and stopped_at is null for update")
			.param(taskId)
			.query(OpenClock::of)
			.optional()
			.ifPresent(open -> stop(open, now(), completed));
	}

	/** The case's history moved on: spans start, stop, pause, resume or leave an excluded stretch. */
	@EventListener
	@Transactional
	public void onCaseStep(CaseStepRecorded step) {
		String caseNo = step.caseNo().value();
		OffsetDateTime at = step.at();
		List<OpenClock> open = this.jdbc.sql("select * from sla_clock where case_no = ? and stopped_at is null for update")
			.param(caseNo)
			.query(OpenClock::of)
			.list();
		for (OpenClock clock : open) {
			if (clock.kind().equals("SPAN")) {
				Optional<SlaLimits.Span> span = this.spans.span(clock.definitionId());
				if (span.isEmpty()) {
					continue;
				}
				String action = step.action();
				String status = step.status().name();
				if (SlaLimits.matchesAny(span.get().to(), action, status)) {
					stop(clock, at, true);
					continue;
				}
				if (SlaLimits.matchesAny(span.get().cancelledBy(), action, status)) {
					stop(clock, at, false);
					continue;
				}
				for (SlaLimits.Stretch stretch : span.get().excluding()) {
					if (SlaLimits.matches(stretch.from(), action, status)) {
						suspend(clock, at, Reason.EXCLUDED);
					}
					else if (SlaLimits.matches(stretch.to(), action, status)) {
						resume(clock, at, Reason.EXCLUDED);
					}
				}
				if (span.get().pauseWhileAwaitingCitizen() && MISSING_MATERIALS.equals(step.action())) {
					suspend(clock, at, Reason.PAUSED);
				}
				else if (span.get().pauseWhileAwaitingCitizen() && MATERIALS_BACK.equals(step.action())) {
					resume(clock, at, Reason.PAUSED);
				}
			}
			else if (step.status().isClosed()) {
				stop(clock, at, false);
			}
		}
		for (SlaLimits.Span span : this.spans.startedBy(step.serviceType(), step.serviceVariant(), step.action(),
				step.status().name())) {
			boolean running = open.stream().anyMatch(c -> c.definitionId().equals(span.id()) && c.stoppedAt() == null);
			if (!running) {
				startSpan(step, span);
			}
		}
	}

	/**
	 * 预警与超时: turns the clocks that reached 80 % of their limit yellow and those past it red, notifying the
	 * agency's managers of each breach; fills in the due times of clocks that ran into a year not yet in the calendar
	 * (an open step's task gets its due date: {@link StepDueTimeSet}), and counts the clocks that stopped then. Run by
	 * the job executor every minute ({@code bpmn/sla/sla-escalation.bpmn}); several nodes never escalate the same
	 * clock twice.
	 * @return how many clocks turned yellow and red
	 */
	@Transactional
	public Escalation escalate() {
		OffsetDateTime now = now();
		int completed = completeMissingDeadlines(now) + countStoppedClocks();
		List<Escalated> yellow = this.jdbc.sql("""
				update sla_clock set escalation = 'YELLOW'
				 where id in (select id from sla_clock
				               where stopped_at is null and escalation = 'GREEN' and yellow_at <= :now
				                 and (due_at is null or due_at > :now)
				               for update skip locked)
				returning id, case_no""")
			.param("now", now)
			.query(Escalated.class)
			.list();
		for (Escalated clock : yellow) {
			event(clock.id(), clock.caseNo(), "YELLOW", now, null);
		}
		List<Escalated> red = this.jdbc.sql("""
				update sla_clock set escalation = 'RED'
				 where id in (select id from sla_clock
				               where stopped_at is null and escalation <> 'RED' and due_at <= :now
				               for update skip locked)
				returning id, case_no""")
			.param("now", now)
			.query(Escalated.class)
			.list();
		for (Escalated clock : red) {
			event(clock.id(), clock.caseNo(), "RED", now, null);
			breached(clock.id());
		}
		if (!yellow.isEmpty() || !red.isEmpty() || completed > 0) {
			log.info("SLA escalation at {}: {} yellow, {} red, {} clocks given their due times", now, yellow.size(),
					red.size(), completed);
		}
		return new Escalation(yellow.size(), red.size());
	}

	/** A clock an escalation run changed. */
	private record Escalated(long id, String caseNo) {
	}

	/**
	 * What an escalation run did.
	 * @param yellow clocks turned yellow
	 * @param red clocks turned red
	 */
	public record Escalation(int yellow, int red) {
	}

	/** The case's clocks, oldest first, each with its colour now. */
	public List<SlaClock> ofCase(CaseNo caseNo) {
		OffsetDateTime now = now();
		return this.jdbc.sql("select * from sla_clock where case_no = ? order by started_at, id")
			.param(caseNo.value())
			.query((rs, row) -> SlaClock.of(rs, now))
			.list();
	}

	/**
	 * A clock as the case page reads it now.
	 * @param clock the clock, with its colour now
	 * @param limit its limit as configured (5 working days, 2 working hours, 15 days), when that is the limit the
	 * clock was started with; empty when the configuration has changed since, and only {@code limitMinutes} holds
	 * @param elapsedMinutes the time counted against the limit so far, in minutes of its basis (suspensions not
	 * counted; for a stopped clock, at its stop); empty while the calendar lacks a year the count runs through
	 */
	public record Reading(SlaClock clock, Optional<Limit> limit, Optional<Integer> elapsedMinutes) {
	}

	/**
	 * A limit as configured.
	 * @param amount how many units
	 * @param unit the unit
	 */
	public record Limit(int amount, SlaLimits.Unit unit) {
	}

	/** The case's clocks, oldest first, each with its limit as configured and the time it has counted until now. */
	public List<Reading> readCase(CaseNo caseNo) {
		OffsetDateTime now = now();
		return this.jdbc.sql("select * from sla_clock where case_no = ? order by started_at, id")
			.param(caseNo.value())
			.query((rs, row) -> {
				SlaClock clock = SlaClock.of(rs, now);
				Optional<Integer> elapsed = clock.elapsedMinutes();
				if (clock.stoppedAt().isEmpty()) {
					OffsetDateTime since = rs.getObject("suspended_since", OffsetDateTime.class);
					elapsed = countedSoFar(clock, since != null ? since : now, rs.getInt("suspended_minutes"));
				}
				return new Reading(clock, configuredLimit(clock), elapsed);
			})
			.list();
	}

	private Optional<Integer> countedSoFar(SlaClock clock, OffsetDateTime until, int suspendedMinutes) {
		try {
			return Optional.of(Math.max(0, counted(clock.basis(), clock.startedAt(), until) - suspendedMinutes));
		}
		catch (CalendarYearMissing ex) {
			return Optional.empty();
		}
	}

	/** The configured limit of the clock's step or span, if it gives the clock's own limit from its start. */
	private Optional<Limit> configuredLimit(SlaClock clock) {
		Optional<Limit> configured;
		if (clock.definitionId().startsWith(STEP_PREFIX)) {
			SlaLimits.Step step = this.limits.step(clock.definitionId().substring(STEP_PREFIX.length()));
			configured = Optional.of(new Limit(step.limit(), step.unit()));
		}
		else {
			configured = this.spans.span(clock.definitionId()).map(span -> new Limit(span.limit(), span.unit()));
		}
		return configured.filter(limit -> {
			try {
				return limitMinutes(clock.startedAt(), limit.amount(), limit.unit()) == clock.limitMinutes()
						&& basis(limit.unit()).equals(clock.basis());
			}
			catch (CalendarYearMissing ex) {
				// started without the calendar: the clock holds the fallback of whole office days
				return limit.unit() == SlaLimits.Unit.WORKING_DAYS
						&& limit.amount() * (int) this.calendar.officeDay().toMinutes() == clock.limitMinutes();
			}
		});
	}

	/** The colour of each open task's clock now, by task id (tasks without a clock are left out). */
	public Map<String, SlaClock.Colour> colourOfTasks(Collection<String> taskIds) {
		Map<String, SlaClock.Colour> colours = new HashMap<>();
		if (taskIds.isEmpty()) {
			return colours;
		}
		OffsetDateTime now = now();
		this.jdbc.sql("select * from sla_clock where task_id in (:ids)")
			.param("ids", taskIds)
			.query((rs, row) -> SlaClock.of(rs, now))
			.list()
			.forEach(c -> colours.put(c.taskId(), c.colour()));
		return colours;
	}

	/** A stage as configured now, for the dashboard's table. */
	private record Definition(String id, String name, String kind, String agency, String unit, int limit) {
	}

	/** Records the stage's name, agency and limit, when this node has not written them as they are now. */
	private void define(Definition definition) {
		if (definition.equals(this.defined.get(definition.id()))) {
			return;
		}
		this.jdbc.sql("""
				insert into sla_definition (definition_id, name, kind, agency, unit, limit_amount, updated_at)
				values (:id, :name, :kind, :agency, :unit, :limit, :at)
				on conflict (definition_id) do update
				   set name = excluded.name, kind = excluded.kind, agency = excluded.agency, unit = excluded.unit,
				       limit_amount = excluded.limit_amount, updated_at = excluded.updated_at
				 where (sla_definition.name, sla_definition.agency, sla_definition.unit, sla_definition.limit_amount)
				       is distinct from (excluded.name, excluded.agency, excluded.unit, excluded.limit_amount)""")
			.param("id", definition.id())
			.param("name", definition.name())
			.param("kind", definition.kind())
			.param("agency", definition.agency())
			.param("unit", definition.unit())
			.param("limit", definition.limit())
			.param("at", now())
			.update();
		if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
			org.springframework.transaction.support.TransactionSynchronizationManager
				.registerSynchronization(new org.springframework.transaction.support.TransactionSynchronization() {
					@Override
					public void afterCommit() {
						SlaClocks.this.defined.put(definition.id(), definition);
					}
				});
		}
	}

	static String stepDefinition(String step) {
		return STEP_PREFIX + step;
	}

	// ------------------------------------------------------------------------------------------------------------

	private void startSpan(CaseStepRecorded step, SlaLimits.Span span) {
		Timing timing = timing(step.at(), span.limit(), span.unit());
		define(new Definition(span.id(), span.name(), "SPAN", span.agency().name(), span.unit().name(), span.limit()));
		// a stretch that begins where the span begins (another agency's part first) suspends it from the start
		boolean excluded = span.excluding()
			.stream()
			.anyMatch(stretch -> SlaLimits.matches(stretch.from(), step.action(), step.status().name()));
		long id = this.jdbc.sql("""
				insert into sla_clock (case_no, definition_id, name, kind, agency, branch, basis, limit_minutes,
				                       limit_amount, unit, resolution_minutes, started_at, yellow_at, due_at, excluded,
				                       suspended_since)
				values (:caseNo, :definition, :name, 'SPAN', :agency, :branch, :basis, :limit, :amount, :unit,
				        :resolution, :at, :yellow, :due, :excluded, :since)
				returning id""")
			.param("caseNo", step.caseNo().value())
			.param("definition", span.id())
			.param("name", span.name())
			.param("agency", span.agency().name())
			.param("branch", step.branch())
			.param("basis", basis(span.unit()))
			.param("limit", timing.limitMinutes())
			.param("amount", span.limit())
			.param("unit", span.unit().name())
			.param("resolution", span.unit().resolutionMinutes(this.calendar.officeDay()))
			.param("at", step.at())
			.param("yellow", excluded ? null : timing.yellowAt())
			.param("due", excluded ? null : timing.dueAt())
			.param("excluded", excluded)
			.param("since", excluded ? step.at() : null)
			.query(Long.class)
			.single();
		event(id, step.caseNo().value(), "STARTED", step.at(), timing.problem());
		if (excluded) {
			event(id, step.caseNo().value(), "EXCLUDED", step.at(), null);
		}
	}

	private void stop(OpenClock clock, OffsetDateTime at, boolean counted) {
		Count count;
		try {
			count = count(clock, at, true);
		}
		catch (CalendarYearMissing ex) {
			// stopped; counted against its limit once the year is entered (countStoppedClocks)
			this.jdbc.sql("""
					update sla_clock set stopped_at = :at, outcome = :outcome, paused = false, excluded = false
					 where id = :id""")
				.param("at", at)
				.param("outcome", counted ? null : "CANCELLED")
				.param("id", clock.id())
				.update();
			event(clock.id(), clock.caseNo(), counted ? "STOPPED" : "CANCELLED", at, missing(ex));
			return;
		}
		record(clock, at, counted, count);
	}

	/** Writes a stopped clock's count: its outcome, the time counted and the due time it had. */
	private void record(OpenClock clock, OffsetDateTime at, boolean counted, Count count) {
		String outcome = !counted ? "CANCELLED" : count.elapsed() <= count.limit() ? "MET" : "BREACHED";
		boolean later = clock.stoppedAt() != null; // stopped while the calendar lacked a year, counted now
		this.jdbc.sql("""
				update sla_clock set stopped_at = :at, outcome = :outcome, elapsed_minutes = :elapsed,
				       limit_minutes = :limit, suspended_minutes = :suspended, suspended_since = null, paused = false,
				       excluded = false, yellow_at = coalesce(yellow_at, :yellow), due_at = coalesce(due_at, :due)
				 where id = :id""")
			.param("at", at)
			.param("outcome", outcome)
			.param("elapsed", count.elapsed())
			.param("limit", count.limit())
			.param("suspended", count.suspended())
			.param("yellow", later ? count.yellowAt() : null)
			.param("due", later ? count.dueAt() : null)
			.param("id", clock.id())
			.update();
		if (!later) {
			event(clock.id(), clock.caseNo(), counted ? "STOPPED" : "CANCELLED", at, outcome + ", " + count.elapsed()
					+ " / " + count.limit() + " min");
		}
		if ("BREACHED".equals(outcome) && !"RED".equals(clock.escalation())) {
			this.jdbc.sql("update sla_clock set escalation = 'RED' where id = ?").param(clock.id()).update();
			event(clock.id(), clock.caseNo(), "RED", at, "breached at the stop");
			breached(clock.id());
		}
	}

	private enum Reason {

		PAUSED, EXCLUDED

	}

	private void suspend(OpenClock clock, OffsetDateTime at, Reason reason) {
		boolean paused = clock.paused() || reason == Reason.PAUSED;
		boolean excluded = clock.excluded() || reason == Reason.EXCLUDED;
		if (paused == clock.paused() && excluded == clock.excluded()) {
			return;
		}
		OffsetDateTime since = clock.suspendedSince() != null ? clock.suspendedSince() : at;
		this.jdbc.sql("""
				update sla_clock set paused = :paused, excluded = :excluded, suspended_since = :since, yellow_at = null,
				       due_at = null where id = :id""")
			.param("paused", paused)
			.param("excluded", excluded)
			.param("since", since)
			.param("id", clock.id())
			.update();
		event(clock.id(), clock.caseNo(), reason == Reason.PAUSED ? "PAUSED" : "EXCLUDED", at, null);
	}

	private void resume(OpenClock clock, OffsetDateTime at, Reason reason) {
		boolean paused = clock.paused() && reason != Reason.PAUSED;
		boolean excluded = clock.excluded() && reason != Reason.EXCLUDED;
		if (paused == clock.paused() && excluded == clock.excluded()) {
			return;
		}
		event(clock.id(), clock.caseNo(), reason == Reason.PAUSED ? "RESUMED" : "INCLUDED", at, null);
		if (paused || excluded) {
			this.jdbc.sql("update sla_clock set paused = ?, excluded = ? where id = ?")
				.params(paused, excluded, clock.id())
				.update();
			return;
		}
		Count count;
		try {
			count = count(clock, at, false);
		}
		catch (CalendarYearMissing ex) {
			// runs on without a due time until the year is entered (completeMissingDeadlines)
			missing(ex);
			this.jdbc.sql("""
					update sla_clock set paused = false, excluded = false, suspended_since = null, yellow_at = null,
					       due_at = null where id = ?""")
				.param(clock.id())
				.update();
			return;
		}
		this.jdbc.sql("""
				update sla_clock set paused = false, excluded = false, suspended_since = null,
				       suspended_minutes = :suspended, limit_minutes = :limit, yellow_at = :yellow, due_at = :due
				 where id = :id""")
			.param("suspended", count.suspended())
			.param("limit", count.limit())
			.param("yellow", count.yellowAt())
			.param("due", count.dueAt())
			.param("id", clock.id())
			.update();
	}

	/**
	 * Running clocks without a due time (their year was not in the calendar) get it once the year is; an open step's
	 * task gets it as its due date.
	 */
	private int completeMissingDeadlines(OffsetDateTime now) {
		List<OpenClock> waiting = this.jdbc.sql("""
				select * from sla_clock where stopped_at is null and due_at is null and suspended_since is null
				for update skip locked""")
			.query(OpenClock::of)
			.list();
		int completed = 0;
		for (OpenClock clock : waiting) {
			Count count;
			try {
				count = count(clock, now, false);
			}
			catch (CalendarYearMissing ex) {
				missing(ex); // still missing: warned once, and the start page says so
				continue;
			}
			if (count.points() == null) {
				continue;
			}
			this.jdbc.sql("""
					update sla_clock set limit_minutes = :limit, suspended_minutes = :suspended, yellow_at = :yellow,
					       due_at = :due where id = :id""")
				.param("limit", count.limit())
				.param("suspended", count.suspended())
				.param("yellow", count.yellowAt())
				.param("due", count.dueAt())
				.param("id", clock.id())
				.update();
			if (clock.taskId() != null) {
				this.events.publishEvent(new StepDueTimeSet(new CaseNo(clock.caseNo()), clock.taskId(), count.dueAt()));
			}
			completed++;
		}
		return completed;
	}

	/** Clocks that stopped while the calendar lacked a year they ran through are counted once it has it. */
	private int countStoppedClocks() {
		List<OpenClock> stopped = this.jdbc.sql("""
				select * from sla_clock where stopped_at is not null and outcome is null for update skip locked""")
			.query(OpenClock::of)
			.list();
		int counted = 0;
		for (OpenClock clock : stopped) {
			try {
				record(clock, clock.stoppedAt(), true, count(clock, clock.stoppedAt(), true));
				counted++;
			}
			catch (CalendarYearMissing ex) {
				missing(ex);
			}
		}
		return counted;
	}

	private void breached(long clockId) {
		this.notices.breached(clockId);
	}

	private void event(long clockId, String caseNo, String kind, OffsetDateTime at, String detail) {
		this.jdbc.sql("""
				insert into sla_event (clock_id, case_no, kind, occurred_at, detail) values (?, ?, ?, ?, ?)""")
			.params(clockId, caseNo, kind, at, detail)
			.update();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock);
	}

	// ---- time arithmetic -----------------------------------------------------------------------------------------

	/**
	 * A clock's limit in minutes of its basis and the two points it reaches, from its start.
	 * @param problem why the points are missing (the calendar lacks a year), else null
	 */
	private record Timing(int limitMinutes, OffsetDateTime yellowAt, OffsetDateTime dueAt, String problem) {
	}

	private record Points(OffsetDateTime yellowAt, OffsetDateTime dueAt) {
	}

	/**
	 * A clock counted at a moment: its limit, the time it was suspended, the time counted against the limit, and its
	 * points with those suspensions (null while they run into a year the calendar lacks).
	 */
	private record Count(int limit, int suspended, int elapsed, Points points) {

		OffsetDateTime yellowAt() {
			return this.points == null ? null : this.points.yellowAt();
		}

		OffsetDateTime dueAt() {
			return this.points == null ? null : this.points.dueAt();
		}

	}

	private Timing timing(OffsetDateTime start, int amount, SlaLimits.Unit unit) {
		int limitMinutes;
		try {
			limitMinutes = limitMinutes(start, amount, unit);
		}
		catch (CalendarYearMissing ex) {
			// a stand-in until the year is entered: the limit is counted again then (limit_amount)
			return new Timing(amount * (int) this.calendar.officeDay().toMinutes(), null, null, missing(ex));
		}
		try {
			Points points = points(basis(unit), start, limitMinutes, 0);
			return new Timing(limitMinutes, points.yellowAt(), points.dueAt(), null);
		}
		catch (CalendarYearMissing ex) {
			return new Timing(limitMinutes, null, null, missing(ex));
		}
	}

	/** Warns (once) that the calendar lacks a year, and says so for the clock's record. */
	private String missing(CalendarYearMissing ex) {
		this.calendar.warnMissing(ex);
		return "工作日历缺少 " + ex.year() + " 年，暂无到期时间";
	}

	/**
	 * The clock counted at {@code at}: its limit (counted again from its start, for a limit in working days that may
	 * have started without the calendar), its suspensions from its events, when {@code stopping} the time counted
	 * against the limit, and its points if the calendar has the years they fall in.
	 * @throws CalendarYearMissing if the limit, the suspensions or the time counted run through a year without data
	 */
	private Count count(OpenClock clock, OffsetDateTime at, boolean stopping) {
		int limit = clock.limitMinutes();
		if (clock.limitAmount() != null && "WORKING_DAYS".equals(clock.unit())) {
			limit = limitMinutes(clock.startedAt(), clock.limitAmount(), SlaLimits.Unit.WORKING_DAYS);
		}
		int suspended = suspendedMinutes(clock, at);
		int elapsed = stopping ? Math.max(0, counted(clock.basis(), clock.startedAt(), at) - suspended) : 0;
		Points points;
		try {
			points = points(clock.basis(), clock.startedAt(), limit, suspended);
		}
		catch (CalendarYearMissing ex) {
			missing(ex);
			points = null;
		}
		return new Count(limit, suspended, elapsed, points);
	}

	/**
	 * The minutes of its basis the clock was suspended until {@code until}, from its events (a suspension the calendar
	 * could not count when it ended is counted here once it can).
	 */
	private int suspendedMinutes(OpenClock clock, OffsetDateTime until) {
		List<Change> changes = this.jdbc.sql("""
				select kind, occurred_at from sla_event
				 where clock_id = ? and kind in ('PAUSED', 'RESUMED', 'EXCLUDED', 'INCLUDED') order by id""")
			.param(clock.id())
			.query(Change.class)
			.list();
		boolean paused = false;
		boolean excluded = false;
		OffsetDateTime since = null;
		int suspended = 0;
		for (Change change : changes) {
			switch (change.kind()) {
				case "PAUSED" -> paused = true;
				case "RESUMED" -> paused = false;
				case "EXCLUDED" -> excluded = true;
				default -> excluded = false;
			}
			if ((paused || excluded) && since == null) {
				since = change.occurredAt();
			}
			else if (!paused && !excluded && since != null) {
				suspended += counted(clock.basis(), since, change.occurredAt());
				since = null;
			}
		}
		if (since != null && until.isAfter(since)) {
			suspended += counted(clock.basis(), since, until);
		}
		return suspended;
	}

	/** A line of a clock's history that suspends or resumes it. */
	private record Change(String kind, OffsetDateTime occurredAt) {
	}

	/**
	 * A limit in minutes of its basis for a clock starting at {@code start}: for working days to the close of office
	 * on the last day, for calendar days to the end (23:59:59) of the last day.
	 * @throws CalendarYearMissing if a limit in working days runs into a year without data
	 */
	private int limitMinutes(OffsetDateTime start, int amount, SlaLimits.Unit unit) {
		ZonedDateTime from = minute(start);
		return switch (unit) {
			case WORKING_MINUTES -> amount;
			case WORKING_HOURS -> amount * 60;
			case CALENDAR_DAYS -> (int) Duration.between(from, endOfDay(from.toLocalDate().plusDays(amount))).toMinutes();
			case WORKING_DAYS -> (int) this.calendar
				.workingTimeBetween(from, this.calendar.dueAfterWorkingDays(from, amount))
				.toMinutes();
		};
	}

	/**
	 * When a clock reaches 80 % and 100 % of its limit, counting from the minute it started and adding the time it
	 * was suspended; a limit in calendar days ends at the end of the day it runs out in.
	 */
	private Points points(String basis, OffsetDateTime start, int limitMinutes, int suspendedMinutes) {
		int yellowMinutes = (int) Math.ceil(limitMinutes * this.limits.yellowPercent() / 100.0);
		OffsetDateTime due = after(basis, start, limitMinutes + suspendedMinutes);
		if (CALENDAR.equals(basis)) {
			due = endOfDay(due.atZoneSameInstant(this.clock.getZone()).toLocalDate()).toOffsetDateTime();
		}
		return new Points(after(basis, start, yellowMinutes + suspendedMinutes), due);
	}

	private OffsetDateTime after(String basis, OffsetDateTime start, int minutes) {
		if (CALENDAR.equals(basis)) {
			return minute(start).plusMinutes(minutes).toOffsetDateTime();
		}
		return this.calendar.addWorkingTime(minute(start), Duration.ofMinutes(minutes)).toOffsetDateTime();
	}

	/** Minutes of the basis between two instants, each taken at the minute it falls in. */
	private int counted(String basis, OffsetDateTime from, OffsetDateTime to) {
		if (!to.isAfter(from)) {
			return 0;
		}
		if (CALENDAR.equals(basis)) {
			return (int) Duration.between(minute(from), minute(to)).toMinutes();
		}
		return (int) this.calendar.workingTimeBetween(minute(from), minute(to)).toMinutes();
	}

	/** The minute an instant falls in, in the hall's zone: clocks count whole minutes. */
	private ZonedDateTime minute(OffsetDateTime at) {
		return at.atZoneSameInstant(this.clock.getZone()).truncatedTo(ChronoUnit.MINUTES);
	}

	/** The last second of a day in the hall's zone, when a limit in calendar days ending on it falls due. */
	private ZonedDateTime endOfDay(LocalDate day) {
		return day.plusDays(1).atStartOfDay(this.clock.getZone()).minusSeconds(1);
	}

	private static final String CALENDAR = "CALENDAR";

	private static String basis(SlaLimits.Unit unit) {
		return unit.isWorkingTime() ? "WORKING" : CALENDAR;
	}

	/** A clock as read for an update. */
	record OpenClock(long id, String caseNo, String definitionId, String kind, Agency agency, String taskId,
			String basis, int limitMinutes, Integer limitAmount, String unit, OffsetDateTime startedAt, boolean paused,
			boolean excluded, OffsetDateTime suspendedSince, int suspendedMinutes, String escalation,
			OffsetDateTime stoppedAt) {

		static OpenClock of(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
			return new OpenClock(rs.getLong("id"), rs.getString("case_no"), rs.getString("definition_id"),
					rs.getString("kind"), Agency.valueOf(rs.getString("agency")), rs.getString("task_id"),
					rs.getString("basis"), rs.getInt("limit_minutes"), rs.getObject("limit_amount", Integer.class),
					rs.getString("unit"), rs.getObject("started_at", OffsetDateTime.class), rs.getBoolean("paused"),
					rs.getBoolean("excluded"), rs.getObject("suspended_since", OffsetDateTime.class),
					rs.getInt("suspended_minutes"), rs.getString("escalation"),
					rs.getObject("stopped_at", OffsetDateTime.class));
		}

	}

}
