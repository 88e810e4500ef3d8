package cn.example.servicehall.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says why the hall did not start, and what to do, in place of a stack trace. */
class StartRefusedAnalyzer extends AbstractFailureAnalyzer<StartRefused> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, StartRefused cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}

}
