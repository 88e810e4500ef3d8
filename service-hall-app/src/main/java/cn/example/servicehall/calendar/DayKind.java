package cn.example.servicehall.calendar;

/** What a calendar entry makes of its day; days without an entry follow the weekday (Monday to Friday work). */
public enum DayKind {

	/** 放假: an off day of a statutory holiday, including the weekend days inside it. */
	OFF,

	/** 调休上班: a make-up working day, a Saturday or Sunday on which the hall works. */
	MAKEUP

}
