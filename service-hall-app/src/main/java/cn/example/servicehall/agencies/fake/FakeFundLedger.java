package cn.example.servicehall.agencies.fake;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.example.servicehall.agencies.AccountAlreadyClosed;
import cn.example.servicehall.agencies.AgencyRefused;
import cn.example.servicehall.agencies.AgencyRefused.Reason;
import cn.example.servicehall.agencies.FundAccountSystem;
import cn.example.servicehall.agencies.fake.FakeOutages.FakeSystem;

/**
 * The fund's account system as a ledger on {@code fake_fund_account} and {@code fake_fund_movement}: every movement a
 * row, the balance their sum (kept by the database's triggers, which also refuse a negative balance, a second debit
 * or closing for one case and a second closing of one account). A booking locks the account's row, so two calls for
 * one account, the same case sent twice at once included, are booked one after the other.
 */
@Component
class FakeFundLedger implements FundAccountSystem {

	private static final String SYSTEM = FakeSystem.FUND_ACCOUNTS.name();

	private final JdbcClient jdbc;

	private final FakeCalls calls;

	private final Clock clock;

	FakeFundLedger(JdbcClient jdbc, FakeCalls calls, Clock clock) {
		this.jdbc = jdbc;
		this.calls = calls;
		this.clock = clock;
	}

	@Override
	public Optional<FundAccount> accountOf(String residentIdNumber) {
		return this.calls.read(FakeSystem.FUND_ACCOUNTS, status -> account(residentIdNumber, false)
			.map(a -> new FundAccount(a.accountNo, a.holderName, a.status, a.balance, a.continuousMonths,
					a.monthlyDeposit, a.outstandingLoan)));
	}

	@Override
	public Optional<AccountStatement> statementOf(String residentIdNumber) {
		LocalDate today = LocalDate.now(this.clock);
		return this.calls.read(FakeSystem.FUND_ACCOUNTS, status -> account(residentIdNumber, false).map(a -> {
			Accrual accrual = accrual(a.accountNo, today);
			Optional<LocalDate> lastDeposit = this.jdbc.sql("""
					select booked_on from fake_fund_movement where account_no = ? and kind = 'DEPOSIT'
					 order by booked_on desc limit 1""")
				.param(a.accountNo)
				.query(LocalDate.class)
				.optional();
			return new AccountStatement(a.accountNo, a.holderName, a.status, a.balance, accrual.interest, accrual.from,
					today, DepositInterest.ANNUAL_RATE, a.continuousMonths, a.monthlyDeposit, lastDeposit,
					a.outstandingLoan, Optional.ofNullable(a.closedOn), Optional.ofNullable(a.closingCaseNo));
		}));
	}

	@Override
	public List<PastWithdrawal> withdrawalsOf(String residentIdNumber) {
		return this.calls.read(FakeSystem.FUND_ACCOUNTS, status -> this.jdbc.sql("""
				select a.id_no, m.* from fake_fund_movement m join fake_fund_account a using (account_no)
				 where a.id_no = ? and m.kind = 'WITHDRAWAL' order by m.booked_on, m.id""")
			.param(residentIdNumber)
			.query(FakeFundLedger::pastWithdrawal)
			.list());
	}

	@Override
	public List<PastWithdrawal> withdrawalsForHome(String homeRef) {
		// as the registry's search: full-width or half-width, with spaces or without
		return this.calls.read(FakeSystem.FUND_ACCOUNTS, status -> this.jdbc.sql("""
				select a.id_no, m.* from fake_fund_movement m join fake_fund_account a using (account_no)
				 where m.kind = 'WITHDRAWAL'
				   and upper(regexp_replace(normalize(m.home_ref, NFKC), '[[:space:]]+', '', 'g'))
				     = upper(regexp_replace(normalize(:home, NFKC), '[[:space:]]+', '', 'g'))
				 order by m.booked_on, m.id""")
			.param("home", homeRef)
			.query(FakeFundLedger::pastWithdrawal)
			.list());
	}

