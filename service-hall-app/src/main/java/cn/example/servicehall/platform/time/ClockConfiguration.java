package cn.example.servicehall.platform.time;

import java.time.Clock;
import java.time.ZoneId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The hall's clock, in the hall's time zone (China Standard Time by default). Dates such as the day in a case
 * number or the date of acceptance are read from it, never from the JVM's default zone. In development it may stand
 * at a fixed time or tick ahead or behind the real time ({@link ClockSettings}).
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ClockConfiguration.class);

	@Bean
	Clock clock(@Value("${servicehall.time-zone:Asia/Shanghai}") ZoneId zone, ClockSettings settings) {
		Clock clock = of(settings, zone);
		if (settings.moved()) {
			log.warn("The hall's clock is not the real time (development only): {} it is {}",
					settings.isFixed() ? "it stands still at " + settings.fixed() + ";" : settings.offset() + " off;",
					clock.instant().atZone(zone).toOffsetDateTime());
		}
		return clock;
	}

	/** The hall's clock with the settings: the real time, fixed, or the real time offset. */
	static Clock of(ClockSettings settings, ZoneId zone) {
		if (settings.fixed() != null) {
			return Clock.fixed(settings.fixed().toInstant(), zone);
		}
		if (settings.offset() != null && !settings.offset().isZero()) {
			return Clock.offset(Clock.system(zone), settings.offset());
		}
		return Clock.system(zone);
	}

}
