package cn.example.servicehall.platform.time;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

import cn.example.servicehall.platform.Development;

/**
 * Refuses to start a hall whose clock is moved ({@code servicehall.clock.fixed} or {@code .offset}) outside
 * development, before anything else starts: a production hall records and signs with the true time only.
 * Registered in {@code META-INF/spring.factories}.
 */
class DevelopmentClockOnly implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		ClockSettings settings = Binder.get(environment)
			.bind("servicehall.clock", ClockSettings.class)
			.orElse(new ClockSettings(null, null));
		if (!settings.moved()) {
			return;
		}
		if (settings.fixed() != null && settings.offset() != null) {
			throw new ClockSettingRefused(
					"Both servicehall.clock.fixed (SERVICEHALL_CLOCK_FIXED) and servicehall.clock.offset "
							+ "(SERVICEHALL_CLOCK_OFFSET) are set; the hall's clock can stand still or tick ahead, not both.",
					"Remove one of the two settings.");
		}
		if (!Development.isOn(environment)) {
			String setting = settings.isFixed() ? "servicehall.clock.fixed (SERVICEHALL_CLOCK_FIXED)"
					: "servicehall.clock.offset (SERVICEHALL_CLOCK_OFFSET)";
			throw new ClockSettingRefused(setting + " moves the hall's clock, which only a hall in development may do. "
					+ "This hall is not in development: it signs documents with real keys (" + Development.KEYS_MODE + "="
					+ environment.getProperty(Development.KEYS_MODE) + "), so every case, due date and document it records "
					+ "must carry the true time.",
					"Remove " + setting + " to start this hall, or try time on a development hall (development signing "
							+ "keys, the default).");
		}
	}

}
