package cn.example.servicehall.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.example.servicehall.audit.AuditAction;
import cn.example.servicehall.audit.AuditEvent;
import cn.example.servicehall.audit.AuditTrail;
import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.platform.web.ProblemException;

/**
 * 工作日历: whether a day is worked, and time limits in working days and office hours, as the hall measures them. The
 * days come from the calendar tables ({@code calendar_year}, {@code calendar_day}), entered per year from the
 * State Council's notice; the office hours from {@link CalendarSettings}. Periods are counted as Chinese law counts them:
 * the day a period starts is not counted (开始的当日不计入). A day in a year without data is answered with
 * {@link CalendarYearMissing}, never with a weekday guess.
 * <p>
 * Times are read and answered in the hall's time zone (the hall's {@link Clock}, Asia/Shanghai). Each year is loaded
 * once and kept: an edit on this node takes effect at once, an edit on another node sharing the database within
 * {@link #REFRESH_AFTER}.
 */
@Service
public class WorkingCalendar {

	/** How long a loaded year is trusted before it is read again (edits made on other hall nodes). */
	public static final Duration REFRESH_AFTER = Duration.ofMinutes(5);

	private static final Logger log = LoggerFactory.getLogger(WorkingCalendar.class);

	private static final String SELECT = "select y.year, y.source, y.entered_by, y.entered_at, d.day, d.kind, d.name "
			+ "from calendar_year y left join calendar_day d on d.year = y.year ";

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final YearCache cache;

	private final CalendarArithmetic arithmetic;

	/** The years this process has warned are missing (once each). */
	private final Set<Integer> warnedMissing = ConcurrentHashMap.newKeySet();

	private final AuditTrail audit;

	WorkingCalendar(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock, CalendarSettings settings,
			AuditTrail audit) {
		this.audit = audit;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
		this.cache = new YearCache(this::load, REFRESH_AFTER, System::nanoTime);
		this.arithmetic = new CalendarArithmetic(this.cache::year, settings.hours(), clock.getZone());
	}

	/** The hall's time zone, in which office hours are read and times answered. */
	public ZoneId zone() {
		return this.arithmetic.zone();
	}

	/** The office hours of every working day. */
	public OfficeHours officeHours() {
		return this.arithmetic.hours();
	}

	/** The office time of one working day: 7.5 hours with the default office hours. */
	public Duration officeDay() {
		return this.arithmetic.hours().perDay();
	}

	/** Today in the hall's time zone. */
	public LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/**
	 * 工作日: a make-up working day (调休上班), or Monday to Friday and not an off day.
	 * @throws CalendarYearMissing if the day's year has no data
	 */
	public boolean isWorkingDay(LocalDate day) {
		return this.arithmetic.isWorkingDay(day);
	}

	/**
	 * The {@code n}-th working day after {@code from}, which itself is not counted; make-up days on weekends count.
	 * For {@code n = 0}: {@code from} if it is a working day, else the next working day.
	 * @throws IllegalArgumentException if {@code n} is negative
	 * @throws CalendarYearMissing if the count runs into a year without data
	 */
	public LocalDate addWorkingDays(LocalDate from, int n) {
		return this.arithmetic.addWorkingDays(from, n);
	}