	@Override
	public Debit debit(DebitOrder order) {
		requireCaseAndReason(order.caseNo(), order.reason());
		if (order.reason().closesAccount()) {
			throw new IllegalArgumentException("提取原因 " + order.reason().code() + " " + order.reason().label()
					+ " closes the account: book it with close(), not debit()");
		}
		requirePositiveFen(order.amount());
		try {
			return this.calls.change(FakeSystem.FUND_ACCOUNTS, status -> {
				LocalDate today = LocalDate.now(this.clock);
				Account account = account(order.residentIdNumber(), true).orElseThrow(() -> noAccount(order.caseNo()));
				Optional<Booked> booked = bookedFor(order.caseNo());
				if (booked.isPresent()) {
					Booked earlier = booked.get();
					if (earlier.kind.equals("WITHDRAWAL") && earlier.accountNo.equals(account.accountNo)
							&& earlier.amount.negate().compareTo(order.amount()) == 0 && !earlier.closing) {
						return new Debit(order.caseNo(), account.accountNo, order.amount(), earlier.balanceAfter,
								earlier.bookedOn);
					}
					throw alreadyBooked(order.caseNo(), earlier);
				}
				refuseUnlessPayable(account, order.amount(), "提取", "提取");
				BigDecimal balanceAfter = this.jdbc.sql("""
						insert into fake_fund_movement (account_no, booked_on, kind, business_type, amount, case_no,
						                                withdrawal_reason, withdrawal_type, home_ref)
						values (:account, :on, 'WITHDRAWAL', '11', :amount, :case, :reason, :type, :home)
						returning balance_after""")
					.param("account", account.accountNo)
					.param("on", today)
					.param("amount", order.amount().negate())
					.param("case", order.caseNo())
					.param("reason", order.reason().code())
					.param("type", order.typeCode())
					.param("home", order.homeRef())
					.query(BigDecimal.class)
					.single();
				return new Debit(order.caseNo(), account.accountNo, order.amount(), balanceAfter, today);
			});
		}
		catch (DuplicateKeyException ex) {
			// the same case booked on another account at the same moment: the database kept one
			throw new AgencyRefused(SYSTEM, Reason.CASE_ALREADY_BOOKED, "案件 " + order.caseNo()
					+ " 已有一笔提取记账，不能再记一笔。 The case already has a debit.");
		}
	}

