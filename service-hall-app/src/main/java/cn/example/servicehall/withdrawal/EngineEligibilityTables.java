package cn.example.servicehall.withdrawal;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** The eligibility tables as the engine deployed them (their evaluations kept in its history). */
@Component
@org.springframework.context.annotation.Primary
class EngineEligibilityTables implements EligibilityTables {

	private final DecisionService decisions;

	EngineEligibilityTables(DecisionService decisions) {
		this.decisions = decisions;
	}

	@Override
	public List<Map<String, Object>> evaluate(String decisionKey, Map<String, Object> inputs) {
		return this.decisions.evaluateDecisionByKey(decisionKey)
			.variables(Variables.fromMap(inputs))
			.evaluate()
			.getResultList()
			.stream()
			.map(row -> (Map<String, Object>) row)
			.toList();
	}

}
