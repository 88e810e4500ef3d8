package cn.example.servicehall.loan;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.example.servicehall.agencies.CreditBureau;
import cn.example.servicehall.agencies.FundAccountSystem;
import cn.example.servicehall.agencies.FundAccountSystem.AccountStatus;
import cn.example.servicehall.agencies.FundAccountSystem.FundAccount;
import cn.example.servicehall.agencies.RealEstateRegistry;
import cn.example.servicehall.intake.Agency;
import cn.example.servicehall.intake.CaseFiles;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.intake.RetirementAge;
import cn.example.servicehall.loan.LoanCase.Party;
import cn.example.servicehall.loan.LoanCase.Role;
import cn.example.servicehall.loan.calculation.LoanLimit;
import cn.example.servicehall.loan.calculation.LoanLimitInput;
import cn.example.servicehall.loan.calculation.LoanLimits;
import cn.example.servicehall.loan.policy.CityPolicies;
import cn.example.servicehall.loan.policy.CityPolicy;
import cn.example.servicehall.loan.policy.InterestRates;
import cn.example.servicehall.platform.money.Yuan;

/**
 * 资格审查与额度测算, and the agencies' system queries before it: the credit bureau's reports, the registry's title,
 * both applicants' fund accounts. Decides with the city policy in force on the day of acceptance and keeps the
 * decision with its explanation.
 */
@Service
public class LoanAssessments {

	/**
	 * How the explanation of an ineligible applicant starts: nothing is granted (the decision's granted amount is 0),
	 * and why follows; the limit the rules computed comes after, for reference only.
	 */
	static final String NOT_ELIGIBLE = "不符合贷款条件，不予核定贷款金额：";

	/** Months in the 5 years added to the statutory retirement age. */
	private static final int FIVE_YEARS = 60;

	/** The DMN's rule about an outstanding fund loan. */
	private static final String OUTSTANDING_FUND_LOAN = "OUTSTANDING_FUND_LOAN";

	private final LoanRecords records;

	private final CaseFiles cases;

	private final CityPolicies policies;

	private final InterestRates rates;

	private final EligibilityRules rules;

	private final FundAccountSystem fundAccounts;

	private final CreditBureau creditBureau;

	private final RealEstateRegistry registry;

	private final Clock clock;

	private final LoanCollisions collisions;

	LoanAssessments(LoanRecords records, CaseFiles cases, CityPolicies policies, InterestRates rates,
			EligibilityRules rules, FundAccountSystem fundAccounts, CreditBureau creditBureau, RealEstateRegistry registry,
			Clock clock, LoanCollisions collisions) {
		this.records = records;
		this.cases = cases;
		this.policies = policies;
		this.rates = rates;
		this.rules = rules;
		this.fundAccounts = fundAccounts;
		this.creditBureau = creditBureau;
		this.registry = registry;
		this.clock = clock;
		this.collisions = collisions;
	}

	/** 征信: asks the credit bureau, through the bank, for each applicant's report. */
	@Transactional
	public void requestCreditReports(CaseNo caseNo) {
		LoanCase loan = load(caseNo);
		for (Party party : loan.parties()) {
			this.records.keepCreditReport(caseNo, party.role(), this.creditBureau.reportFor(party.idNumber(), caseNo.value()));
		}
	}

	/**
	 * 权属查询: asks the registry about the title.
	 * @return whether the property is sealed (查封), which ends the case
	 */
	@Transactional
	public boolean checkTitle(CaseNo caseNo) {
		LoanCase.Property property = load(caseNo).property().orElseThrow(() -> new IllegalStateException(
				"Case " + caseNo + " has no property to check"));
		RealEstateRegistry.Title title = this.registry.titleOf(property.certificateNo())
			.orElseGet(() -> new RealEstateRegistry.Title(property.certificateNo(), "—", property.address(),
					property.floorArea(), property.buildYear(), List.of("（登记簿无记录）"), false, false));
		boolean ownerMatches = title.ownerNames().contains(property.sellerName());
		this.records.keepTitleCheck(caseNo, title, ownerMatches);
		return title.sealed();
	}