	@Override
	public Offset offset(OffsetOrder order) {
		if (order.agreementCaseNo() == null || order.agreementCaseNo().isBlank() || order.period() == null
				|| order.loanContractNo() == null) {
			throw new IllegalArgumentException("an offset names its agreement, its month and its loan: " + order);
		}
		requirePositiveFen(order.amount());
		String period = order.period().toString();
		try {
			return this.calls.change(FakeSystem.FUND_ACCOUNTS, status -> {
				LocalDate today = LocalDate.now(this.clock);
				Account account = account(order.residentIdNumber(), true)
					.orElseThrow(() -> noAccount(order.agreementCaseNo()));
				Optional<Offset> booked = this.jdbc.sql("""
						select account_no, amount, balance_after, booked_on, home_ref from fake_fund_movement
						 where case_no = ? and period = ? and kind = 'WITHDRAWAL'""")
					.params(order.agreementCaseNo(), period)
					.query((rs, row) -> {
						BigDecimal amount = rs.getBigDecimal("amount").negate();
						if (amount.compareTo(order.amount()) != 0 || !order.loanContractNo().equals(rs.getString("home_ref"))
								|| !account.accountNo.equals(rs.getString("account_no"))) {
							throw new AgencyRefused(SYSTEM, Reason.CASE_ALREADY_BOOKED, "协议 " + order.agreementCaseNo()
									+ " 的 " + period + " 已冲还 " + amount + " 元，不能再记一笔不同的冲还。"
									+ " That month was booked with another amount or loan.");
						}
						return new Offset(order.agreementCaseNo(), order.period(), account.accountNo, amount,
								rs.getBigDecimal("balance_after"), rs.getObject("booked_on", LocalDate.class));
					})
					.optional();
				if (booked.isPresent()) {
					return booked.get();
				}
				refuseUnlessPayable(account, order.amount(), "冲还", "冲还贷款");
				BigDecimal balanceAfter = this.jdbc.sql("""
						insert into fake_fund_movement (account_no, booked_on, kind, business_type, amount, case_no,
						                                withdrawal_reason, withdrawal_type, home_ref, period)
						values (:account, :on, 'WITHDRAWAL', '11', :amount, :case, :reason, 'LOAN_REPAYMENT_MONTHLY',
						        :loan, :period)
						returning balance_after""")
					.param("account", account.accountNo)
					.param("on", today)
					.param("amount", order.amount().negate())
					.param("case", order.agreementCaseNo())
					.param("reason", WithdrawalReason.LOAN_REPAYMENT.code())
					.param("loan", order.loanContractNo())
					.param("period", period)
					.query(BigDecimal.class)
					.single();
				return new Offset(order.agreementCaseNo(), order.period(), account.accountNo, order.amount(),
						balanceAfter, today);
			});
		}
		catch (DuplicateKeyException ex) {
			// the same month sent twice at once: the database kept one; asking again reads it
			return offset(order);
		}
	}

	@Override
	public Closing close(ClosingOrder order) {
		requireCaseAndReason(order.caseNo(), order.reason());
		if (!order.reason().closesAccount()) {
			throw new IllegalArgumentException("提取原因 " + order.reason().code() + " " + order.reason().label()
					+ " does not close the account: book it with debit(), not close()");
		}
		try {
			return this.calls.change(FakeSystem.FUND_ACCOUNTS, status -> {
				LocalDate today = LocalDate.now(this.clock);
				Account account = account(order.residentIdNumber(), true).orElseThrow(() -> noAccount(order.caseNo()));
				Optional<Booked> booked = bookedFor(order.caseNo());
				if (booked.isPresent()) {
					Booked earlier = booked.get();
					if (earlier.closing && earlier.accountNo.equals(account.accountNo)) {
						return closingOf(order.caseNo(), account.accountNo, earlier.bookedOn);
					}
					throw alreadyBooked(order.caseNo(), earlier);
				}
				if (account.status.isClosed()) {
					throw new AccountAlreadyClosed(SYSTEM, account.accountNo, account.status, account.closedOn,
							account.closingCaseNo);
				}
				if (account.status == AccountStatus.FROZEN) {
					throw new AgencyRefused(SYSTEM, Reason.ACCOUNT_NOT_OPEN, "住房公积金账户 " + account.accountNo
							+ " 已冻结，不能销户提取。 The account is frozen.");
				}
				BigDecimal interest = accrual(account.accountNo, today).interest;
				if (interest.signum() > 0) {
					book(account.accountNo, today, "INTEREST", "09", interest, order.caseNo(), null, null);
				}
				BigDecimal total = account.balance.add(interest);
				if (total.signum() > 0) {
					book(account.accountNo, today, "WITHDRAWAL", "12", total.negate(), order.caseNo(), order.reason(),
							order.typeCode());
				}
				book(account.accountNo, today, "CLOSING", "12", BigDecimal.ZERO, order.caseNo(), order.reason(),
						order.typeCode());
				this.jdbc.sql("""
						update fake_fund_account
						   set status = 'CLOSED_BY_WITHDRAWAL', closed_on = :on, closing_case_no = :case
						 where account_no = :account""")
					.param("on", today)
					.param("case", order.caseNo())
					.param("account", account.accountNo)
					.update();
				return new Closing(order.caseNo(), account.accountNo, account.balance, interest, total, today);
			});
		}
		catch (DuplicateKeyException ex) {
			throw new AgencyRefused(SYSTEM, Reason.CASE_ALREADY_BOOKED, "案件 " + order.caseNo()
					+ " 已有一笔销户记账，不能再记一笔。 The case already has a closing.");
		}
	}

