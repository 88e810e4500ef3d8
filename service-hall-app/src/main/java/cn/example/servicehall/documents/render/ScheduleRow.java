package cn.example.servicehall.documents.render;

/**
 * One line of the repayment schedule summary printed in the contract; amounts formatted {@code 3,208.73}.
 * @param period {@code 1}, or {@code 240（末期）}
 * @param dueDate {@code 2027年1月20日}
 * @param payment 月还款额
 * @param principal 本金
 * @param interest 利息
 * @param remainingPrincipal 剩余本金 after the payment
 */
public record ScheduleRow(String period, String dueDate, String payment, String principal, String interest,
		String remainingPrincipal) {
}
