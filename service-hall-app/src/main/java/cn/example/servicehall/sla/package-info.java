/**
 * 时限管理 (SLA): the working-day calendar (工作日历), China's statutory holidays (法定节假日) and make-up working days
 * (调休上班) entered per year from the State Council's notice, and the arithmetic of working days and office hours that
 * the hall's time limits are measured in ({@link cn.example.servicehall.sla.WorkingCalendar}). A year without data is
 * an error, never a weekday guess.
 * <p>
 * On that calendar run the time limits (时限): a clock per step of a case, for the agency that does it, and per
 * configured span ({@link cn.example.servicehall.sla.SlaLimits}); clocks pause while the case waits on the citizen,
 * turn yellow at 80 % and red at the limit, and tell the agency's managers of a breach
 * ({@link cn.example.servicehall.sla.SlaClocks}). It listens to the case's steps that intake records; intake knows
 * nothing of it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "SLA",
		allowedDependencies = { "platform", "identity", "intake" })
package cn.example.servicehall.sla;
