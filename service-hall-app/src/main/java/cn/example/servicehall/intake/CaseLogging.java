package cn.example.servicehall.intake;

import org.slf4j.MDC;

/**
 * The case number in the logging context ({@code %X{caseNo}}), under the same key the engine uses for the business
 * key of the process it is working on ({@code camunda.bpm.generic-properties.properties.logging-context-business-key}).
 */
public final class CaseLogging {

	public static final String MDC_KEY = "caseNo";

	private CaseLogging() {
	}

	/** Puts the case number in the context until closed, unless one is there already (then leaves it alone). */
	public static Scope of(String caseNo) {
		if (MDC.get(MDC_KEY) != null) {
			return () -> {
			};
		}
		MDC.put(MDC_KEY, caseNo);
		return () -> MDC.remove(MDC_KEY);
	}

	/** An open logging scope. */
	public interface Scope extends AutoCloseable {

		@Override
		void close();

	}

}
