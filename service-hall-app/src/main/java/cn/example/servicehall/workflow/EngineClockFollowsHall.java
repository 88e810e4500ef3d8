package cn.example.servicehall.workflow;

import java.util.Date;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import cn.example.servicehall.platform.time.ClockSettings;

/**
 * The engine keeps the hall's time: with the hall's clock moved for development ({@link ClockSettings}), the
 * engine's clock ({@link ClockUtil}: timers and job due dates, task creation and due dates, history timestamps) stands
 * at the same fixed time or ticks with the same offset, from before the engine starts; and is the real time again
 * when the hall stops. Without the setting the engine's clock is left alone (the real time, or a test's).
 */
@Component
class EngineClockFollowsHall extends AbstractProcessEnginePlugin implements DisposableBean {

	private final ClockSettings settings;

	EngineClockFollowsHall(ClockSettings settings) {
		this.settings = settings;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		follow(this.settings);
	}

	@Override
	public void destroy() {
		if (this.settings.moved()) {
			ClockUtil.reset();
		}
	}

	/** Sets the engine's clock as the settings move the hall's. */
	static void follow(ClockSettings settings) {
		if (settings.fixed() != null) {
			ClockUtil.setCurrentTime(Date.from(settings.fixed().toInstant()));
		}
		else if (settings.moved()) {
			ClockUtil.offset(settings.offset().toMillis());
		}
	}

}
