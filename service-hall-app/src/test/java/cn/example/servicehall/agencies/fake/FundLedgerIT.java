package cn.example.servicehall.agencies.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.agencies.AccountAlreadyClosed;
import cn.example.servicehall.agencies.AgencyRefused;
import cn.example.servicehall.agencies.AgencyUnavailable;
import cn.example.servicehall.agencies.FundAccountSystem;
import cn.example.servicehall.agencies.FundAccountSystem.AccountStatement;
import cn.example.servicehall.agencies.FundAccountSystem.AccountStatus;
import cn.example.servicehall.agencies.FundAccountSystem.Closing;
import cn.example.servicehall.agencies.FundAccountSystem.ClosingOrder;
import cn.example.servicehall.agencies.FundAccountSystem.Debit;
import cn.example.servicehall.agencies.FundAccountSystem.DebitOrder;
import cn.example.servicehall.agencies.FundAccountSystem.PastWithdrawal;
import cn.example.servicehall.agencies.FundAccountSystem.WithdrawalReason;
import cn.example.servicehall.agencies.fake.FakeOutages.FakeSystem;
import cn.example.servicehall.support.SyntheticCitizens;

/**
 * The fake account system is a ledger: every movement a row, the balance their sum and never negative, one debit and
 * one closing per case whatever is retried or sent at once, and what the database holds says so.
 */
@ServiceHallIntegrationTest
class FundLedgerIT {

	/** 2026-12-08 10:00 in Shanghai. */
	private static final Instant NOW = Instant.parse("2026-12-08T02:00:00Z");

	private static final AtomicInteger CASES = new AtomicInteger();

	@Autowired
	private FundAccountSystem accounts;

	@Autowired
	private FakeOutages outages;

	@Autowired
	private JdbcClient jdbc;

	@BeforeEach
	void fixTheDate() {
		ClockUtil.setCurrentTime(Date.from(NOW));
	}

	@AfterEach
	void resetClockAndOutages() {
		ClockUtil.reset();
		this.outages.allUp();
	}

	@Test
	void everySeededAccountsBalanceIsTheSumOfItsRowsAndTheSeededInterestIsTheDailyProductsOne() {
		assertThat(this.jdbc.sql("""
				select count(*) from fake_fund_account a
				 where a.balance <> coalesce((select sum(amount) from fake_fund_movement m where m.account_no = a.account_no), 0)""")
			.query(Integer.class).single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from fake_fund_movement where balance_after < 0").query(Integer.class)
			.single()).isZero();

		// 张伟's 2026-06-30 settlement: what the hall's formula makes of his rows from 2025-07-01
		String account = "GJJ4108000100";
		List<DepositInterest.Movement> rows = this.jdbc.sql("""
				select booked_on, amount from fake_fund_movement where account_no = ? and booked_on < date '2026-06-30'
				 order by booked_on, id""")
			.param(account)
			.query((rs, row) -> new DepositInterest.Movement(rs.getObject(1, LocalDate.class), rs.getBigDecimal(2)))
			.list();
		BigDecimal settled = this.jdbc.sql("""
				select amount from fake_fund_movement where account_no = ? and kind = 'INTEREST' and booked_on = date '2026-06-30'""")
			.param(account).query(BigDecimal.class).single();
		assertThat(DepositInterest.accrued(BigDecimal.ZERO, rows, LocalDate.of(2025, 7, 1), LocalDate.of(2026, 7, 1)))
			.isEqualByComparingTo(settled)
			.isPositive();
		assertThat(this.accounts.accountOf("410802198506150313").orElseThrow().balance()).isEqualByComparingTo("62000.00");
	}

