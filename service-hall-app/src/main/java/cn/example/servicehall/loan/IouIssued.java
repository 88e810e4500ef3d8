package cn.example.servicehall.loan;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import cn.example.servicehall.intake.CaseNo;

/**
 * 借款借据: the IOU was issued; its document is due.
 *
 * @param caseNo the case
 * @param iouNo 借据编号
 * @param amount yuan
 * @param issuedAt when
 */
public record IouIssued(CaseNo caseNo, String iouNo, BigDecimal amount, OffsetDateTime issuedAt) {
}
