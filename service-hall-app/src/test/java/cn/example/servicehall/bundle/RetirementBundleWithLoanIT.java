package cn.example.servicehall.bundle;

import static cn.example.servicehall.support.LoanFixtures.runJobs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.agencies.AgencyRefused;
import cn.example.servicehall.agencies.LoanServicing;
import cn.example.servicehall.agencies.fake.FakeOutages;
import cn.example.servicehall.agencies.fake.FakeOutages.FakeSystem;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.support.Api;
import cn.example.servicehall.support.PdfTools;
import cn.example.servicehall.support.TestTokens;
import cn.example.servicehall.support.WithdrawalFixtures;
import cn.example.servicehall.support.WithdrawalFixtures.Depositor;

/**
 * 退休一件事 for a depositor with a fund loan outstanding and a monthly repayment-offset agreement, through the API as
 * the counter clerk does it: one case number, the payoff (part 2) and the closing (part 3) each with its own number,
 * record, booking and documents; the loan paid off from the balance to the loan servicing system and settled, the
 * rest withdrawn to the card and the account closed, the agreement ended and no month offset after it, one acceptance
 * and one completion receipt listing both parts. The loan servicing system down during the payoff is retried and
 * nothing is paid twice; the same payoff sent twice at once is made once.
 */
@ServiceHallIntegrationTest
class RetirementBundleWithLoanIT {

	/** A Monday in office hours, Beijing time. */
	private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-07T10:00:00+08:00");

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private ProcessEngine engine;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private LoanServicing loans;

	@Autowired
	private FakeOutages outages;

	@TempDir
	Path work;

	private Api clerk;

	@BeforeEach
	void atTheCounter() {
		ClockUtil.setCurrentTime(java.util.Date.from(NOW.toInstant()));
		this.clerk = Api.as(this.http, TestTokens.user("clerk1", Groups.HPF_ACCEPTANCE_CLERK));
	}

	@AfterEach
	void realTime() {
		ClockUtil.reset();
		this.outages.allUp();
	}