	@Test
	void theStatementGivesTheStatusCodeBalanceAndInterestToDateOnTheHallsDate() {
		String id = account("56000.00");

		AccountStatement statement = this.accounts.statementOf(id).orElseThrow();

		assertThat(statement.status()).isEqualTo(AccountStatus.NORMAL);
		assertThat(statement.status().code()).isEqualTo("01");
		assertThat(statement.balance()).isEqualByComparingTo("56000.00");
		// 56,000 from 2026-07-01 to 2026-12-08 (160 days, the 8th not counted): 8,960,000 × 0.015 / 360 = 373.33
		assertThat(statement.interestFrom()).isEqualTo(LocalDate.of(2026, 7, 1));
		assertThat(statement.asOf()).isEqualTo(LocalDate.of(2026, 12, 8));
		assertThat(statement.interestToDate()).isEqualByComparingTo("373.33");
		assertThat(statement.payableOnClosing()).isEqualByComparingTo("56373.33");
		assertThat(this.accounts.statementOf("110101190001010000")).isEmpty();
	}

	@Test
	void anAccountInsertedWithABalanceGetsItsOpeningRowDatedTheSameWhateverTheMachinesDate() {
		SyntheticCitizens.Citizen citizen = SyntheticCitizens.next("钱开户");
		SyntheticCitizens.register(this.jdbc, citizen); // a balance of 56,000, as the loan tests' citizens have

		assertThat(this.jdbc.sql("""
				select string_agg(m.kind || ' ' || m.booked_on || ' ' || m.amount || ' ' || m.balance_after, ', ')
				  from fake_fund_movement m join fake_fund_account a using (account_no) where a.id_no = ?""")
			.param(citizen.idNumber()).query(String.class).single())
			.isEqualTo("OPENING 2026-07-01 56000.00 56000.00");
		assertThat(this.accounts.statementOf(citizen.idNumber()).orElseThrow().interestToDate())
			.isEqualByComparingTo("373.33");
	}

	@Test
	void aDebitIsOneRowPerCaseHoweverOftenItIsAskedFor() {
		String id = account("20000.00");
		String caseNo = caseNo();
		DebitOrder order = new DebitOrder(caseNo, id, WithdrawalReason.RENT, "RENT", new BigDecimal("4500.00"), null);

		Debit first = this.accounts.debit(order);
		Debit again = this.accounts.debit(order);

		assertThat(again).isEqualTo(first);
		assertThat(first.balanceAfter()).isEqualByComparingTo("15500.00");
		assertThat(first.bookedOn()).isEqualTo(LocalDate.of(2026, 12, 8));
		assertThat(debitRows(caseNo)).isEqualTo(1);
		assertThat(balance(id)).isEqualByComparingTo("15500.00");
	}

	@Test
	void aDebitWhoseAnswerWasLostIsFoundOnRetryNotBookedTwice() {
		String id = account("20000.00");
		String caseNo = caseNo();
		DebitOrder order = new DebitOrder(caseNo, id, WithdrawalReason.LOAN_REPAYMENT, null, new BigDecimal("8000.00"),
				"豫(2022)焦作市不动产权第0056789号");
		this.outages.loseNextAnswers(FakeSystem.FUND_ACCOUNTS, 1);

		assertThatThrownBy(() -> this.accounts.debit(order)).isInstanceOf(AgencyUnavailable.class)
			.hasMessageContaining("read timed out");
		assertThat(debitRows(caseNo)).as("the account system booked it").isEqualTo(1);

		assertThat(this.accounts.debit(order).balanceAfter()).isEqualByComparingTo("12000.00");
		assertThat(debitRows(caseNo)).isEqualTo(1);
		assertThat(balance(id)).isEqualByComparingTo("12000.00");
	}

	@Test
	void theSameDebitSentTwiceAtOnceIsBookedOnce() throws Exception {
		String id = account("20000.00");
		String caseNo = caseNo();
		DebitOrder order = new DebitOrder(caseNo, id, WithdrawalReason.RENT, "RENT", new BigDecimal("3000.00"), null);
		CyclicBarrier together = new CyclicBarrier(2);

		CompletableFuture<Debit> one = CompletableFuture.supplyAsync(() -> atOnce(together, order));
		CompletableFuture<Debit> two = CompletableFuture.supplyAsync(() -> atOnce(together, order));

		assertThat(one.get(30, TimeUnit.SECONDS)).isEqualTo(two.get(30, TimeUnit.SECONDS));
		assertThat(debitRows(caseNo)).isEqualTo(1);
		assertThat(balance(id)).isEqualByComparingTo("17000.00");
	}

