package cn.example.servicehall.agencies.fake;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.example.servicehall.agencies.LoanServicing;
import cn.example.servicehall.agencies.fake.FakeOutages.FakeSystem;

/**
 * The loan servicing systems' stand-in, on {@code fake_housing_loan}: each instalment (等额本息, monthly from the first
 * due day) is paid on its due day, except from the loan's {@code overdue_since} on, when none is; an unpaid
 * instalment is overdue once its day is past. So what was repaid, and what is overdue, follow the hall's date.
 */
@Component
class FakeLoanServicing implements LoanServicing {

	private final JdbcClient jdbc;

	private final FakeCalls calls;

	private final Clock clock;

	FakeLoanServicing(JdbcClient jdbc, FakeCalls calls, Clock clock) {
		this.jdbc = jdbc;
		this.calls = calls;
		this.clock = clock;
	}

	@Override
	public List<HousingLoan> loansOf(String residentIdNumber, LocalDate from, LocalDate to) {
		LocalDate today = LocalDate.now(this.clock);
		return this.calls.read(FakeSystem.LOAN_SERVICING, status -> this.jdbc.sql("""
				select * from fake_housing_loan where ? in (borrower_id_no, co_borrower_id_no) order by first_due, contract_no""")
			.param(residentIdNumber)
			.query((rs, row) -> loan(new Terms(rs.getString("contract_no"), LoanKind.valueOf(rs.getString("kind")),
					rs.getString("lender"), residentIdNumber.equals(rs.getString("borrower_id_no")),
					rs.getString("home_ref"), rs.getBigDecimal("principal"), rs.getBigDecimal("annual_rate"),
					rs.getInt("term_months"), rs.getObject("first_due", LocalDate.class),
					rs.getBigDecimal("monthly_instalment"), rs.getObject("overdue_since", LocalDate.class)), from, to,
					today))
			.list());
	}

	/** A loan as the table keeps it. */
	record Terms(String contractNo, LoanKind kind, String lender, boolean borrower, String homeRef, BigDecimal principal,
			BigDecimal annualRate, int termMonths, LocalDate firstDue, BigDecimal monthlyInstalment,
			LocalDate overdueSince) {
	}

	/** The loan on {@code today}, with what was repaid between {@code from} and {@code to}, both included. */
	static HousingLoan loan(Terms terms, LocalDate from, LocalDate to, LocalDate today) {
		int paid = 0;
		int repaidInPeriod = 0;
		int overdue = 0;
		LocalDate overdueSince = null;
		for (int k = 0; k < terms.termMonths(); k++) {
			LocalDate due = terms.firstDue().plusMonths(k);
			boolean unpaidFromHere = terms.overdueSince() != null && !due.isBefore(terms.overdueSince());
			if (!due.isAfter(today) && !unpaidFromHere) {
				paid++;
				if (!due.isBefore(from) && !due.isAfter(to)) {
					repaidInPeriod++;
				}
			}
			else if (due.isBefore(today) && unpaidFromHere) {
				overdue++;
				overdueSince = overdueSince == null ? due : overdueSince;
			}
		}
		BigDecimal instalment = terms.monthlyInstalment();
		return new HousingLoan(terms.contractNo(), terms.kind(), terms.lender(), terms.borrower(), terms.homeRef(),
				terms.principal(), instalment, terms.firstDue(), terms.firstDue().plusMonths(terms.termMonths() - 1L),
				outstanding(terms.principal(), terms.annualRate(), instalment, paid),
				instalment.multiply(BigDecimal.valueOf(repaidInPeriod)), overdue,
				instalment.multiply(BigDecimal.valueOf(overdue)), overdueSince);
	}

	/** The principal left after {@code paid} instalments: P(1+i)^k − M((1+i)^k − 1)/i, i the monthly rate. */
	static BigDecimal outstanding(BigDecimal principal, BigDecimal annualRate, BigDecimal instalment, int paid) {
		MathContext mc = MathContext.DECIMAL128;
		BigDecimal i = annualRate.divide(BigDecimal.valueOf(12), mc);
		BigDecimal growth = BigDecimal.ONE.add(i).pow(paid, mc);
		BigDecimal left = principal.multiply(growth, mc)
			.subtract(instalment.multiply(growth.subtract(BigDecimal.ONE), mc).divide(i, mc), mc);
		return left.max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
	}

}