	@Test
	void theLoanIsPaidOffFromTheBalanceTheRestWithdrawnTheAccountClosedAndTheOffsetEndedUnderOneCaseNumber()
			throws Exception {
		Depositor retired = retiredWithBalance("孙结清", "180000.00");
		String loan = fundLoan(retired);
		BigDecimal outstanding = outstanding(retired, loan);
		assertThat(outstanding).isPositive();
		String agreementCase = monthlyOffset(retired, loan);
		assertThat(row("select status from withdrawal_offset_agreement where case_no = ?", agreementCase))
			.isEqualTo("ACTIVE");

		ResponseEntity<Map<String, Object>> created = this.clerk.post("/api/bundles/RETIREMENT/applications",
				form(retired), WithdrawalFixtures.key());
		assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
		String caseNo = (String) created.getBody().get("caseNo");
		runJobs(this.engine, caseNo);

		// one case: the bundle, the payoff as part 2 and the closing as part 3, each its own process and record
		assertThat(this.jdbc.sql("""
				select p.part_no || ':' || p.service_type || ':' || coalesce(b.part_key, '-') || ':'
				       || coalesce(a.type, '-') || ':' || (p.process_instance_id is not null)
				  from intake_case_part p left join bundle_part b using (case_no, part_no)
				       left join withdrawal_application a using (case_no, part_no)
				 where p.case_no = ? order by p.part_no""").param(caseNo).query(String.class).list())
			.containsExactly("1:BUNDLE:-:-:true", "2:WITHDRAWAL:loan-payoff:LOAN_PAYOFF:true",
					"3:WITHDRAWAL:closing:RETIREMENT:true");
		assertThat(row("select status from intake_case where case_no = ?", caseNo)).isEqualTo("COMPLETED");
		assertThat(count("select count(*) from intake_case where applicant_id_no = ? and service_type = 'BUNDLE'",
				retired.id())).isOne();

		// the payoff: the outstanding principal debited once (keyed by the part) and paid to the loan, which is settled
		assertThat(this.jdbc.sql("""
				select case_no || '/' || kind || '/' || amount from fake_fund_movement
				 where account_no = (select account_no from fake_fund_account where id_no = ?)
				   and kind in ('WITHDRAWAL', 'CLOSING') order by id""").param(retired.id()).query(String.class).list())
			.containsExactly(caseNo + "-2/WITHDRAWAL/" + outstanding.negate(),
					caseNo + "-3/WITHDRAWAL/" + closingTotal(caseNo).negate(), caseNo + "-3/CLOSING/0.00");
		assertThat(this.jdbc.sql("select request_key || '/' || contract_no || '/' || amount from fake_loan_repayment "
				+ "where contract_no = ?").param(loan).query(String.class).list())
			.containsExactly(caseNo + "-2/" + loan + "/" + outstanding);
		LoanServicing.HousingLoan settled = this.loans.loansOf(retired.id(), LocalDate.of(2026, 1, 1),
				LocalDate.of(2026, 12, 31)).get(0);
		assertThat(settled.outstandingPrincipal()).isZero();
		assertThat(settled.lastDue()).isEqualTo(LocalDate.of(2026, 12, 7));

		// the rest to the card once, and the account closed
		assertThat(this.jdbc.sql("select case_no || '/' || amount from fake_bank_payment where case_no like ?")
			.param(caseNo + "%").query(String.class).list()).containsExactly(caseNo + "-3/" + closingTotal(caseNo));
		assertThat(row("select status || '/' || balance from fake_fund_account where id_no = ?", retired.id()))
			.isEqualTo("CLOSED_BY_WITHDRAWAL/0.00");
		assertThat(this.jdbc.sql("""
				select part_no || '/' || amount || '/' || closed_account || '/' || coalesce(paid_to_loan, 'card')
				  from withdrawal_payment where case_no = ? order by part_no""").param(caseNo).query(String.class).list())
			.containsExactly("2/" + outstanding + "/false/" + loan, "3/" + closingTotal(caseNo) + "/true/card");

		// the agreement ended by the payoff (the loan repaid; the closing finds none left), and no month offset
		// afterwards, not even on the loan's next due day
		assertThat(row("select status || '/' || end_reason || '/' || ended_note from withdrawal_offset_agreement "
				+ "where case_no = ?", agreementCase)).isEqualTo("ENDED/LOAN_REPAID/" + caseNo + "-2");
		ClockUtil.setCurrentTime(java.util.Date.from(OffsetDateTime.parse("2027-01-16T10:00:00+08:00").toInstant()));
		runJobs(this.engine, agreementCase);
		assertThat(count("select count(*) from withdrawal_offset where case_no = ?", agreementCase)).isZero();
		assertThat(this.engine.getRuntimeService().createProcessInstanceQuery()
			.processInstanceBusinessKey(agreementCase).count()).isZero();

		// documents: one acceptance and one completion receipt for the case, each part's own receipt once
		assertThat(this.jdbc.sql("select kind || '#' || occurrence from documents_document where case_no = ? "
				+ "order by kind, occurrence").param(caseNo).query(String.class).list())
			.containsExactly("ACCEPTANCE_RECEIPT#1", "ACCOUNT_CLOSING_CERTIFICATE#3", "COMPLETION_RECEIPT#1",
					"WITHDRAWAL_RECEIPT#2", "WITHDRAWAL_RECEIPT#3");
		String acceptance = text(caseNo, "ACCEPTANCE_RECEIPT", "1");
		assertThat(acceptance).contains(caseNo + "-2", "公积金贷款结清", caseNo + "-3", "离休、退休提取并销户", "借款合同");
		assertThat(acceptance.split("申请人居民身份证", -1)).as("one ID card on the receipt").hasSize(2);
		String payoffReceipt = text(caseNo, "WITHDRAWAL_RECEIPT", "2");
		assertThat(payoffReceipt).contains("提前结清公积金贷款提取", PdfTools.normalise("借款合同 " + loan),
				PdfTools.normalise("住房公积金贷款（提前结清）"), "提取金额已直接用于结清您的住房公积金贷款")
			.doesNotContain("6212", "划转至您指定的银行账户");
		assertThat(text(caseNo, "WITHDRAWAL_RECEIPT", "3")).contains("提取金额已划转至您指定的银行账户");
		String completion = text(caseNo, "COMPLETION_RECEIPT", "1");
		assertThat(completion).contains(caseNo + "-2", caseNo + "-3", "偿还公积金贷款" + loan, "贷款已结清",
				"账户已销户", "各事项均已办结");
		assertThat(completion.split(PdfTools.normalise("已办结，金额"), -1)).as("both parts' amounts").hasSize(3);
		assertThat(this.engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
			.count()).isZero();
	}

