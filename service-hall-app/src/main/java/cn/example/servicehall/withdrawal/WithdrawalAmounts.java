package cn.example.servicehall.withdrawal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import cn.example.servicehall.platform.money.Yuan;
import cn.example.servicehall.platform.web.HallMessages;
import cn.example.servicehall.withdrawal.WithdrawalAmount.Limit;
import cn.example.servicehall.withdrawal.WithdrawalFacts.EarlierWithdrawal;
import cn.example.servicehall.withdrawal.WithdrawalFacts.Home;
import cn.example.servicehall.withdrawal.WithdrawalFacts.Lease;
import cn.example.servicehall.withdrawal.WithdrawalFacts.Loan;
import cn.example.servicehall.withdrawal.WithdrawalFacts.MedicalInvoice;

/**
 * The amount rule (domain.md §4.2). Closing types pay the balance plus the interest to date (the interest rounded
 * half up to the fen, domain.md §0.1). Partial types pay the lowest of their limits and the balance, and of the
 * amount asked for when one is: a purchase the price less the loans and what the family already withdrew for the home;
 * building its cost; a yearly repayment what was repaid less what was withdrawn for the loan; the monthly offset this
 * month's instalment; rent the monthly rent (at most the city's cap) times the months since the last rent withdrawal
 * (at most the city's months per withdrawal); illness the out-of-pocket cost (at most the city's cap); an elevator the
 * household's share (at most the city's cap). Limits never go below zero and are cut down to the fen.
 */
public final class WithdrawalAmounts {

	private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

	private WithdrawalAmounts() {
	}

	/** What {@code type} may pay on these facts under this policy. */
	public static WithdrawalAmount of(WithdrawalType type, WithdrawalFacts facts, WithdrawalPolicy policy) {
		BigDecimal balance = facts.account().balance();
		if (type.closing()) {
			BigDecimal interest = facts.account().interestToDate().setScale(2, RoundingMode.HALF_UP);
			BigDecimal total = balance.add(interest);
			Limit all = limit("BALANCE_AND_INTEREST", total, Yuan.figures(balance), Yuan.figures(interest),
					Yuan.figures(total));
			return new WithdrawalAmount(all.value(), all, List.of(all));
		}
		List<Limit> limits = new ArrayList<>(own(type, facts, policy));
		limits.add(limit("BALANCE", balance, Yuan.figures(balance)));
		facts.claim().requestedAmount().ifPresent(asked -> limits.add(limit("REQUESTED", asked, Yuan.figures(asked))));
		Limit binding = limits.stream().min(Comparator.comparing(Limit::value)).orElseThrow();
		return new WithdrawalAmount(binding.value(), binding, limits);
	}

	private static List<Limit> own(WithdrawalType type, WithdrawalFacts facts, WithdrawalPolicy policy) {
		return switch (type) {
			case PURCHASE_NEW_HOME, PURCHASE_RESALE_HOME -> List.of(purchase(facts));
			case BUILD_OR_OVERHAUL -> List.of(facts.claim()
				.buildCost()
				.map(cost -> limit("BUILD_COST", cost, Yuan.figures(cost)))
				.orElseGet(() -> limit("NO_BUILD_COST", ZERO)));
			case LOAN_REPAYMENT -> List.of(repaid(facts));
			case LOAN_REPAYMENT_MONTHLY -> List.of(facts.repaidLoan()
				.map(loan -> limit("INSTALMENT", loan.monthlyInstalment(), loan.loanNo(),
						Yuan.figures(loan.monthlyInstalment())))
				.orElseGet(() -> limit("NO_LOAN", ZERO)));
			case LOAN_PAYOFF -> List.of(facts.repaidLoan()
				.map(loan -> limit("OUTSTANDING_PRINCIPAL", loan.outstandingPrincipal(), loan.loanNo(),
						Yuan.figures(loan.outstandingPrincipal())))
				.orElseGet(() -> limit("NO_LOAN", ZERO)));
			case RENT -> List.of(rent(facts, policy));
			case SERIOUS_ILLNESS -> illness(facts, policy);
			case ELEVATOR_INSTALLATION -> elevator(facts, policy);
			default -> throw new IllegalArgumentException("Not a partial withdrawal: " + type);
		};
	}

