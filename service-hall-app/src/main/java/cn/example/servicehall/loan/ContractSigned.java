package cn.example.servicehall.loan;

import java.time.OffsetDateTime;

import cn.example.servicehall.intake.CaseNo;

/**
 * 合同面签: every party signed; the personal housing provident fund loan contract is due.
 *
 * @param caseNo the case
 * @param contractNo 借款合同编号
 * @param signedAt when the last party signed
 */
public record ContractSigned(CaseNo caseNo, String contractNo, OffsetDateTime signedAt) {
}