	@Test
	void theReadmesDemoRetireeWalksAsTheReadmeSays() {
		Depositor chen = new Depositor("陈国栋", "410802196602100536");
		String agreementCase = monthlyOffset(chen, "JK2018092000031");
		String caseNo = (String) this.clerk.post("/api/bundles/RETIREMENT/applications", form(chen),
				WithdrawalFixtures.key()).getBody().get("caseNo");
		runJobs(this.engine, caseNo);

		assertThat(row("select status from intake_case where case_no = ?", caseNo)).isEqualTo("COMPLETED");
		assertThat(this.jdbc.sql("select part_no || '/' || amount from withdrawal_payment where case_no = ? order by part_no")
			.param(caseNo).query(String.class).list().get(0)).isEqualTo("2/77410.60");
		assertThat(row("select status from fake_fund_account where id_no = ?", chen.id()))
			.isEqualTo("CLOSED_BY_WITHDRAWAL");
		assertThat(row("select status || '/' || end_reason from withdrawal_offset_agreement where case_no = ?",
				agreementCase)).isEqualTo("ENDED/LOAN_REPAID");
	}

	@Test
	void theLoanServicingSystemDownDuringThePayoffIsRetriedAndNothingIsPaidTwice() {
		// a retiree's account sealed (封存) after his last deposit: its loan is paid off all the same
		Depositor retired = retiredWithBalance("钱重试", "180000.00", "SEALED");
		String loan = fundLoan(retired);
		String caseNo = (String) this.clerk.post("/api/bundles/RETIREMENT/applications", form(retired),
				WithdrawalFixtures.key()).getBody().get("caseNo");

		// up to the payoff's payment: booked in the fund account, then the loan servicing system cannot be reached
		runUntil(caseNo, "Task_RepayFundLoan");
		this.outages.down(FakeSystem.LOAN_SERVICING);
		assertThatThrownBy(() -> runJobs(this.engine, caseNo)).hasMessageContaining("LOAN_SERVICING");
		Job failed = repayJob(caseNo);
		assertThat(failed.getRetries()).as("retried later, not given up").isEqualTo(9);
		assertThat(failed.getExceptionMessage()).contains("LOAN_SERVICING");
		assertThat(count("select count(*) from fake_loan_repayment where contract_no = ?", loan)).isZero();

		// back up, and the answer of the first call after it lost: the retry gets the repayment made, made once
		this.outages.up(FakeSystem.LOAN_SERVICING);
		this.outages.loseNextAnswers(FakeSystem.LOAN_SERVICING, 1);
		retryNow(failed);
		assertThatThrownBy(() -> runJobs(this.engine, caseNo)).hasMessageContaining("LOAN_SERVICING");
		assertThat(count("select count(*) from fake_loan_repayment where contract_no = ?", loan)).isOne();
		retryNow(repayJob(caseNo));
		runJobs(this.engine, caseNo);

		assertThat(row("select status from intake_case where case_no = ?", caseNo)).isEqualTo("COMPLETED");
		assertThat(count("select count(*) from fake_loan_repayment where contract_no = ?", loan)).isOne();
		assertThat(count("select count(*) from fake_fund_movement where case_no = ? and kind = 'WITHDRAWAL'",
				caseNo + "-2")).isOne();
		assertThat(count("select count(*) from fake_bank_payment where case_no like ?", caseNo + "%")).isOne();
		assertThat(row("select status from fake_fund_account where id_no = ?", retired.id()))
			.isEqualTo("CLOSED_BY_WITHDRAWAL");
	}

