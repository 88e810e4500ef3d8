package cn.example.servicehall.withdrawal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;

import cn.example.servicehall.intake.RetirementAge;
import cn.example.servicehall.withdrawal.WithdrawalFacts.Account;
import cn.example.servicehall.withdrawal.WithdrawalFacts.AccountState;
import cn.example.servicehall.withdrawal.WithdrawalFacts.Applicant;
import cn.example.servicehall.withdrawal.WithdrawalFacts.Claim;
import cn.example.servicehall.withdrawal.WithdrawalFacts.EarlierWithdrawal;
import cn.example.servicehall.withdrawal.WithdrawalFacts.Home;
import cn.example.servicehall.withdrawal.WithdrawalFacts.Lease;
import cn.example.servicehall.withdrawal.WithdrawalFacts.Loan;
import cn.example.servicehall.withdrawal.WithdrawalFacts.MedicalInvoice;
import cn.example.servicehall.withdrawal.WithdrawalFacts.Papers;

/**
 * Facts for the withdrawal rules' tests: a man of 40 with a normal account of 50,000.00, 36 months of deposits, no
 * home in the city, no loans, no earlier withdrawals, accepted on 2026-03-16; each test changes what it needs.
 */
final class Facts {

	static final String ACCOUNT = "410800000001";

	static final String SPOUSE_ACCOUNT = "410800000002";

	LocalDate acceptedOn = LocalDate.of(2026, 3, 16);

	LocalDate birthDate = LocalDate.of(1986, 5, 20);

	RetirementAge.Kind kind = RetirementAge.Kind.M60;

	boolean retiredOnRecord;

	AccountState status = AccountState.NORMAL;

	BigDecimal balance = new BigDecimal("50000.00");

	BigDecimal interest = BigDecimal.ZERO;

	int continuousMonths = 36;

	LocalDate sealedSince;

	Integer homesOwnedInCity = 0;

	final List<EarlierWithdrawal> earlier = new ArrayList<>();

	final List<Loan> loans = new ArrayList<>();

	BigDecimal requested;

	Home home;

	BigDecimal buildCost;

	String loanNo;

	Lease lease;

	final List<MedicalInvoice> invoices = new ArrayList<>();

	BigDecimal elevatorShare;

	Papers papers = Papers.NONE;

	static Facts facts() {
		return new Facts();
	}

	Facts on(String day) {
		this.acceptedOn = LocalDate.parse(day);
		return this;
	}

	Facts born(String day, RetirementAge.Kind kind) {
		this.birthDate = LocalDate.parse(day);
		this.kind = kind;
		return this;
	}

	Facts balance(String balance) {
		this.balance = new BigDecimal(balance);
		return this;
	}

	Facts continuousMonths(int months) {
		this.continuousMonths = months;
		return this;
	}

	Facts interest(String interest) {
		this.interest = new BigDecimal(interest);
		return this;
	}

	Facts requested(String amount) {
		this.requested = new BigDecimal(amount);
		return this;
	}

	Facts home(String certificateNo, String purchasedOn, String price, String loanAmount, Boolean onRecord) {
		this.home = new Home(certificateNo, LocalDate.parse(purchasedOn), new BigDecimal(price), new BigDecimal(loanAmount),
				Optional.ofNullable(onRecord));
		return this;
	}

	Facts loan(String loanNo, boolean fundLoan, String repaid, String instalment, boolean overdue) {
		this.loans.add(new Loan(loanNo, fundLoan, new BigDecimal("500000.00"), new BigDecimal(repaid),
				new BigDecimal(instalment), overdue));
		return this;
	}

	/** A fund loan with {@code outstanding} principal left (what a payoff pays), repaid on time. */
	Facts fundLoanOutstanding(String loanNo, String outstanding) {
		this.loans.add(new Loan(loanNo, true, new BigDecimal("500000.00"), BigDecimal.ZERO, new BigDecimal("2100.00"),
				false, new BigDecimal(outstanding)));
		return this;
	}

	Facts earlier(String paidOn, WithdrawalType type, String amount, String accountNo, String homeKey, String loanNo) {
		this.earlier.add(new EarlierWithdrawal(LocalDate.parse(paidOn), type, new BigDecimal(amount), accountNo,
				Optional.ofNullable(homeKey), Optional.ofNullable(loanNo)));
		return this;
	}

	Facts lease(String monthlyRent, String startsOn, boolean filed) {
		this.lease = new Lease(new BigDecimal(monthlyRent), LocalDate.parse(startsOn), filed);
		return this;
	}

	Facts invoice(String amount, String reimbursed) {
		this.invoices.add(new MedicalInvoice(new BigDecimal(amount), new BigDecimal(reimbursed)));
		return this;
	}

	Facts papers(Papers papers) {
		this.papers = papers;
		return this;
	}

	WithdrawalFacts build() {
		return new WithdrawalFacts(this.acceptedOn, new Applicant(this.birthDate, this.kind, this.retiredOnRecord),
				new Account(ACCOUNT, this.status, this.balance, this.interest, this.continuousMonths,
						Optional.ofNullable(this.sealedSince)),
				Optional.ofNullable(this.homesOwnedInCity), this.earlier, this.loans,
				new Claim(Optional.ofNullable(this.requested), Optional.ofNullable(this.home),
						Optional.ofNullable(this.buildCost), Optional.ofNullable(this.loanNo), Optional.ofNullable(this.lease),
						this.invoices, Optional.ofNullable(this.elevatorShare), this.papers));
	}

	/** Papers that show every condition of the closing types and the reviewed partial ones. */
	static Papers allPapers() {
		return new Papers(true, true, true, true, true, true, true, true, true, true);
	}

	/** Jiaozuo's policy as seeded for 2024 (V2026_12_08_30): rent 800 a month, every 3 months, at most 12. */
	static WithdrawalPolicy jiaozuo2024() {
		return new WithdrawalPolicy("JIAOZUO-2024", "JIAOZUO", "焦作市", LocalDate.of(2024, 1, 1), 3,
				new BigDecimal("800.00"), 3, 12, 24, 1, 12, Optional.of(new BigDecimal("150000.00")),
				Optional.of(new BigDecimal("30000.00")), 6, new BigDecimal("200000.00"), "test");
	}

	/** The rules with the decision tables of the processes jar, evaluated without the engine. */
	static WithdrawalRules rules() {
		return new WithdrawalRules(TABLES);
	}

	private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

	private static final Map<String, DmnDecision> DECISIONS = DMN
		.parseDecisions(Facts.class.getResourceAsStream("/dmn/withdrawal/withdrawal-eligibility.dmn"))
		.stream()
		.collect(Collectors.toMap(DmnDecision::getKey, Function.identity()));

	private static final EligibilityTables TABLES = (key, inputs) -> DMN
		.evaluateDecisionTable(DECISIONS.get(key), Variables.fromMap(inputs))
		.getResultList()
		.stream()
		.map(row -> (Map<String, Object>) row)
		.toList();

}
