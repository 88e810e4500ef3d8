package cn.example.servicehall.withdrawal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import cn.example.servicehall.platform.money.Yuan;
import cn.example.servicehall.platform.web.HallMessages;
import cn.example.servicehall.withdrawal.FraudFlag.Rule;
import cn.example.servicehall.withdrawal.WithdrawalFacts.AccountState;
import cn.example.servicehall.withdrawal.WithdrawalFacts.EarlierWithdrawal;
import cn.example.servicehall.withdrawal.WithdrawalFacts.Home;
import cn.example.servicehall.withdrawal.WithdrawalFacts.Loan;

/**
 * 骗提: what must stop an automatic payment, checked against the systems' records and the family's earlier
 * withdrawals. Pure: the facts in, the flags out, each with the figures in words ({@code withdrawal.fraud.<CODE>}).
 */
public final class FraudRules {

	private FraudRules() {
	}

	/** Every fraud rule {@code type} trips on these facts. */
	public static List<FraudFlag> flags(WithdrawalType type, WithdrawalFacts facts, WithdrawalPolicy policy) {
		List<FraudFlag> flags = new ArrayList<>();
		if (type.purchase()) {
			facts.claim().home().ifPresent(home -> homeReused(type, facts, policy, home, flags));
		}
		if (type == WithdrawalType.RENT) {
			facts.homesOwnedInCity()
				.filter(homes -> homes > 0)
				.ifPresent(homes -> flags.add(flag(Rule.RENT_WHILE_OWNING_HOME, type, homes)));
		}
		if (type.repayment()) {
			facts.repaidLoan().ifPresent(loan -> aboveRepaid(type, facts, loan, flags));
		}
		facts.loans()
			.stream()
			.filter(loan -> loan.fundLoan() && loan.overdue())
			.forEach(loan -> flags.add(flag(Rule.FUND_LOAN_OVERDUE, type, loan.loanNo())));
		if (type.closing()) {
			closedTwice(type, facts, flags);
		}
		return List.copyOf(flags);
	}

	/** The family has already used this home for as many purchase withdrawals as the city allows. */
	private static void homeReused(WithdrawalType type, WithdrawalFacts facts, WithdrawalPolicy policy, Home home,
			List<FraudFlag> flags) {
		List<EarlierWithdrawal> earlier = facts.purchasesFor(home.key());
		if (earlier.size() >= policy.purchaseWithdrawalsPerHome()) {
			flags.add(flag(Rule.PURCHASE_HOME_REUSED, type, home.certificateNo(), earlier.size(),
					earlier.get(earlier.size() - 1).paidOn(), policy.purchaseWithdrawalsPerHome()));
		}
	}

	/** The loan's repayment withdrawals, this one's amount asked for included, exceed what was repaid. */
	private static void aboveRepaid(WithdrawalType type, WithdrawalFacts facts, Loan loan, List<FraudFlag> flags) {
		BigDecimal earlier = facts.repaymentsFor(loan.loanNo())
			.stream()
			.map(EarlierWithdrawal::amount)
			.reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
		BigDecimal asked = facts.claim().requestedAmount().orElse(BigDecimal.ZERO.setScale(2));
		BigDecimal total = earlier.add(asked);
		if (total.compareTo(loan.repaid()) > 0) {
			flags.add(flag(Rule.REPAYMENT_ABOVE_REPAID, type, loan.loanNo(), Yuan.figures(loan.repaid()),
					Yuan.figures(earlier), Yuan.figures(asked), Yuan.figures(total)));
		}
	}

	/** A closing withdrawal of an account already closed, or closed before by a closing withdrawal. */
	private static void closedTwice(WithdrawalType type, WithdrawalFacts facts, List<FraudFlag> flags) {
		String accountNo = facts.account().accountNo();
		facts.earlierWithdrawals()
			.stream()
			.filter(w -> w.type().closing() && w.accountNo().equals(accountNo))
			.map(EarlierWithdrawal::paidOn)
			.max(java.time.LocalDate::compareTo)
			.ifPresentOrElse(day -> flags.add(flag(Rule.ACCOUNT_CLOSED_TWICE, type, accountNo, day)), () -> {
				if (facts.account().status() == AccountState.CLOSED) {
					flags.add(new FraudFlag(Rule.ACCOUNT_CLOSED_TWICE, type,
							HallMessages.text("withdrawal.fraud.ACCOUNT_CLOSED_TWICE.status", accountNo)));
				}
			});
	}

	private static FraudFlag flag(Rule rule, WithdrawalType type, Object... args) {
		return new FraudFlag(rule, type, HallMessages.text("withdrawal.fraud." + rule.code(), args));
	}

}