	/** Decides eligibility and the limit, keeps the decision, and reports whether the applicant is eligible. */
	@Transactional
	public LoanCase.Decision assess(CaseNo caseNo) {
		LoanCase loan = load(caseNo);
		LocalDate accepted = this.cases.firstTime(caseNo, CaseFiles.ACCEPTED)
			.map(OffsetDateTime::toLocalDate)
			.orElseThrow(() -> new IllegalStateException("Case " + caseNo + " has not been accepted"));
		LoanCase.Terms terms = loan.terms();
		CityPolicy policy = this.policies.inForce(terms.cityCode().orElseThrow(), accepted);
		Party borrower = loan.borrower().orElseThrow();
		Optional<FundAccount> borrowerAccount = this.fundAccounts.accountOf(borrower.idNumber());
		this.records.keepFundAccount(caseNo, Role.BORROWER, borrowerAccount);
		Optional<Party> spouse = loan.coBorrower();
		Optional<FundAccount> spouseAccount = spouse.flatMap(s -> this.fundAccounts.accountOf(s.idNumber()));
		spouse.ifPresent(s -> this.records.keepFundAccount(caseNo, Role.CO_BORROWER, spouseAccount));

		List<LoanCase.Reason> reasons = new ArrayList<>();
		if (borrowerAccount.isEmpty()) {
			reasons.add(new LoanCase.Reason("NO_FUND_ACCOUNT", "借款人没有住房公积金账户，不能申请公积金贷款"));
		}
		else {
			OutstandingLoan outstanding = new OutstandingLoan(
					borrowerAccount.get().outstandingLoan() || spouseAccount.map(FundAccount::outstandingLoan).orElse(false),
					!this.collisions.find(LoanCollisions.Claims.of(loan).people(), Optional.of(caseNo)).isEmpty());
			reasons.addAll(this.rules.unmetRules(facts(borrower, borrowerAccount.get(), outstanding.either(), loan, policy,
					accepted))
				.stream()
				.map(reason -> reason.rule().equals(OUTSTANDING_FUND_LOAN) ? outstanding.explain(reason) : reason)
				.toList());
		}

		boolean firstHome = terms.firstHome().orElse(true);
		InterestRates.Rate rate = this.rates.rateFor(LocalDate.now(this.clock), firstHome, terms.termMonths());
		BigDecimal coefficient = policy.coefficientTable()
			.map(table -> this.rules.depositTimeCoefficient(table, borrowerAccount.map(FundAccount::continuousMonths).orElse(0))
				.orElseThrow(() -> new IllegalStateException("Policy " + policy.id() + " names coefficient table " + table
						+ ", which the DMN DepositTimeCoefficient does not have")))
			.orElse(BigDecimal.ONE);
		boolean spouseDeposits = spouseAccount.filter(a -> a.status() == AccountStatus.NORMAL).isPresent();
		BigDecimal existingDebt = loan.creditReports()
			.stream()
			.map(LoanCase.CreditReport::existingMonthlyDebt)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal income = loan.parties().stream().map(Party::monthlyIncome).reduce(BigDecimal.ZERO, BigDecimal::add);
		LoanCase.Property property = loan.property().orElseThrow();
		LoanLimit limit = LoanLimits.of(new LoanLimitInput(terms.requestedAmount(), policy.roundDownTo(),
				policy.capFor(spouseDeposits),
				new LoanLimitInput.Price(property.contractPrice(), property.assessedPrice(), policy.ltv(firstHome)),
				policy.balanceMultiple()
					.map(multiple -> new LoanLimitInput.Balance(borrowerAccount.map(FundAccount::balance).orElse(BigDecimal.ZERO),
							spouseDeposits ? spouseAccount.get().balance() : null, multiple, coefficient))
					.orElse(null),
				new LoanLimitInput.RepaymentCapacity(income, policy.debtServiceRatio(), existingDebt,
						rate.annualRatePercent(), terms.termMonths())));

		boolean eligible = reasons.isEmpty();
		String explanation = (eligible ? limit.sentence()
				: NOT_ELIGIBLE + LoanCase.Reason.inWords(reasons) + "。供参考："
						+ limit.limitSentence())
				+ this.records.downPaymentWithdrawalOf(caseNo)
					.map(withdrawn -> downPaymentWithdrawn(withdrawn, property, terms,
							borrowerAccount.map(FundAccount::balance).orElse(BigDecimal.ZERO)))
					.orElse("")
				+ "（" + policy.cityName() + "政策 " + policy.id() + "，利率 "
				+ rate.annualRatePercent().stripTrailingZeros().toPlainString() + "%）";
		LoanCase.Decision decision = new LoanCase.Decision(OffsetDateTime.now(this.clock), policy.id(),
				rate.effectiveFrom(), rate.annualRatePercent(), eligible, List.copyOf(reasons),
				limit.limits().stream().map(l -> new LoanCase.LimitLine(l.kind().name(), l.kind().label(), l.amount(),
						l.formula())).toList(),
				limit.binding().kind().name(), limit.approvableAmount(), eligible ? limit.grantedAmount() : BigDecimal.ZERO,
				explanation);
		this.records.insertDecision(caseNo, decision);
		this.cases.recordStep(caseNo, LoanStage.ASSESSED, "ASSESSED", null, Agency.SYSTEM, explanation);
		return decision;
	}

