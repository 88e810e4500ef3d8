package cn.example.servicehall.withdrawal;

import java.util.List;
import java.util.Map;

/**
 * The eligibility tables ({@code dmn/withdrawal/withdrawal-eligibility.dmn}): evaluates one decision on the inputs
 * and returns its matching rows, each with {@code rule}, {@code reason} and {@code missing}.
 */
@FunctionalInterface
public interface EligibilityTables {

	/** The decision that applies to every type: the account's state, months and balance. */
	String ACCOUNT = "WithdrawalAccountEligibility";

	List<Map<String, Object>> evaluate(String decisionKey, Map<String, Object> inputs);

}
