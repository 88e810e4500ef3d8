package cn.example.servicehall.loan.policy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.example.servicehall.platform.web.ProblemException;

/**
 * The PBOC housing provident fund loan rates with their effective dates (domain.md §2). The bucket (up to 5 years or
 * over) follows the contract term of the whole loan; second homes take the second-home floor.
 */
@Component
public class InterestRates {

	/** The longest term of the lower bucket: up to and including 5 years. */
	static final int FIVE_YEARS = 60;

	/**
	 * 罚息: overdue amounts bear the contract rate plus 50 % (domain.md §2.3), as the contract states.
	 */
	public static final BigDecimal OVERDUE_SURCHARGE = new BigDecimal("1.5");

	private final JdbcClient jdbc;

	InterestRates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The rate for a loan decided on {@code day}.
	 *
	 * @param effectiveFrom the rate table's first day in force
	 * @param annualRatePercent the yearly rate in percent, e.g. 2.600
	 */
	public record Rate(LocalDate effectiveFrom, BigDecimal annualRatePercent) {
	}

	public Rate rateFor(LocalDate day, boolean firstHome, int termMonths) {
		String column = (firstHome ? "first_home_" : "second_home_") + (termMonths <= FIVE_YEARS ? "up_to_5y" : "over_5y");
		return this.jdbc.sql("select effective_from, " + column + " as rate from loan_interest_rate "
				+ "where effective_from <= :day order by effective_from desc limit 1")
			.param("day", day)
			.query((rs, row) -> new Rate(rs.getObject("effective_from", LocalDate.class), rs.getBigDecimal("rate")))
			.optional()
			.orElseThrow(() -> ProblemException.refusal(HttpStatus.CONFLICT, "no-interest-rate", "problem.loan.no-interest-rate",
					day));
	}

	/** The rate's name as a contract prints it, e.g. 五年以上首套个人住房公积金贷款利率. */
	public static String category(boolean firstHome, int termMonths) {
		return (termMonths <= FIVE_YEARS ? "五年以下（含五年）" : "五年以上") + (firstHome ? "首套" : "第二套") + "个人住房公积金贷款利率";
	}

	/** The overdue (罚息) rate in percent for a contract rate in percent, to three decimals. */
	public static BigDecimal overdueRate(BigDecimal annualRatePercent) {
		return annualRatePercent.multiply(OVERDUE_SURCHARGE).setScale(3, java.math.RoundingMode.HALF_UP);
	}

}
