package cn.example.servicehall.loan;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The loan rules that are tables (DMN {@code LoanEligibility}, {@code DepositTimeCoefficient}); the arithmetic around
 * them stays in Java.
 */
public interface EligibilityRules {

	/** Every rule the applicant does not meet, with the reason in words; empty when eligible. */
	List<LoanCase.Reason> unmetRules(Facts facts);

	/** The deposit-time coefficient of a city's table for so many months; empty for an unknown table. */
	Optional<BigDecimal> depositTimeCoefficient(String table, int continuousMonths);

	/**
	 * What eligibility is decided on.
	 *
	 * @param accountStatus the borrower's fund account status
	 * @param continuousMonths the borrower's continuous normal deposit months
	 * @param minContinuousMonths the city's requirement
	 * @param hasOutstandingFundLoan the borrower or the spouse still repays a fund loan
	 * @param ageAtMaturityMonths the borrower's age when the loan would end, in months
	 * @param ageLimitMonths statutory retirement age (2025 reform) + 5 years, in months
	 * @param houseAgeAtMaturityYears the house's age when the loan would end
	 * @param houseAgeLimitYears the city's limit
	 * @param termMonths the term asked for
	 * @param maxTermMonths the city's longest term
	 */
	record Facts(String accountStatus, int continuousMonths, int minContinuousMonths, boolean hasOutstandingFundLoan,
			int ageAtMaturityMonths, int ageLimitMonths, int houseAgeAtMaturityYears, int houseAgeLimitYears,
			int termMonths, int maxTermMonths) {
	}

}