	@Test
	void aSecondDebitForTheCaseWithAnotherAmountIsRefusedAndNothingWritten() {
		String id = account("20000.00");
		String caseNo = caseNo();
		this.accounts.debit(new DebitOrder(caseNo, id, WithdrawalReason.RENT, null, new BigDecimal("3000.00"), null));
		int rows = rows(id);

		assertThatThrownBy(() -> this.accounts
			.debit(new DebitOrder(caseNo, id, WithdrawalReason.RENT, null, new BigDecimal("3000.01"), null)))
			.isInstanceOfSatisfying(AgencyRefused.class,
					refused -> assertThat(refused.reason()).isEqualTo(AgencyRefused.Reason.CASE_ALREADY_BOOKED))
			.hasMessageContaining(caseNo);
		assertThat(rows(id)).isEqualTo(rows);
		assertThat(balance(id)).isEqualByComparingTo("17000.00");
	}

	@Test
	void aDebitAboveTheBalanceIsRefusedWithNothingWrittenAndTheDatabaseRefusesANegativeBalanceToo() {
		String id = account("5000.00");
		String caseNo = caseNo();
		int rows = rows(id);

		assertThatThrownBy(() -> this.accounts
			.debit(new DebitOrder(caseNo, id, WithdrawalReason.RENT, null, new BigDecimal("5000.01"), null)))
			.isInstanceOfSatisfying(AgencyRefused.class,
					refused -> assertThat(refused.reason()).isEqualTo(AgencyRefused.Reason.ABOVE_BALANCE))
			.hasMessageContaining("超过账户余额");
		assertThat(rows(id)).isEqualTo(rows);
		assertThat(balance(id)).isEqualByComparingTo("5000.00");

		// the whole balance may go
		assertThat(this.accounts
			.debit(new DebitOrder(caseNo, id, WithdrawalReason.RENT, null, new BigDecimal("5000.00"), null))
			.balanceAfter()).isEqualByComparingTo("0.00");

		// whoever writes to the tables: no row below zero, no balance but the ledger's
		String accountNo = accountNo(id);
		assertThatThrownBy(() -> this.jdbc.sql("""
				insert into fake_fund_movement (account_no, booked_on, kind, business_type, amount, case_no, withdrawal_reason)
				values (?, date '2026-12-08', 'WITHDRAWAL', '11', -0.01, ?, '07')""").params(accountNo, caseNo()).update())
			.hasMessageContaining("above the balance");
		assertThatThrownBy(() -> this.jdbc.sql("update fake_fund_account set balance = 100 where account_no = ?")
			.param(accountNo).update()).hasMessageContaining("sum of its ledger rows");
		assertThat(balance(id)).isEqualByComparingTo("0.00");
	}

	@Test
	void closingCreditsTheInterestDebitsEverythingAndClosesWithCode05OnceWhateverIsRetried() {
		String id = account("56000.00");
		String caseNo = caseNo();
		ClosingOrder order = new ClosingOrder(caseNo, id, WithdrawalReason.RETIREMENT, "RETIREMENT");
		this.outages.loseNextAnswers(FakeSystem.FUND_ACCOUNTS, 1);

		assertThatThrownBy(() -> this.accounts.close(order)).isInstanceOf(AgencyUnavailable.class);
		Closing closing = this.accounts.close(order);

		assertThat(closing.balance()).isEqualByComparingTo("56000.00");
		assertThat(closing.interest()).isEqualByComparingTo("373.33");
		assertThat(closing.total()).isEqualByComparingTo("56373.33");
		assertThat(closing.closedOn()).isEqualTo(LocalDate.of(2026, 12, 8));
		assertThat(this.accounts.close(order)).isEqualTo(closing);
		assertThat(this.jdbc.sql("""
				select string_agg(kind || ' ' || business_type || ' ' || amount || ' ' || balance_after, ', ' order by id)
				  from fake_fund_movement where case_no = ?""").param(caseNo).query(String.class).single())
			.isEqualTo("INTEREST 09 373.33 56373.33, WITHDRAWAL 12 -56373.33 0.00, CLOSING 12 0.00 0.00");
		assertThat(this.jdbc.sql("select status || ' ' || balance || ' ' || closed_on || ' ' || closing_case_no "
				+ "from fake_fund_account where id_no = ?").param(id).query(String.class).single())
			.isEqualTo("CLOSED_BY_WITHDRAWAL 0.00 2026-12-08 " + caseNo);
		AccountStatement statement = this.accounts.statementOf(id).orElseThrow();
		assertThat(statement.status().code()).isEqualTo("05");
		assertThat(statement.status().label()).isEqualTo("提取销户");
		assertThat(statement.closingCaseNo()).contains(caseNo);
		assertThat(this.accounts.withdrawalsOf(id)).singleElement()
			.satisfies(w -> assertThat(w.closedAccount()).isTrue())
			.satisfies(w -> assertThat(w.amount()).isEqualByComparingTo("56373.33"));
	}

