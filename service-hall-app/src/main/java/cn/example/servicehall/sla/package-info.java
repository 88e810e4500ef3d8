/**
 * 时限管理 (SLA): on the working-day calendar ({@link cn.example.servicehall.calendar.WorkingCalendar}) run the
 * time limits (时限): a clock per step of a case, for the agency that does it, and per
 * configured span ({@link cn.example.servicehall.sla.SlaLimits}); clocks pause while the case waits on the citizen,
 * turn yellow at 80 % and red at the limit, and tell the agency's managers of a breach
 * ({@link cn.example.servicehall.sla.SlaClocks}; the mail after commit through the event publication registry). It
 * listens to the case's steps that intake records and to the user tasks workflow announces; neither knows of it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "SLA",
		allowedDependencies = { "platform", "platform :: web", "identity", "calendar", "intake", "workflow" })
package cn.example.servicehall.sla;