	/**
	 * 购房一件事 (ADR 0009): the withdrawal the bundle paid toward the down payment, counted in the assessment. The down
	 * payment is the contract price less the loan asked for, and the withdrawal is part of it (the withdrawal's own
	 * rule kept it within price less loan); the balance-multiple limit was computed on the balance the fund's account
	 * system holds now, after the withdrawal, and the explanation says both, with the balance before it.
	 */
	private static String downPaymentWithdrawn(LoanCase.DownPaymentWithdrawal withdrawn, LoanCase.Property property,
			LoanCase.Terms terms, BigDecimal balanceAfter) {
		BigDecimal downPayment = property.contractPrice().subtract(terms.requestedAmount()).max(BigDecimal.ZERO);
		BigDecimal own = downPayment.subtract(withdrawn.amount()).max(BigDecimal.ZERO);
		return "。首付款计入公积金提取：合同价 " + Yuan.of(property.contractPrice()) + " = 申请贷款 "
				+ Yuan.of(terms.requestedAmount()) + " + 首付款 " + Yuan.of(downPayment) + "，首付款中公积金提取 "
				+ Yuan.of(withdrawn.amount()) + "（" + withdrawn.paidUnder() + "，已转入借款人银行卡）、自筹 " + Yuan.of(own)
				+ "；余额倍数额度按提取后的借款人公积金余额 " + Yuan.of(balanceAfter) + " 计算（提取前 "
				+ Yuan.of(balanceAfter.add(withdrawn.amount())) + "）";
	}

	/**
	 * 有未结清的公积金贷款, from both sources.
	 * @param fundAccounts the fund's account system says the borrower or the spouse still repays one
	 * @param hallRecords another open or paid loan case of the hall names the borrower or the spouse
	 */
	private record OutstandingLoan(boolean fundAccounts, boolean hallRecords) {

		boolean either() {
			return this.fundAccounts || this.hallRecords;
		}

		/** The rule's reason with where the loan was found, in words. */
		LoanCase.Reason explain(LoanCase.Reason reason) {
			List<String> sources = new ArrayList<>();
			if (this.fundAccounts) {
				sources.add("公积金账户系统记载尚有未结清的公积金贷款");
			}
			if (this.hallRecords) {
				sources.add("本中心另有在办或已放款的公积金贷款案件");
			}
			return new LoanCase.Reason(reason.rule(), reason.reason() + "（" + String.join("；", sources) + "）");
		}

	}

	private EligibilityRules.Facts facts(Party borrower, FundAccount account, boolean outstanding, LoanCase loan,
			CityPolicy policy, LocalDate accepted) {
		int term = loan.terms().termMonths();
		LocalDate maturity = accepted.plusMonths(term);
		int ageAtMaturity = (int) ChronoUnit.MONTHS.between(borrower.birthDate(), maturity);
		Period retirement = RetirementAge.age(borrower.birthDate(),
				RetirementAge.kindOf(borrower.male(), borrower.femaleCadre()));
		int ageLimit = (int) retirement.toTotalMonths() + FIVE_YEARS;
		int houseAgeAtMaturity = accepted.getYear() - loan.property().orElseThrow().buildYear() + (term + 11) / 12;
		// the eligibility table names every closing (A.6 03, 04, 05) CLOSED
		String status = account.status().isClosed() ? "CLOSED" : account.status().name();
		return new EligibilityRules.Facts(status, account.continuousMonths(),
				policy.minContinuousMonths(), outstanding, ageAtMaturity, ageLimit, houseAgeAtMaturity,
				policy.houseAgeLimitYears(), term, policy.maxTermMonths());
	}

	private LoanCase load(CaseNo caseNo) {
		return this.records.find(caseNo).orElseThrow(() -> new IllegalStateException("No loan data for " + caseNo));
	}

}