	@Test
	void closingAClosedAccountAgainIsItsOwnRefusalNamingTheEarlierClosingAndNothingIsWritten() {
		String id = account("9000.00");
		String first = caseNo();
		this.accounts.close(new ClosingOrder(first, id, WithdrawalReason.RETIREMENT, null));
		int rows = rows(id);

		String second = caseNo();
		assertThatThrownBy(() -> this.accounts.close(new ClosingOrder(second, id, WithdrawalReason.DEATH, null)))
			.isInstanceOfSatisfying(AccountAlreadyClosed.class, closed -> {
				assertThat(closed.reason()).isEqualTo(AgencyRefused.Reason.ACCOUNT_ALREADY_CLOSED);
				assertThat(closed.status()).isEqualTo(AccountStatus.CLOSED_BY_WITHDRAWAL);
				assertThat(closed.closingCaseNo()).isEqualTo(first);
				assertThat(closed.closedOn()).isEqualTo(LocalDate.of(2026, 12, 8));
			})
			.hasMessageContaining("已提取销户");
		assertThatThrownBy(() -> this.accounts
			.debit(new DebitOrder(caseNo(), id, WithdrawalReason.RENT, null, new BigDecimal("1.00"), null)))
			.isInstanceOfSatisfying(AgencyRefused.class,
					refused -> assertThat(refused.reason()).isEqualTo(AgencyRefused.Reason.ACCOUNT_NOT_OPEN));
		assertThat(rows(id)).isEqualTo(rows);
	}

	@Test
	void aPartialDebitCannotCloseAndAClosingCannotFollowTheCasesPartialDebit() {
		String id = account("9000.00");
		assertThatThrownBy(() -> this.accounts
			.debit(new DebitOrder(caseNo(), id, WithdrawalReason.RETIREMENT, null, new BigDecimal("9000.00"), null)))
			.isInstanceOf(IllegalArgumentException.class);
		String caseNo = caseNo();
		this.accounts.debit(new DebitOrder(caseNo, id, WithdrawalReason.RENT, null, new BigDecimal("100.00"), null));
		assertThatThrownBy(() -> this.accounts.close(new ClosingOrder(caseNo, id, WithdrawalReason.RETIREMENT, null)))
			.isInstanceOfSatisfying(AgencyRefused.class,
					refused -> assertThat(refused.reason()).isEqualTo(AgencyRefused.Reason.CASE_ALREADY_BOOKED));
		assertThat(balance(id)).isEqualByComparingTo("8900.00");
	}