	/**
	 * The working days after {@code fromExclusive} up to and including {@code toInclusive}; negative by the same count
	 * when {@code toInclusive} is earlier (working days overdue).
	 * @throws CalendarYearMissing if the range reaches a year without data
	 */
	public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
		return this.arithmetic.workingDaysBetween(fromExclusive, toInclusive);
	}

	/**
	 * The office time between two moments: only office hours of working days count (not the lunch break, nights,
	 * weekends or holidays). Negative by the same amount when {@code b} is before {@code a}.
	 * @throws CalendarYearMissing if office hours in between fall in a year without data
	 */
	public Duration workingTimeBetween(ZonedDateTime a, ZonedDateTime b) {
		return this.arithmetic.workingTimeBetween(a, b);
	}

	/** {@link #workingTimeBetween(ZonedDateTime, ZonedDateTime)} for instants. */
	public Duration workingTimeBetween(Instant a, Instant b) {
		return workingTimeBetween(a.atZone(zone()), b.atZone(zone()));
	}

	/**
	 * When {@code d} of office time has passed since {@code from}, in the hall's zone. From outside office hours the
	 * count starts at the next opening ({@code d = 0} answers that opening); a result exactly at a period's end stays
	 * there (12:00, 17:30) rather than moving to the next opening.
	 * @throws IllegalArgumentException if {@code d} is negative
	 * @throws CalendarYearMissing if the count runs into a year without data
	 */
	public ZonedDateTime addWorkingTime(ZonedDateTime from, Duration d) {
		return this.arithmetic.addWorkingTime(from, d);
	}

	/** {@link #addWorkingTime(ZonedDateTime, Duration)} from an instant. */
	public ZonedDateTime addWorkingTime(Instant from, Duration d) {
		return addWorkingTime(from.atZone(zone()), d);
	}

	/**
	 * 下班时间: the end of the last office period of a working day, in the hall's zone.
	 * @throws IllegalArgumentException if the day is not a working day
	 * @throws CalendarYearMissing if its year has no data
	 */
	public ZonedDateTime closeOfBusiness(LocalDate workingDay) {
		return this.arithmetic.closeOfBusiness(workingDay);
	}

	/**
	 * A time limit of {@code n} working days from {@code start}: close of business on
	 * {@code addWorkingDays(start's date in the hall's zone, n)}.
	 * @throws IllegalArgumentException if {@code n} is negative
	 * @throws CalendarYearMissing if the count runs into a year without data
	 */
	public ZonedDateTime dueAfterWorkingDays(ZonedDateTime start, int n) {
		return this.arithmetic.dueAfterWorkingDays(start, n);
	}

	/** {@link #dueAfterWorkingDays(ZonedDateTime, int)} from an instant. */
	public ZonedDateTime dueAfterWorkingDays(Instant start, int n) {
		return dueAfterWorkingDays(start.atZone(zone()), n);
	}

	/**
	 * The first year from this year up to the year {@code horizon} from now that has no data: a banner asks the
	 * administrator to enter it. With a horizon of 31 days, 2027 is reported missing from December 2026 on.
	 * @throws IllegalArgumentException if the horizon is negative
	 */
	public Optional<Integer> firstMissingYearWithin(Duration horizon) {
		if (horizon.isNegative()) {
			throw new IllegalArgumentException("The horizon must not be negative: " + horizon);
		}
		ZonedDateTime now = ZonedDateTime.now(this.clock);
		int last = now.plus(horizon).getYear();
		for (int year = now.getYear(); year <= last; year++) {
			if (this.cache.year(year).isEmpty()) {
				return Optional.of(year);
			}
		}
		return Optional.empty();
	}

	/**
	 * A time limit goes without a due time because its year is missing: the administrator is warned in the log, once
	 * per year in the life of this process (the start page warns too, from {@code CalendarAccess.WARNING_HORIZON}
	 * before). Clocks get their due times once the year is entered.
	 * @param missing what the calendar answered
	 */
	public void warnMissing(CalendarYearMissing missing) {
		if (this.warnedMissing.add(missing.year())) {
			log.warn("The working-day calendar has no {}: time limits running into {} have no due time until a system "
					+ "administrator enters the year (/admin/calendar, PUT /api/sla/calendar/{}); they get them then",
					missing.year(), missing.year(), missing.year());
		}
	}

	/** The years that have data, earliest first, as the database holds them now. */
	public List<CalendarYear> years() {
		return read(this.jdbc.sql(SELECT + "order by y.year, d.day"));
	}

	/** A year as the database holds it now, if it has data. */
	public Optional<CalendarYear> year(int year) {
		return load(year);
	}

	/**
	 * Enters or replaces a year's calendar from the State Council's notice: all of it or nothing, recording who and
	 * when. Takes effect on this node at once, on the others within {@link #REFRESH_AFTER}.
	 * @param year the year
	 * @param source the notice: its title and URL
	 * @param days every off day (放假) and make-up working day (调休上班) of the year
	 * @param admin a system administrator
	 * @return the year as saved
	 * @throws ProblemException 403 if {@code admin} is not a system administrator; 400 naming each bad line if the
	 * entry is not sensible (a day outside the year or twice, a make-up day on a weekday, a line without a name, no
	 * source), in which case nothing is saved
	 */
	public CalendarYear replaceYear(int year, String source, List<CalendarDay> days, CurrentOfficer admin) {
		if (!mayEnter(admin)) {
			throw ProblemException.refusal(HttpStatus.FORBIDDEN, "system-admin-only", "problem.calendar.system-admin-only");
		}
		List<CalendarEntryCheck.Problem> problems = CalendarEntryCheck.problems(year, source, days);
		if (!problems.isEmpty()) {
			throw invalid(year, problems);
		}
		CalendarYear entered = new CalendarYear(year, source, admin.id(),
				this.clock.instant().truncatedTo(ChronoUnit.MICROS), days);
		this.transaction.executeWithoutResult(status -> {
			save(entered);
			this.audit.record(AuditEvent.of(AuditAction.CALENDAR_CHANGED, "calendar " + year + ": " + entered.offDays()
					+ " off days, " + entered.makeUpDays() + " make-up days (" + source + ")"));
		});
		this.cache.evict(year);
		log.info("Working-day calendar {} entered by {}: {} off days, {} make-up working days, {} working days ({})", year,
				admin.id(), entered.offDays(), entered.makeUpDays(), entered.workingDays(), entered.source());
		return entered;
	}

	/** Whether the officer may enter or replace a year: system administrators only. */
	public static boolean mayEnter(CurrentOfficer officer) {
		return officer.isIn(Groups.SYSTEM_ADMIN);
	}

	/**
	 * Reads a year again when next asked, after its rows were changed outside this service (tests, SQL), and warns
	 * again should it be missing.
	 */
	void forget(int year) {
		this.cache.evict(year);
		this.warnedMissing.remove(year);
	}

	private void save(CalendarYear year) {
		this.jdbc.sql("insert into calendar_year (year, source, entered_by, entered_at) "
				+ "values (:year, :source, :enteredBy, :enteredAt) on conflict (year) do update "
				+ "set source = excluded.source, entered_by = excluded.entered_by, entered_at = excluded.entered_at")
			.param("year", year.year())
			.param("source", year.source())
			.param("enteredBy", year.enteredBy())
			.param("enteredAt", OffsetDateTime.ofInstant(year.enteredAt(), zone()))
			.update();
		this.jdbc.sql("delete from calendar_day where year = :year").param("year", year.year()).update();
		for (CalendarDay day : year.days()) {
			this.jdbc.sql("insert into calendar_day (day, year, kind, name) values (:day, :year, :kind, :name)")
				.param("day", day.date())
				.param("year", year.year())
				.param("kind", day.kind().name())
				.param("name", day.name())
				.update();
		}
	}

	private Optional<CalendarYear> load(int year) {
		return read(this.jdbc.sql(SELECT + "where y.year = :year order by d.day").param("year", year)).stream()
			.findFirst();
	}

	private record Row(int year, String source, String enteredBy, Instant enteredAt, CalendarDay day) {
	}

	private static List<CalendarYear> read(JdbcClient.StatementSpec query) {
		List<Row> rows = query.query((rs, n) -> {
			LocalDate day = rs.getObject("day", LocalDate.class);
			return new Row(rs.getInt("year"), rs.getString("source"), rs.getString("entered_by"),
					rs.getObject("entered_at", OffsetDateTime.class).toInstant(),
					day == null ? null : new CalendarDay(day, DayKind.valueOf(rs.getString("kind")), rs.getString("name")));
		}).list();
		Map<Integer, List<Row>> byYear = new LinkedHashMap<>();
		rows.forEach(row -> byYear.computeIfAbsent(row.year(), y -> new ArrayList<>()).add(row));
		List<CalendarYear> years = new ArrayList<>();
		byYear.forEach((year, yearRows) -> {
			Row first = yearRows.get(0);
			List<CalendarDay> days = yearRows.stream().map(Row::day).filter(day -> day != null).toList();
			try {
				years.add(new CalendarYear(year, first.source(), first.enteredBy(), first.enteredAt(), days));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("The working-day calendar of " + year + " in the database is not sensible; "
						+ "enter it again through PUT /api/sla/calendar/" + year, ex);
			}
		});
		return years;
	}

	private static ProblemException invalid(int year, List<CalendarEntryCheck.Problem> problems) {
		StringBuilder lines = new StringBuilder();
		problems.forEach(problem -> lines.append(problem.message()).append(' '));
		ProblemException exception = ProblemException.refusal(HttpStatus.BAD_REQUEST, "invalid-calendar",
				"problem.calendar.invalid", year, lines);
		exception.getBody()
			.setProperty("errors", problems.stream()
				.map(problem -> Map.of("field", problem.field(), "message", problem.message()))
				.toList());
		return exception;
	}

}
