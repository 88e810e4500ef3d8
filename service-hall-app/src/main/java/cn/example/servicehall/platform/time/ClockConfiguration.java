package cn.example.servicehall.platform.time;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The hall's clock, in the hall's time zone (China Standard Time by default). Dates such as the day in a case
 * number or the date of acceptance are read from it, never from the JVM's default zone.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	Clock clock(@Value("${servicehall.time-zone:Asia/Shanghai}") ZoneId zone) {
		return Clock.system(zone);
	}

}