	@Test
	void theHistoryListsEarlierWithdrawalsWithTheirTypeCaseAndHome() {
		// 钱立新 withdrew for the flat he bought in 2026
		assertThat(this.accounts.withdrawalsOf("410811196610080332")).singleElement().satisfies(w -> {
			assertThat(w.bookedOn()).isEqualTo(LocalDate.of(2026, 3, 16));
			assertThat(w.reason()).isEqualTo(WithdrawalReason.PURCHASE);
			assertThat(w.reason().code()).isEqualTo("01");
			assertThat(w.amount()).isEqualByComparingTo("40000.00");
			assertThat(w.caseNo()).isEqualTo("TQ20260316000012");
			assertThat(w.homeRef()).contains("豫(2026)焦作市不动产权第0089012号");
			assertThat(w.closedAccount()).isFalse();
		});
		// found by the home, whatever the width of the brackets and the spaces
		assertThat(this.accounts.withdrawalsForHome("豫（2026）焦作市不动产权第 0089012 号"))
			.extracting(PastWithdrawal::residentIdNumber).containsExactly("410811196610080332");

		String id = account("30000.00");
		this.accounts.debit(new DebitOrder(caseNo(), id, WithdrawalReason.RENT, "RENT", new BigDecimal("1500.00"), null));
		this.accounts.debit(new DebitOrder(caseNo(), id, WithdrawalReason.OTHER, "ELEVATOR", new BigDecimal("8000.00"),
				"豫(2018)焦作市不动产权第0012345号"));
		assertThat(this.accounts.withdrawalsOf(id))
			.extracting(w -> w.reason().code() + " " + w.typeCode().orElse("") + " " + w.amount())
			.containsExactly("07 RENT 1500.00", "99 ELEVATOR 8000.00");
	}

	@Test
	void whileTheAccountSystemIsDownNothingIsBooked() {
		String id = account("20000.00");
		String caseNo = caseNo();
		this.outages.down(FakeSystem.FUND_ACCOUNTS);
		DebitOrder order = new DebitOrder(caseNo, id, WithdrawalReason.RENT, null, new BigDecimal("1000.00"), null);

		assertThatThrownBy(() -> this.accounts.debit(order)).isInstanceOf(AgencyUnavailable.class);
		assertThat(debitRows(caseNo)).isZero();

		this.outages.up(FakeSystem.FUND_ACCOUNTS);
		this.accounts.debit(order);
		assertThat(debitRows(caseNo)).isEqualTo(1);
	}

	private Debit atOnce(CyclicBarrier together, DebitOrder order) {
		try {
			together.await(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return this.accounts.debit(order);
	}

	/** A new account with the balance brought forward on 2026-07-01, its opening row dated so, not by the machine. */
	private String account(String balance) {
		SyntheticCitizens.Citizen citizen = SyntheticCitizens.next("钱账户");
		String accountNo = "GJJ7" + citizen.idNumber().substring(6, 17);
		this.jdbc.sql("""
				insert into fake_fund_account (id_no, account_no, holder_name, status, balance, continuous_months,
				                               monthly_deposit, outstanding_loan)
				values (?, ?, ?, 'NORMAL', 0, 24, 1500.00, false)""")
			.params(citizen.idNumber(), accountNo, citizen.name())
			.update();
		this.jdbc.sql("""
				insert into fake_fund_movement (account_no, booked_on, kind, business_type, amount)
				values (?, date '2026-07-01', 'OPENING', '03', ?)""")
			.params(accountNo, new BigDecimal(balance))
			.update();
		return citizen.idNumber();
	}

	private static String caseNo() {
		return "TQ2026120899" + String.format("%04d", CASES.incrementAndGet()) + System.nanoTime() % 1000;
	}

	private String accountNo(String id) {
		return this.jdbc.sql("select account_no from fake_fund_account where id_no = ?").param(id).query(String.class)
			.single();
	}

	private BigDecimal balance(String id) {
		return this.jdbc.sql("select balance from fake_fund_account where id_no = ?").param(id).query(BigDecimal.class)
			.single();
	}

	private int rows(String id) {
		return this.jdbc.sql("""
				select count(*) from fake_fund_movement m join fake_fund_account a using (account_no) where a.id_no = ?""")
			.param(id).query(Integer.class).single();
	}

	private int debitRows(String caseNo) {
		return this.jdbc.sql("select count(*) from fake_fund_movement where case_no = ? and kind = 'WITHDRAWAL'")
			.param(caseNo).query(Integer.class).single();
	}

}
