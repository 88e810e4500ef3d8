package cn.example.servicehall.platform.time;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says why the hall did not start with a moved clock, and what to do, in place of a stack trace. */
class ClockSettingRefusedAnalyzer extends AbstractFailureAnalyzer<ClockSettingRefused> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ClockSettingRefused cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}

}
