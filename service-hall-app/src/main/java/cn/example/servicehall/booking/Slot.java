package cn.example.servicehall.booking;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An appointment slot of a branch: a stretch of office hours on a working day.
 *
 * @param branch the branch's code
 * @param date the day, in the hall's time zone
 * @param startsAt when it starts, in the hall's time zone
 * @param endsAt when it ends
 * @param capacity how many appointments it takes
 * @param available how many of them are still free
 * @param bookable whether it can still be booked: free seats, and a day after today
 */
public record Slot(String branch, LocalDate date, OffsetDateTime startsAt, OffsetDateTime endsAt, int capacity,
		int available, boolean bookable) {
}
