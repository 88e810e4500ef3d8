package cn.example.servicehall.withdrawal;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.example.servicehall.intake.RetirementAge;
import cn.example.servicehall.platform.money.Yuan;
import cn.example.servicehall.platform.web.HallMessages;
import cn.example.servicehall.withdrawal.WithdrawalDecision.Reason;
import cn.example.servicehall.withdrawal.WithdrawalFacts.Home;
import cn.example.servicehall.withdrawal.WithdrawalFacts.Loan;
import cn.example.servicehall.withdrawal.WithdrawalFacts.MedicalInvoice;
import cn.example.servicehall.withdrawal.WithdrawalFacts.Papers;

/**
 * The one entry point of the withdrawal rules: given the type, the facts and the policy in force on the day of
 * acceptance, the decision. Eligibility comes from the decision tables (the account's, then the type's), the amount
 * from {@link WithdrawalAmounts}, the flags from {@link FraudRules}; what needs a person and the four-eyes threshold
 * are decided here.
 */
@Component
public class WithdrawalRules {

	private final EligibilityTables tables;

	public WithdrawalRules(EligibilityTables tables) {
		this.tables = tables;
	}

	/** The decision on a withdrawal of {@code type}. */
	public WithdrawalDecision decide(WithdrawalType type, WithdrawalFacts facts, WithdrawalPolicy policy) {
		return decide(type, facts, policy, this.tables);
	}

	/** The same decision with the tables evaluated by {@code tables} (a preview keeps nothing in the engine's history). */
	WithdrawalDecision decide(WithdrawalType type, WithdrawalFacts facts, WithdrawalPolicy policy,
			EligibilityTables tables) {
		Map<String, Object> inputs = inputs(type, facts, policy);
		List<Reason> unmet = new ArrayList<>();
		for (String key : List.of(EligibilityTables.ACCOUNT, type.decisionKey())) {
			tables.evaluate(key, inputs)
				.forEach(row -> unmet.add(new Reason((String) row.get("rule"), (String) row.get("reason"),
						(String) row.get("missing"))));
		}
		WithdrawalAmount amount = WithdrawalAmounts.of(type, facts, policy);
		List<FraudFlag> flags = FraudRules.flags(type, facts, policy);
		List<Reason> reviews = reviews(type, facts, policy);
		if (!flags.isEmpty()) {
			String rules = flags.stream()
				.map(flag -> flag.rule().displayName(java.util.Locale.ROOT))
				.distinct()
				.collect(Collectors.joining("、"));
			reviews.add(review("FRAUD_FLAGGED", rules));
		}
		Optional<Reason> fourEyes = (amount.amount().compareTo(policy.fourEyesAbove()) > 0)
				? Optional.of(new Reason("FOUR_EYES", HallMessages.text("withdrawal.four-eyes",
						Yuan.figures(amount.amount()), Yuan.figures(policy.fourEyesAbove())), ""))
				: Optional.empty();
		return new WithdrawalDecision(type, policy.id(), facts.acceptedOn(), unmet, amount, reviews, fourEyes, flags);
	}

	/** What a person must check because the systems cannot: papers, a lease, a commercial loan, an unknown registry. */
	private static List<Reason> reviews(WithdrawalType type, WithdrawalFacts facts, WithdrawalPolicy policy) {
		List<Reason> reviews = new ArrayList<>();
		Papers papers = facts.claim().papers();
		switch (type) {
			case RETIREMENT -> {
				if (!facts.applicant().retiredOnRecord() && !retirementReached(facts) && papers.retirementProof()) {
					reviews.add(review("RETIREMENT_PROOF"));
				}
			}
			case LEAVING_CITY -> {
				if (papers.householdMovedOut()) {
					reviews.add(review("PAPERS." + type.name()));
				}
			}
			case LOSS_OF_WORKING_ABILITY, SETTLING_ABROAD, DEATH, BUILD_OR_OVERHAUL, SERIOUS_ILLNESS,
					ELEVATOR_INSTALLATION ->
				reviews.add(review("PAPERS." + type.name()));
			case PURCHASE_NEW_HOME, PURCHASE_RESALE_HOME -> facts.claim()
				.home()
				.filter(home -> home.onRecord().isEmpty())
				.ifPresent(home -> reviews.add(review("HOME_NOT_CONFIRMED", home.certificateNo())));
			case LOAN_REPAYMENT, LOAN_REPAYMENT_MONTHLY -> facts.repaidLoan()
				.filter(loan -> !loan.fundLoan())
				.ifPresent(loan -> reviews.add(review("COMMERCIAL_LOAN", loan.loanNo())));
			case RENT -> {
				if (facts.homesOwnedInCity().isEmpty()) {
					reviews.add(review("HOMES_NOT_CONFIRMED"));
				}
				facts.claim()
					.lease()
					.filter(lease -> !lease.filed() && lease.monthlyRent().compareTo(policy.rentMonthlyCap()) < 0)
					.ifPresent(lease -> reviews.add(review("LEASE_NOT_FILED", Yuan.figures(lease.monthlyRent()))));
			}
		}
		return reviews;
	}

