package cn.example.servicehall.loan.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One version of a city's loan policy (domain.md §0.2), in force from {@code effectiveFrom} until the next version.
 *
 * @param id the version, e.g. {@code JIAOZUO-2024}
 * @param cityCode the city
 * @param cityName the city's name
 * @param effectiveFrom first day in force
 * @param capSingle 最高额度 for a single depositor household
 * @param capDual 最高额度 when both spouses deposit
 * @param capTalent 最高额度 for high-level talent, where the city has one
 * @param balanceMultiple N in balance × N × coefficient; empty when the city does not use that limit
 * @param coefficientTable which table of the DMN {@code DepositTimeCoefficient}
 * @param ltvFirstHome maximum loan to price, first home
 * @param ltvSecondHome maximum loan to price, second home
 * @param debtServiceRatio maximum monthly repayments to household income
 * @param minContinuousMonths 连续正常缴存 required
 * @param maxTermMonths 最长贷款期限
 * @param houseAgeLimitYears resale house age + term may not exceed this
 * @param roundDownTo the approvable amount is rounded down to this unit
 * @param note sources and assumptions
 */
public record CityPolicy(String id, String cityCode, String cityName, LocalDate effectiveFrom, BigDecimal capSingle,
		BigDecimal capDual, Optional<BigDecimal> capTalent, Optional<BigDecimal> balanceMultiple,
		Optional<String> coefficientTable, BigDecimal ltvFirstHome, BigDecimal ltvSecondHome,
		BigDecimal debtServiceRatio, int minContinuousMonths, int maxTermMonths, int houseAgeLimitYears,
		BigDecimal roundDownTo, String note) {

	/** The household's cap: both spouses depositing get the dual cap. */
	public BigDecimal capFor(boolean bothSpousesDeposit) {
		return bothSpousesDeposit ? this.capDual : this.capSingle;
	}

	public BigDecimal ltv(boolean firstHome) {
		return firstHome ? this.ltvFirstHome : this.ltvSecondHome;
	}

}
