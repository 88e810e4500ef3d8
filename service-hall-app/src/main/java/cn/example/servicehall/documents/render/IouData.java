package cn.example.servicehall.documents.render;

/**
 * 借款借据: the borrower's receipt for the money disbursed under a contract; fixes the loan's start and maturity.
 * Template {@code loan/iou.xhtml}.
 * @param documentNo the IOU number (借据编号): {@code JJ2026121800015}
 * @param issuingAgency the entrusted bank (受托银行), which pays out for the lender and seals the IOU:
 * {@code 中国建设银行焦作分行}
 * @param caseNo {@code DK2026112300001}
 * @param issueDate {@code 2026年12月18日}
 * @param verificationUrl encoded in the QR code
 * @param contractNo {@code HT2026120800015}
 * @param borrowerName {@code 张伟}
 * @param borrowerIdNumber the full resident ID number
 * @param coBorrowerName {@code 李娜}, or {@code 无}
 * @param loanAccountNo the loan account (贷款账号)
 * @param loanAmount {@code 600,000.00}
 * @param loanAmountInWords {@code 人民币陆拾万元整}
 * @param annualRate {@code 2.60%}
 * @param termMonths {@code 240}
 * @param startDate the disbursement date (借款日): {@code 2026年12月18日}
 * @param maturityDate {@code 2046年12月20日}
 * @param repaymentMethod {@code 等额本息}
 * @param repaymentDay {@code 20}
 * @param monthlyPayment {@code 3,208.73}
 * @param repaymentAccountNo the account debited monthly
 * @param repaymentAccountBank its bank
 * @param payeeAccountName the seller's account name
 * @param payeeAccountNo the seller's account
 * @param payeeBank the seller's bank
 * @param lenderName the lender (贷款人), as the contract names it: the fund centre, {@code 焦作市住房公积金管理中心}
 */
public record IouData(String documentNo, String issuingAgency, String caseNo, String issueDate,
		String verificationUrl, String contractNo, String borrowerName, String borrowerIdNumber,
		String coBorrowerName, String loanAccountNo, String loanAmount, String loanAmountInWords, String annualRate,
		String termMonths, String startDate, String maturityDate, String repaymentMethod, String repaymentDay,
		String monthlyPayment, String repaymentAccountNo, String repaymentAccountBank, String payeeAccountName,
		String payeeAccountNo, String payeeBank, String lenderName) implements DocumentData {
}
