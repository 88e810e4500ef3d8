package cn.example.servicehall.agencies.fake;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.example.servicehall.agencies.AgencyRefused;
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
			.query((rs, row) -> loanOf(rs, residentIdNumber, from, to, today))
			.list());
	}

	/**
	 * The loan of a row on {@code today}; one settled from a fund account ({@code settled_on}, by
	 * {@link #repayFromFund}) is its schedule up to that day, nothing outstanding, its last day the day it was settled.
	 */
	private static HousingLoan loanOf(java.sql.ResultSet rs, String residentIdNumber, LocalDate from, LocalDate to,
			LocalDate today) throws java.sql.SQLException {
		Terms terms = new Terms(rs.getString("contract_no"), LoanKind.valueOf(rs.getString("kind")),
				rs.getString("lender"), residentIdNumber.equals(rs.getString("borrower_id_no")), rs.getString("home_ref"),
				rs.getBigDecimal("principal"), rs.getBigDecimal("annual_rate"), rs.getInt("term_months"),
				rs.getObject("first_due", LocalDate.class), rs.getBigDecimal("monthly_instalment"),
				rs.getObject("overdue_since", LocalDate.class));
		LocalDate settledOn = rs.getObject("settled_on", LocalDate.class);
		if (settledOn == null || settledOn.isAfter(today)) {
			return loan(terms, from, to, today);
		}
		HousingLoan until = loan(terms, from, to, settledOn);
		return new HousingLoan(until.contractNo(), until.kind(), until.lender(), until.borrower(), until.homeRef(),
				until.principal(), until.monthlyInstalment(), until.firstDue(), settledOn, BigDecimal.ZERO.setScale(2),
				until.repaidInPeriod(), until.overdueInstalments(), until.overdueAmount(), until.overdueSince());
	}

	/**
	 * The payoff: the loan row locked, the key looked up (the same key answers its first repayment and does nothing),
	 * the outstanding principal on the hall's date as {@link #loansOf} computes it, the amount checked against it, the
	 * repayment kept in {@code fake_loan_repayment} and the loan marked settled ({@code settled_on}).
	 */
	@Override
	public Repayment repayFromFund(FundRepayment order) {
		LocalDate today = LocalDate.now(this.clock);
		return this.calls.change(FakeSystem.LOAN_SERVICING, status -> {
			HousingLoan loan = this.jdbc.sql("""
					select * from fake_housing_loan where contract_no = ? and kind = 'FUND'
					   and ? in (borrower_id_no, co_borrower_id_no) for update""")
				.params(order.contractNo(), order.residentIdNumber())
				.query((rs, row) -> loanOf(rs, order.residentIdNumber(), today, today, today))
				.optional()
				.orElseThrow(() -> new AgencyRefused(SYSTEM, AgencyRefused.Reason.LOAN_UNKNOWN, "贷款核算系统中该借款人无此公积金贷款："
						+ order.contractNo() + " / no such fund loan of the borrower"));
			java.util.Optional<Repayment> earlier = this.jdbc.sql("select * from fake_loan_repayment where request_key = ?")
				.param(order.requestKey())
				.query((rs, row) -> new Repayment(rs.getString("request_key"), rs.getString("contract_no"),
						rs.getString("reference"), rs.getBigDecimal("amount"), rs.getBigDecimal("outstanding_after"),
						rs.getObject("repaid_on", LocalDate.class)))
				.optional();
			if (earlier.isPresent()) {
				if (!earlier.get().contractNo().equals(order.contractNo())
						|| earlier.get().amount().compareTo(order.amount()) != 0) {
					throw new AgencyRefused(SYSTEM, AgencyRefused.Reason.KEY_ALREADY_USED, "还款请求 " + order.requestKey()
							+ " 已用于另一笔还款（" + earlier.get().contractNo() + "，" + earlier.get().amount()
							+ " 元） / the request key was used for another repayment");
				}
				return earlier.get();
			}
			if (loan.outstandingPrincipal().signum() == 0) {
				throw new AgencyRefused(SYSTEM, AgencyRefused.Reason.LOAN_SETTLED, "公积金贷款 " + order.contractNo()
						+ " 已结清，无需再还款 / the loan is already settled");
			}
			if (order.amount().compareTo(loan.outstandingPrincipal()) != 0) {
				throw new AgencyRefused(SYSTEM, AgencyRefused.Reason.AMOUNT_DIFFERS, "还款金额 " + order.amount()
						+ " 元与公积金贷款 " + order.contractNo() + " 的剩余本金 " + loan.outstandingPrincipal()
						+ " 元不符，提前结清须一次还清剩余本金 / the amount is not the principal outstanding");
			}
			long sequence = this.jdbc.sql("select nextval('fake_loan_repayment_reference')").query(Long.class).single();
			String reference = "HK" + today.toString().replace("-", "") + String.format("%06d", sequence);
			this.jdbc.sql("""
					insert into fake_loan_repayment (request_key, contract_no, reference, amount, outstanding_before,
					                                 outstanding_after, repaid_on)
					values (?, ?, ?, ?, ?, 0, ?)""")
				.params(order.requestKey(), order.contractNo(), reference, order.amount(), loan.outstandingPrincipal(),
						today)
				.update();
			this.jdbc.sql("update fake_housing_loan set settled_on = ? where contract_no = ?")
				.params(today, order.contractNo())
				.update();
			return new Repayment(order.requestKey(), order.contractNo(), reference, order.amount(),
					BigDecimal.ZERO.setScale(2), today);
		});
	}

	private static final String SYSTEM = "LOAN_SERVICING";

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
