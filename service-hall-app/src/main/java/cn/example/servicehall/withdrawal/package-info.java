/**
 * 公积金提取: the statutory withdrawal types (domain.md §4.2) with their materials, the dated city withdrawal policy,
 * eligibility (DMN {@code dmn/withdrawal/withdrawal-eligibility.dmn}), the amount rule and the fraud rules (骗提),
 * decided over plain facts ({@link cn.example.servicehall.withdrawal.WithdrawalFacts}) that callers gather from the
 * agencies' systems; {@link cn.example.servicehall.withdrawal.WithdrawalRules} is the one entry point.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Withdrawal",
		allowedDependencies = { "platform", "platform :: money", "platform :: web", "intake" })
package cn.example.servicehall.withdrawal;
