/**
 * 贷款计算: repayment schedules (还款计划) for 等额本息 and 等额本金, the annuity inverse, and the loan limit
 * arithmetic of "several limits, take the lowest" (多限取低). Pure arithmetic on {@link java.math.BigDecimal}: no
 * Spring, no database, no city policy of its own (every policy figure comes in as an argument). The conventions
 * are those of domain.md §1 and §3.
 */
package cn.example.servicehall.loan.calculation;
