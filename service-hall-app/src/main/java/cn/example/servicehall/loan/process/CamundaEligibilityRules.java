package cn.example.servicehall.loan.process;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;

import org.springframework.stereotype.Component;

import cn.example.servicehall.loan.EligibilityRules;
import cn.example.servicehall.loan.LoanCase;

/** The loan rules' tables, evaluated by the engine's DMN ({@code LoanEligibility}, {@code DepositTimeCoefficient}). */
@Component
class CamundaEligibilityRules implements EligibilityRules {

	static final String LOAN_ELIGIBILITY = "LoanEligibility";

	static final String DEPOSIT_TIME_COEFFICIENT = "DepositTimeCoefficient";

	private final DecisionService decisions;

	CamundaEligibilityRules(DecisionService decisions) {
		this.decisions = decisions;
	}

	@Override
	public List<LoanCase.Reason> unmetRules(Facts facts) {
		DmnDecisionResult result = this.decisions.evaluateDecisionByKey(LOAN_ELIGIBILITY)
			.variables(Variables.createVariables()
				.putValue("accountStatus", facts.accountStatus())
				.putValue("continuousMonths", facts.continuousMonths())
				.putValue("minContinuousMonths", facts.minContinuousMonths())
				.putValue("hasOutstandingFundLoan", facts.hasOutstandingFundLoan())
				.putValue("ageAtMaturityMonths", facts.ageAtMaturityMonths())
				.putValue("ageLimitMonths", facts.ageLimitMonths())
				.putValue("houseAgeAtMaturityYears", facts.houseAgeAtMaturityYears())
				.putValue("houseAgeLimitYears", facts.houseAgeLimitYears())
				.putValue("termMonths", facts.termMonths())
				.putValue("maxTermMonths", facts.maxTermMonths()))
			.evaluate();
		return result.getResultList()
			.stream()
			.map(row -> new LoanCase.Reason((String) row.get("rule"), (String) row.get("reason")))
			.toList();
	}

	@Override
	public Optional<BigDecimal> depositTimeCoefficient(String table, int continuousMonths) {
		DmnDecisionResult result = this.decisions.evaluateDecisionByKey(DEPOSIT_TIME_COEFFICIENT)
			.variables(Variables.createVariables().putValue("coefficientTable", table).putValue("continuousMonths",
					continuousMonths))
			.evaluate();
		if (result.isEmpty()) {
			return Optional.empty();
		}
		Object value = result.getSingleResult().getSingleEntry();
		return Optional.of(new BigDecimal(value.toString()));
	}

}