	@Test
	void thePayoffSentTwiceAtOnceIsMadeOnceAndASettledLoanIsRefusedInWords() throws Exception {
		Depositor borrower = retiredWithBalance("李同时", "180000.00");
		String loan = fundLoan(borrower);
		BigDecimal outstanding = outstanding(borrower, loan);
		LoanServicing.FundRepayment order = new LoanServicing.FundRepayment("YS2026120799999-2", loan, borrower.id(),
				outstanding);

		CyclicBarrier together = new CyclicBarrier(2);
		CompletableFuture<Object> first = CompletableFuture.supplyAsync(() -> atOnce(together, order));
		CompletableFuture<Object> second = CompletableFuture.supplyAsync(() -> atOnce(together, order));
		Object one = first.get(30, TimeUnit.SECONDS);
		Object other = second.get(30, TimeUnit.SECONDS);

		assertThat(one).isInstanceOf(LoanServicing.Repayment.class).isEqualTo(other);
		assertThat(count("select count(*) from fake_loan_repayment where contract_no = ?", loan)).isOne();
		assertThat(outstanding(borrower, loan)).isZero();
		assertThatThrownBy(() -> this.loans.repayFromFund(new LoanServicing.FundRepayment("YS2026120799998-2", loan,
				borrower.id(), outstanding)))
			.isInstanceOf(AgencyRefused.class)
			.hasMessageContaining("已结清")
			.satisfies(ex -> assertThat(((AgencyRefused) ex).reason()).isEqualTo(AgencyRefused.Reason.LOAN_SETTLED));
	}

	@Test
	void aBalanceShortOfTheLoanIsRefusedInWordsAtTheCounterAndAPayoffAloneIsNotOffered() {
		Depositor retired = retiredWithBalance("周不足", "20000.00");
		fundLoan(retired);
		long before = count("select count(*) from intake_case where applicant_id_no = ?", retired.id());

		ResponseEntity<String> refused = this.clerk.raw(HttpMethod.POST, "/api/bundles/RETIREMENT/applications",
				form(retired), WithdrawalFixtures.key());

		assertThat(refused.getStatusCode().value()).isEqualTo(422);
		assertThat(refused.getBody()).contains("账户余额不足以一次结清住房公积金贷款的剩余本金");
		assertThat(count("select count(*) from intake_case where applicant_id_no = ?", retired.id())).isEqualTo(before);

		Map<String, Object> alone = WithdrawalFixtures.application("LOAN_PAYOFF", retired, Map.of());
		ResponseEntity<String> notAlone = this.clerk.raw(HttpMethod.POST, "/api/withdrawals", alone,
				WithdrawalFixtures.key());
		assertThat(notAlone.getStatusCode().value()).isEqualTo(422);
		assertThat(notAlone.getBody()).contains("only-in-bundle", "只在退休一件事中");
	}

