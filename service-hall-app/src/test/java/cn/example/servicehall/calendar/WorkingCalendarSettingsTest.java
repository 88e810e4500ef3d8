package cn.example.servicehall.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The office hours as {@code servicehall.sla.office-hours} binds them, checked as the hall starts. */
class WorkingCalendarSettingsTest {

	@Test
	void defaultsToTheHallsOfficeHours() {
		CalendarSettings settings = bind(Map.of());

		assertThat(settings.officeHours()).extracting(OfficePeriod::toString).containsExactly("08:30-12:00", "13:30-17:30");
		assertThat(settings.hours()).isEqualTo(OfficeHours.DEFAULT);
		assertThat(settings.hours().opening()).isEqualTo(LocalTime.of(8, 30));
		assertThat(settings.hours().closing()).isEqualTo(LocalTime.of(17, 30));
		assertThat(settings.hours().perDay()).isEqualTo(Duration.ofMinutes(450));
	}

	@Test
	void bindsOtherOfficeHoursAsAListOrAsCommaSeparatedText() {
		assertThat(bind(Map.of("servicehall.sla.office-hours[0]", "09:00-12:00", "servicehall.sla.office-hours[1]",
				"14:00-18:00"))
			.hours()).isEqualTo(OfficeHours.of("09:00-12:00", "14:00-18:00"));
		// as an environment variable gives it: SERVICEHALL_SLA_OFFICEHOURS=08:00-12:00,12:00-16:00
		assertThat(bind(Map.of("servicehall.sla.office-hours", "08:00-12:00, 12:00-16:00")).hours().perDay())
			.isEqualTo(Duration.ofHours(8));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"08:30-12:00,11:00-17:30 | 办公时段须按时间先后排列且互不重叠：11:00-17:30 应在 08:30-12:00 结束之后开始。",
			"13:30-17:30,08:30-12:00 | 办公时段须按时间先后排列且互不重叠：08:30-12:00 应在 13:30-17:30 结束之后开始。",
			"12:00-08:30 | 办公时段 12:00-08:30 的结束时间必须晚于开始时间，且在同一天内。",
			"08:30-08:30 | 办公时段 08:30-08:30 的结束时间必须晚于开始时间，且在同一天内。",
			"8:30-12 | 办公时段 “8:30-12” 的格式应为 HH:mm-HH:mm，如 08:30-12:00。",
			"22:00-24:00 | 办公时段 “22:00-24:00” 中的时间无效（00:00 至 23:59）。", })
	void refusesOfficeHoursThatMakeNoSense(String officeHours, String message) {
		assertThatThrownBy(() -> bind(Map.of("servicehall.sla.office-hours", officeHours)))
			.isInstanceOfSatisfying(BindException.class,
					ex -> assertThat(firstIllegalArgument(ex)).hasMessageStartingWith(message));
	}

	private static Throwable firstIllegalArgument(Throwable ex) {
		Throwable cause = ex;
		while (cause != null && !(cause instanceof IllegalArgumentException)) {
			cause = cause.getCause();
		}
		return cause;
	}

	private static CalendarSettings bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("servicehall.sla",
				CalendarSettings.class);
	}

}