	private static boolean retirementReached(WithdrawalFacts facts) {
		return RetirementAge.reachedBy(facts.applicant().birthDate(), facts.applicant().retirementKind(),
				facts.acceptedOn());
	}

	private static Reason review(String code, Object... args) {
		return new Reason(code.replace("PAPERS.", "PAPERS_"), HallMessages.text("withdrawal.review." + code, args), "");
	}

	/** The tables' inputs: every fact a table reads, counted to the day of acceptance. */
	static Map<String, Object> inputs(WithdrawalType type, WithdrawalFacts facts, WithdrawalPolicy policy) {
		Map<String, Object> in = new HashMap<>();
		Papers papers = facts.claim().papers();
		in.put("type", type.name());
		// a loan's payoff is paid only just before the account's closing (退休一件事): the account's state is judged as
		// for the closing, so a retiree's sealed account may pay its loan off
		in.put("closing", type.closing() || type.payoff());
		in.put("accountStatus", facts.account().status().name());
		in.put("continuousMonths", facts.account().continuousMonths());
		in.put("minContinuousMonths", policy.minContinuousMonths());
		in.put("balance", facts.account().balance());

		RetirementAge.Kind kind = facts.applicant().retirementKind();
		java.time.Period age = RetirementAge.age(facts.applicant().birthDate(), kind);
		YearMonth month = RetirementAge.retirementMonth(facts.applicant().birthDate(), kind);
		in.put("monthsUntilRetirement", RetirementAge.monthsUntil(facts.applicant().birthDate(), kind, facts.acceptedOn()));
		in.put("retiredOnRecord", facts.applicant().retiredOnRecord() || papers.retirementProof());
		in.put("retirementAge", HallMessages.text("withdrawal.age", age.getYears(), age.getMonths()));
		in.put("retirementMonth", HallMessages.text("withdrawal.month", month.getYear(), month.getMonthValue()));

		in.put("workingAbilityLost", papers.workingAbilityLost());
		in.put("employmentEnded", papers.employmentEnded());
		in.put("settledAbroad", papers.settledAbroad());
		in.put("deceased", papers.deceased());
		in.put("heirsNamed", papers.heirsNamed());
		in.put("householdMovedOut", papers.householdMovedOut());
		in.put("monthsSealed", facts.account().sealedSince().map(facts::monthsSince).orElse(0));
		in.put("minMonthsSealed", policy.leavingCitySealedMonths());

		Optional<Home> home = facts.claim().home();
		in.put("homeGiven", home.isPresent());
		in.put("homeOnRecord",
				home.flatMap(Home::onRecord).map(onRecord -> onRecord ? "YES" : "NO").orElse("UNKNOWN"));
		in.put("monthsSincePurchase", home.map(h -> facts.monthsSince(h.purchasedOn())).orElse(null));
		in.put("purchaseWindowMonths", policy.purchaseWindowMonths());
		in.put("earlierWithdrawalsForHome", home.map(h -> facts.purchasesFor(h.key()).size()).orElse(0));
		in.put("withdrawalsPerHome", policy.purchaseWithdrawalsPerHome());

		in.put("buildPermitted", papers.buildPermitted());
		in.put("claimedCost", facts.claim().buildCost().orElse(BigDecimal.ZERO));

		Optional<Loan> loan = facts.repaidLoan();
		in.put("loanGiven", loan.isPresent());
		in.put("fundLoan", loan.map(Loan::fundLoan).orElse(false));
		in.put("repayableAmount", loan.map(l -> l.repaid()
			.subtract(facts.repaymentsFor(l.loanNo())
				.stream()
				.map(WithdrawalFacts.EarlierWithdrawal::amount)
				.reduce(BigDecimal.ZERO, BigDecimal::add)))
			.orElse(BigDecimal.ZERO));
		in.put("monthsSinceLastRepaymentWithdrawal",
				facts.lastOwn(WithdrawalType.LOAN_REPAYMENT).map(facts::monthsSince).orElse(null));
		in.put("repaymentIntervalMonths", policy.repaymentIntervalMonths());
		in.put("outstandingPrincipal", loan.map(Loan::outstandingPrincipal).orElse(BigDecimal.ZERO));
		in.put("loanOverdue", loan.map(Loan::overdue).orElse(false));

		in.put("homesOwnedInCity", facts.homesOwnedInCity().orElse(null));
		in.put("monthsSinceLastRent", facts.lastOwn(WithdrawalType.RENT).map(facts::monthsSince).orElse(null));
		in.put("rentIntervalMonths", policy.rentIntervalMonths());

		in.put("illnessListed", papers.illnessListed());
		in.put("outOfPocket",
				facts.claim().invoices().stream().map(MedicalInvoice::outOfPocket).reduce(BigDecimal.ZERO, BigDecimal::add));
		in.put("elevatorAgreement", papers.elevatorAgreement());
		in.put("costShare", facts.claim().elevatorCostShare().orElse(BigDecimal.ZERO));
		return in;
	}

}
