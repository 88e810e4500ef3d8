/**
 * 公积金提取: the statutory withdrawal types (domain.md §4.2) with their materials, the dated city withdrawal policy,
 * eligibility (DMN {@code dmn/withdrawal/withdrawal-eligibility.dmn}), the amount rule and the fraud rules (骗提),
 * decided over plain facts ({@link cn.example.servicehall.withdrawal.WithdrawalFacts}) that callers gather from the
 * agencies' systems; {@link cn.example.servicehall.withdrawal.WithdrawalRules} is the one entry point. Around them,
 * the service itself: the counter's and the online hall's submission with the live assessment
 * ({@link cn.example.servicehall.withdrawal.Withdrawals}), the process {@code WithdrawalProcess} that decides, debits
 * (or closes the account), transfers to the citizen's card, issues the receipt and tells the citizen, each step safe to
 * retry ({@link cn.example.servicehall.withdrawal.WithdrawalSteps}), and the reviewers' steps where the rules need a
 * person.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Withdrawal",
		allowedDependencies = { "platform", "platform :: idempotency", "platform :: money", "platform :: web",
				"identity", "agencies", "documents", "documents :: render", "documents :: signing", "intake", "workflow" })
package cn.example.servicehall.withdrawal;