	private Object atOnce(CyclicBarrier together, LoanServicing.FundRepayment order) {
		try {
			together.await(10, TimeUnit.SECONDS);
			return this.loans.repayFromFund(order);
		}
		catch (AgencyRefused refused) {
			return refused;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A man born in 1960, retired in 2020 on social security's record, with {@code balance} on his account. */
	private Depositor retiredWithBalance(String name, String balance) {
		return retiredWithBalance(name, balance, "NORMAL");
	}

	private Depositor retiredWithBalance(String name, String balance, String status) {
		Depositor retired = WithdrawalFixtures.depositor(this.jdbc, name, LocalDate.of(1960, 5, 10), true, balance,
				status);
		this.jdbc.sql("insert into fake_social_security_retirement (id_no, retired_on, certificate_no) values (?, ?, ?)")
			.params(retired.id(), LocalDate.of(2020, 5, 10), "TX" + retired.id())
			.update();
		return retired;
	}

	/** A fund loan of 100,000 over 10 years from 2023-01-15 at 3.1 %, repaid on time: its contract number. */
	private String fundLoan(Depositor borrower) {
		String contract = "JKP" + borrower.id().substring(6);
		this.jdbc.sql("""
				insert into fake_housing_loan (contract_no, kind, lender, borrower_id_no, principal, annual_rate, term_months,
				                               first_due, monthly_instalment)
				values (?, 'FUND', '焦作市住房公积金管理中心', ?, 100000.00, 0.03100, 120, date '2023-01-15', 970.23)""")
			.params(contract, borrower.id())
			.update();
		return contract;
	}

	private BigDecimal outstanding(Depositor borrower, String loan) {
		return this.loans.loansOf(borrower.id(), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31))
			.stream()
			.filter(l -> l.contractNo().equals(loan))
			.findFirst()
			.orElseThrow()
			.outstandingPrincipal();
	}

	/** 委托按月提取还贷 signed at the counter before the bundle: its case number. */
	private String monthlyOffset(Depositor who, String loan) {
		Map<String, Object> monthly = WithdrawalFixtures.application("LOAN_REPAYMENT_MONTHLY", who,
				Map.of("loanNo", loan));
		Map<String, Object> assessment = this.clerk.post("/api/withdrawals/assessment", monthly).getBody();
		monthly.put("materials", WithdrawalFixtures.allMaterials(assessment));
		ResponseEntity<Map<String, Object>> created = this.clerk.post("/api/withdrawals", monthly,
				WithdrawalFixtures.key());
		assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
		String caseNo = WithdrawalFixtures.caseNo(created.getBody());
		runJobs(this.engine, caseNo);
		return caseNo;
	}

	private BigDecimal closingTotal(String caseNo) {
		return this.jdbc.sql("select amount from withdrawal_payment where case_no = ? and part_no = 3").param(caseNo)
			.query(BigDecimal.class).single();
	}

	/** Runs the case's jobs one at a time until {@code activity}'s is the one due. */
	private void runUntil(String caseNo, String activity) {
		for (int ran = 0; ran < 50; ran++) {
			List<String> due = cn.example.servicehall.support.LoanFixtures.dueSteps(this.engine, caseNo);
			if (due.contains(activity)) {
				return;
			}
			Job next = cn.example.servicehall.support.LoanFixtures.jobsOf(this.engine, caseNo).get(0);
			this.engine.getManagementService().executeJob(next.getId());
		}
		throw new AssertionError("never due: " + activity);
	}

	private Job repayJob(String caseNo) {
		return this.engine.getManagementService().createJobQuery().list().stream()
			.filter(job -> job.getExceptionMessage() != null)
			.filter(job -> caseNo.equals(this.engine.getRuntimeService().createProcessInstanceQuery()
				.processInstanceId(job.getProcessInstanceId()).singleResult().getBusinessKey()))
			.findFirst()
			.orElseThrow();
	}

	/** The retry's time come: due now (the engine would wait five minutes). */
	private void retryNow(Job job) {
		this.engine.getManagementService().setJobDuedate(job.getId(), java.util.Date.from(NOW.toInstant()));
	}

	private static Map<String, Object> form(Depositor who) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("applicant", Map.of("name", who.name(), "idNumber", who.id(), "phone", "13800138000"));
		form.put("bankCard", Map.of("cardNo", WithdrawalFixtures.CARD, "bankName", "中国建设银行焦作分行"));
		Map<String, Boolean> materials = new LinkedHashMap<>();
		for (String code : List.of("APPLICANT_ID", "OWN_BANK_CARD", "APPLICATION_FORM", "RETIREMENT_PROOF",
				"LOAN_CONTRACT")) {
			materials.put(code, true);
		}
		form.put("materials", materials);
		return form;
	}

	private String row(String sql, String param) {
		return this.jdbc.sql(sql).param(param).query(String.class).single();
	}

	private long count(String sql, String param) {
		return this.jdbc.sql(sql).param(param).query(Long.class).single();
	}

	private String text(String caseNo, String kind, String occurrence) {
		byte[] pdf = this.jdbc.sql("select content from documents_document where case_no = ? and kind = ? and occurrence = ?")
			.params(caseNo, kind, occurrence).query(byte[].class).single();
		return PdfTools.normalise(PdfTools.text(PdfTools.write(this.work, caseNo + "-" + kind + occurrence + ".pdf",
				pdf)));
	}

}
