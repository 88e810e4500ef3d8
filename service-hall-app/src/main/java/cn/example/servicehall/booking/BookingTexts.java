package cn.example.servicehall.booking;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** How a slot's time is written for people: {@code 2026-03-02 09:30}. */
final class BookingTexts {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private BookingTexts() {
	}

	static String show(ZonedDateTime at) {
		return at.format(MINUTES);
	}

}
