package cn.example.servicehall.documents.render;

import java.util.List;

/**
 * 个人住房公积金借款合同: the loan contract between the borrowers (甲方), the fund centre (贷款人, 乙方), the entrusted
 * bank (受托银行, 丙方) and the guarantor (保证人, 丁方). Template {@code loan/loan-contract.xhtml}.
 * @param documentNo the contract number (合同编号): {@code HT2026120800015}
 * @param issuingAgency the fund centre, which seals the contract: {@code 焦作市住房公积金管理中心}
 * @param caseNo {@code DK2026112300001}
 * @param issueDate the signing date: {@code 2026年12月8日}
 * @param verificationUrl encoded in the QR code
 * @param signingPlace {@code 焦作市住房公积金管理中心综合服务大厅}
 * @param borrowers the borrower first, then any co-borrower
 * @param lender the fund centre
 * @param trusteeBank the entrusted bank
 * @param guarantor the guarantee company
 * @param propertyAddress the house bought
 * @param propertyCertificateNo its 不动产权证书号
 * @param propertyArea the floor area in m²: {@code 96.45}
 * @param purchasePrice {@code 1,050,000.00}
 * @param sellerName {@code 王强}
 * @param loanAmount {@code 600,000.00}
 * @param loanAmountInWords {@code 人民币陆拾万元整}
 * @param termMonths {@code 240}
 * @param rateCategory which rate applies: {@code 五年以上首套个人住房公积金贷款利率}
 * @param annualRate {@code 2.60%}
 * @param monthlyRate {@code 2.1667‰}
 * @param overduePenaltyRate the penalty rate, annual: {@code 3.90%}
 * @param repaymentMethod {@code 等额本息}
 * @param repaymentDay the day of the month: {@code 20}
 * @param monthlyPayment {@code 3,208.73}
 * @param scheduleRows the first periods and the last
 * @param scheduleTotalPayment 还款总额 over the whole schedule
 * @param scheduleTotalPrincipal 本金合计
 * @param scheduleTotalInterest 利息合计
 * @param repaymentAccountNo the borrower's account debited monthly
 * @param repaymentAccountBank its bank
 * @param payeeAccountName the seller's account name (受托支付)
 * @param payeeAccountNo the seller's account
 * @param payeeBank the seller's bank
 */
public record LoanContractData(String documentNo, String issuingAgency, String caseNo, String issueDate,
		String verificationUrl, String signingPlace, List<Borrower> borrowers, Organisation lender,
		Organisation trusteeBank, Organisation guarantor, String propertyAddress, String propertyCertificateNo,
		String propertyArea, String purchasePrice, String sellerName, String loanAmount, String loanAmountInWords,
		String termMonths, String rateCategory, String annualRate, String monthlyRate, String overduePenaltyRate,
		String repaymentMethod, String repaymentDay, String monthlyPayment, List<ScheduleRow> scheduleRows,
		String scheduleTotalPayment, String scheduleTotalPrincipal, String scheduleTotalInterest,
		String repaymentAccountNo, String repaymentAccountBank, String payeeAccountName, String payeeAccountNo,
		String payeeBank) implements DocumentData {
}
