package cn.example.servicehall.loan;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import cn.example.servicehall.intake.CaseNo;

/**
 * 放款: the bank paid the loan to the seller; the disbursement notice is due.
 *
 * @param caseNo the case
 * @param amount yuan
 * @param bankReference the bank's reference
 * @param disbursedAt when
 */
public record LoanDisbursed(CaseNo caseNo, BigDecimal amount, String bankReference, OffsetDateTime disbursedAt) {
}
