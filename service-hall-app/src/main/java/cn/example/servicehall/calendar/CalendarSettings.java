package cn.example.servicehall.calendar;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the hall measures its time limits ({@code servicehall.sla}). Checked at start-up: the hall does not start with
 * office hours that make no sense.
 *
 * @param officeHours the office hours of every working day (办公时间), each {@code HH:mm-HH:mm} in the hall's time
 * zone, in order and not overlapping; 08:30-12:00 and 13:30-17:30 unless configured
 */
@ConfigurationProperties("servicehall.sla")
public record CalendarSettings(@DefaultValue({ "08:30-12:00", "13:30-17:30" }) List<OfficePeriod> officeHours) {

	public CalendarSettings {
		officeHours = new OfficeHours(officeHours).periods();
	}

	/** The office hours as one value. */
	public OfficeHours hours() {
		return new OfficeHours(this.officeHours);
	}

}