	private void book(String accountNo, LocalDate on, String kind, String businessType, BigDecimal amount,
			String caseNo, WithdrawalReason reason, String typeCode) {
		this.jdbc.sql("""
				insert into fake_fund_movement (account_no, booked_on, kind, business_type, amount, case_no,
				                                withdrawal_reason, withdrawal_type)
				values (:account, :on, :kind, :type, :amount, :case, :reason, :hallType)""")
			.param("account", accountNo)
			.param("on", on)
			.param("kind", kind)
			.param("type", businessType)
			.param("amount", amount)
			.param("case", caseNo)
			.param("reason", reason == null ? null : reason.code())
			.param("hallType", typeCode)
			.update();
	}

	/** The closing a case booked, read back from its rows. */
	private Closing closingOf(String caseNo, String accountNo, LocalDate closedOn) {
		BigDecimal interest = sumOf(caseNo, "INTEREST");
		BigDecimal total = sumOf(caseNo, "WITHDRAWAL").negate();
		return new Closing(caseNo, accountNo, total.subtract(interest), interest, total, closedOn);
	}

	private BigDecimal sumOf(String caseNo, String kind) {
		return this.jdbc.sql("select coalesce(sum(amount), 0.00) from fake_fund_movement where case_no = ? and kind = ?")
			.params(caseNo, kind)
			.query(BigDecimal.class)
			.single();
	}

	/** What the case booked before: its withdrawal, and whether it closed the account. */
	private Optional<Booked> bookedFor(String caseNo) {
		return this.jdbc.sql("""
				select account_no, kind, amount, balance_after, booked_on,
				       exists (select 1 from fake_fund_movement c where c.case_no = m.case_no and c.kind = 'CLOSING') closing
				  from fake_fund_movement m
				 where case_no = ? and kind in ('WITHDRAWAL', 'CLOSING') and period is null
				 order by kind = 'WITHDRAWAL' desc limit 1""")
			.param(caseNo)
			.query((rs, row) -> new Booked(rs.getString("account_no"), rs.getString("kind"), rs.getBigDecimal("amount"),
					rs.getBigDecimal("balance_after"), rs.getObject("booked_on", LocalDate.class),
					rs.getBoolean("closing")))
			.optional();
	}

	private static AgencyRefused alreadyBooked(String caseNo, Booked earlier) {
		return new AgencyRefused(SYSTEM, Reason.CASE_ALREADY_BOOKED, "案件 " + caseNo + " 已于 " + earlier.bookedOn
				+ (earlier.closing ? " 销户提取" : " 提取 " + earlier.amount.negate() + " 元")
				+ "（账户 " + earlier.accountNo + "），不能再记一笔不同的提取。 The case already has a different booking.");
	}

	/**
	 * A debit ({@code what}: 提取 or 冲还, {@code verb} for the sentence) is refused from an account that is not open or
	 * for more than its balance.
	 */
	private static void refuseUnlessPayable(Account account, BigDecimal amount, String what, String verb) {
		if (account.status.isClosed() || account.status == AccountStatus.FROZEN) {
			throw new AgencyRefused(SYSTEM, Reason.ACCOUNT_NOT_OPEN, "住房公积金账户 " + account.accountNo + " 状态为"
					+ account.status.label() + "，不能" + verb + "。 The account is " + account.status.name() + ".");
		}
		if (amount.compareTo(account.balance) > 0) {
			throw new AgencyRefused(SYSTEM, Reason.ABOVE_BALANCE, what + "金额 " + amount + " 元超过账户余额 "
					+ account.balance + " 元，未记账。 The amount is above the balance; nothing was booked.");
		}
	}