	/** Price less the loans and what the family already withdrew for this home. */
	private static Limit purchase(WithdrawalFacts facts) {
		if (facts.claim().home().isEmpty()) {
			return limit("NO_HOME", ZERO);
		}
		Home home = facts.claim().home().get();
		BigDecimal earlier = sum(facts.purchasesFor(home.key()));
		BigDecimal left = nonNegative(home.price().subtract(home.loanAmount()).subtract(earlier));
		return limit("OWN_FUNDS", left, Yuan.figures(home.price()), Yuan.figures(home.loanAmount()),
				Yuan.figures(earlier), Yuan.figures(left));
	}

	/** What was repaid on the loan less what the family already withdrew for it. */
	private static Limit repaid(WithdrawalFacts facts) {
		if (facts.repaidLoan().isEmpty()) {
			return limit("NO_LOAN", ZERO);
		}
		Loan loan = facts.repaidLoan().get();
		BigDecimal earlier = sum(facts.repaymentsFor(loan.loanNo()));
		BigDecimal left = nonNegative(loan.repaid().subtract(earlier));
		return limit("REPAID", left, loan.loanNo(), Yuan.figures(loan.repaid()), Yuan.figures(earlier),
				Yuan.figures(left));
	}

	/**
	 * The monthly rent (the lease's, at most the cap; the cap without a lease) times the months since the last rent
	 * withdrawal, or since the lease began for the first, at most the city's months per withdrawal.
	 */
	private static Limit rent(WithdrawalFacts facts, WithdrawalPolicy policy) {
		BigDecimal cap = policy.rentMonthlyCap().setScale(2);
		BigDecimal monthly = facts.claim().lease().map(Lease::monthlyRent).map(rent -> rent.min(cap)).orElse(cap);
		int months = rentMonths(facts, policy);
		BigDecimal total = monthly.multiply(BigDecimal.valueOf(months)).setScale(2, RoundingMode.DOWN);
		return limit("RENT", total, Yuan.figures(monthly), months, Yuan.figures(total), Yuan.figures(cap),
				policy.rentMaxMonths());
	}

	/** The months a rent withdrawal pays for. */
	static int rentMonths(WithdrawalFacts facts, WithdrawalPolicy policy) {
		int since = facts.lastOwn(WithdrawalType.RENT)
			.or(() -> facts.claim().lease().map(Lease::startsOn))
			.map(facts::monthsSince)
			.orElse(policy.rentMaxMonths());
		return Math.max(0, Math.min(since, policy.rentMaxMonths()));
	}

	private static List<Limit> illness(WithdrawalFacts facts, WithdrawalPolicy policy) {
		List<MedicalInvoice> invoices = facts.claim().invoices();
		BigDecimal billed = invoices.stream().map(MedicalInvoice::amount).reduce(ZERO, BigDecimal::add);
		BigDecimal reimbursed = invoices.stream().map(MedicalInvoice::reimbursed).reduce(ZERO, BigDecimal::add);
		BigDecimal own = invoices.stream().map(MedicalInvoice::outOfPocket).reduce(ZERO, BigDecimal::add);
		List<Limit> limits = new ArrayList<>();
		limits.add(limit("OUT_OF_POCKET", own, Yuan.figures(billed), Yuan.figures(reimbursed), Yuan.figures(own)));
		policy.illnessCap().ifPresent(cap -> limits.add(limit("ILLNESS_CAP", cap.setScale(2), Yuan.figures(cap))));
		return limits;
	}

	private static List<Limit> elevator(WithdrawalFacts facts, WithdrawalPolicy policy) {
		BigDecimal share = facts.claim().elevatorCostShare().orElse(ZERO);
		List<Limit> limits = new ArrayList<>();
		limits.add(limit("COST_SHARE", share, Yuan.figures(share)));
		policy.elevatorCap().ifPresent(cap -> limits.add(limit("ELEVATOR_CAP", cap.setScale(2), Yuan.figures(cap))));
		return limits;
	}

	private static BigDecimal sum(List<EarlierWithdrawal> withdrawals) {
		return withdrawals.stream().map(EarlierWithdrawal::amount).reduce(ZERO, BigDecimal::add);
	}

	private static BigDecimal nonNegative(BigDecimal amount) {
		return amount.max(ZERO);
	}

	private static Limit limit(String code, BigDecimal value, Object... args) {
		return new Limit(code, nonNegative(value).setScale(2, RoundingMode.DOWN),
				HallMessages.text("withdrawal.limit." + code, args));
	}

}
