package cn.example.servicehall.withdrawal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;

import org.springframework.stereotype.Component;

/**
 * The same eligibility tables, evaluated outside the engine so that nothing is kept: for the counter's live assessment
 * as the clerk types and the checks before a case is opened. The process's own decision goes through the engine
 * ({@link EngineEligibilityTables}) and is kept in its history.
 */
@Component
class PreviewEligibilityTables implements EligibilityTables {

	static final String RESOURCE = "dmn/withdrawal/withdrawal-eligibility.dmn";

	private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

	private final Map<String, DmnDecision> decisions;

	PreviewEligibilityTables() {
		try (InputStream in = PreviewEligibilityTables.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("The withdrawal decision tables are not on the classpath: " + RESOURCE);
			}
			this.decisions = this.dmn.parseDecisions(in)
				.stream()
				.collect(Collectors.toMap(DmnDecision::getKey, Function.identity()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public List<Map<String, Object>> evaluate(String decisionKey, Map<String, Object> inputs) {
		DmnDecision decision = this.decisions.get(decisionKey);
		if (decision == null) {
			throw new IllegalArgumentException("No withdrawal decision table " + decisionKey);
		}
		return this.dmn.evaluateDecisionTable(decision, Variables.fromMap(inputs))
			.getResultList()
			.stream()
			.map(row -> (Map<String, Object>) row)
			.toList();
	}

}
