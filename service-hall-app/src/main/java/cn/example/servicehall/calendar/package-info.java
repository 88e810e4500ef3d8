/**
 * 工作日历 (working-day calendar): China's statutory holidays (法定节假日) and make-up working days (调休上班) entered per
 * year from the State Council's notice, the office hours, and the arithmetic of working days and office hours that
 * time limits and bookings are counted in ({@link cn.example.servicehall.calendar.WorkingCalendar}). A year without
 * data is an error ({@link cn.example.servicehall.calendar.CalendarYearMissing}), never a weekday guess. Below the
 * business: it knows nothing of cases, so intake, the time limits (sla) and bookings can all use it. Its tables are
 * {@code calendar_year} and {@code calendar_day} (named {@code sla_calendar_…} until issue 11); the API keeps its path
 * ({@code /api/sla/calendar}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calendar",
		allowedDependencies = { "platform", "platform :: web", "identity", "audit" })
package cn.example.servicehall.calendar;