	private static AgencyRefused noAccount(String caseNo) {
		return new AgencyRefused(SYSTEM, Reason.NO_ACCOUNT, "该身份证号没有住房公积金账户，案件 " + caseNo
				+ " 未记账。 No fund account for the ID number.");
	}

	private static void requireCaseAndReason(String caseNo, WithdrawalReason reason) {
		if (caseNo == null || caseNo.isBlank() || reason == null) {
			throw new IllegalArgumentException("a booking names its case and its 提取原因: " + caseNo + ", " + reason);
		}
	}

	private static void requirePositiveFen(BigDecimal amount) {
		if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
			throw new IllegalArgumentException("a debit is a positive amount in yuan, at most fen: " + amount);
		}
	}

	/**
	 * The interest to date: from the day after the last annual settlement (or the ledger's first day) until, not
	 * including, today.
	 */
	private Accrual accrual(String accountNo, LocalDate today) {
		List<Row> rows = this.jdbc.sql("""
				select booked_on, kind, amount, case_no from fake_fund_movement where account_no = ? order by booked_on, id""")
			.param(accountNo)
			.query((rs, row) -> new Row(rs.getObject("booked_on", LocalDate.class), rs.getString("kind"),
					rs.getBigDecimal("amount"), rs.getString("case_no")))
			.list();
		if (rows.isEmpty()) {
			return new Accrual(today, BigDecimal.ZERO.setScale(2));
		}
		LocalDate from = rows.stream()
			.filter(r -> r.kind.equals("INTEREST") && r.caseNo == null)
			.map(r -> r.bookedOn.plusDays(1))
			.reduce((a, b) -> b)
			.orElse(rows.get(0).bookedOn);
		BigDecimal atStart = rows.stream()
			.filter(r -> r.bookedOn.isBefore(from))
			.map(Row::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		List<DepositInterest.Movement> movements = rows.stream()
			.map(r -> new DepositInterest.Movement(r.bookedOn, r.amount))
			.toList();
		return new Accrual(from, DepositInterest.accrued(atStart, movements, from, today));
	}

	private Optional<Account> account(String residentIdNumber, boolean lock) {
		return this.jdbc.sql("select * from fake_fund_account where id_no = ?" + (lock ? " for update" : ""))
			.param(residentIdNumber)
			.query((rs, row) -> new Account(rs.getString("account_no"), rs.getString("holder_name"),
					AccountStatus.valueOf(rs.getString("status")), rs.getBigDecimal("balance"),
					rs.getInt("continuous_months"), rs.getBigDecimal("monthly_deposit"),
					rs.getBoolean("outstanding_loan"), rs.getObject("closed_on", LocalDate.class),
					rs.getString("closing_case_no")))
			.optional();
	}

	private static PastWithdrawal pastWithdrawal(ResultSet rs, int row) throws SQLException {
		return new PastWithdrawal(rs.getString("id_no"), rs.getObject("booked_on", LocalDate.class),
				WithdrawalReason.ofCode(rs.getString("withdrawal_reason")),
				Optional.ofNullable(rs.getString("withdrawal_type")), rs.getBigDecimal("amount").negate(),
				rs.getString("case_no"), Optional.ofNullable(rs.getString("home_ref")),
				"12".equals(rs.getString("business_type")));
	}

	private record Account(String accountNo, String holderName, AccountStatus status, BigDecimal balance,
			int continuousMonths, BigDecimal monthlyDeposit, boolean outstandingLoan, LocalDate closedOn,
			String closingCaseNo) {
	}

	private record Booked(String accountNo, String kind, BigDecimal amount, BigDecimal balanceAfter, LocalDate bookedOn,
			boolean closing) {
	}

	private record Row(LocalDate bookedOn, String kind, BigDecimal amount, String caseNo) {
	}

	private record Accrual(LocalDate from, BigDecimal interest) {
	}

}
