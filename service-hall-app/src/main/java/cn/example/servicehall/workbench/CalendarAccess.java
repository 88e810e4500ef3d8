package cn.example.servicehall.workbench;

import java.time.Duration;

import org.springframework.stereotype.Component;

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.calendar.WorkingCalendar;

/**
 * Who has the working-day calendar page (工作日历): system administrators, who enter the years, and hall managers,
 * who read them; they alone see the page in the navigation and the warning of a year not entered. Used from the
 * templates as {@code ${@calendarAccess.mayOpen(officer)}}.
 */
@Component("calendarAccess")
class CalendarAccess {

	/** How far ahead a year without data is warned of: 2027 from early October 2026 on. */
	static final Duration WARNING_HORIZON = Duration.ofDays(90);

	public boolean mayOpen(CurrentOfficer officer) {
		return officer != null && (officer.isIn(Groups.SYSTEM_ADMIN) || officer.isIn(Groups.HALL_MANAGER));
	}

	/** As the calendar itself decides. */
	public boolean mayEdit(CurrentOfficer officer) {
		return officer != null && WorkingCalendar.mayEnter(officer);
	}

}
