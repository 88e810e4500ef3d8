package cn.example.servicehall.withdrawal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One version of a city's withdrawal policy (domain.md §0.2: city parameters are dated configuration), in force from
 * {@code effectiveFrom} until the next version; the version in force on the day of acceptance applies.
 *
 * @param id the version, e.g. {@code JIAOZUO-2024}
 * @param cityCode the city
 * @param cityName the city's name
 * @param effectiveFrom first day in force
 * @param minContinuousMonths 连续正常缴存 months a partial withdrawal needs
 * @param rentMonthlyCap 租房提取 at most this much a month
 * @param rentIntervalMonths one rent withdrawal every so many months
 * @param rentMaxMonths one rent withdrawal pays at most so many months
 * @param purchaseWindowMonths a purchase is withdrawn for within so many months of buying
 * @param purchaseWithdrawalsPerHome purchase withdrawals per home per family
 * @param repaymentIntervalMonths one yearly repayment withdrawal every so many months
 * @param illnessCap 大病医疗 at most this much a withdrawal; empty: only the out-of-pocket cost limits it
 * @param elevatorCap 加装电梯 at most this much; empty: only the household's share limits it
 * @param leavingCitySealedMonths 离职离开本市: the account sealed at least so many months
 * @param fourEyesAbove a withdrawal above this amount needs a second person's approval
 * @param note sources and assumptions
 */
public record WithdrawalPolicy(String id, String cityCode, String cityName, LocalDate effectiveFrom,
		int minContinuousMonths, BigDecimal rentMonthlyCap, int rentIntervalMonths, int rentMaxMonths,
		int purchaseWindowMonths, int purchaseWithdrawalsPerHome, int repaymentIntervalMonths,
		Optional<BigDecimal> illnessCap, Optional<BigDecimal> elevatorCap, int leavingCitySealedMonths,
		BigDecimal fourEyesAbove, String note) {

	public WithdrawalPolicy {
		illnessCap = (illnessCap != null) ? illnessCap : Optional.empty();
		elevatorCap = (elevatorCap != null) ? elevatorCap : Optional.empty();
	}

}
