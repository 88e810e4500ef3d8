package cn.example.servicehall.documents.render;

/**
 * 放款通知书: tells the borrower the loan has been paid to the seller and how repayment starts.
 * Template {@code loan/disbursement-notice.xhtml}.
 * @param documentNo {@code FK2026121800015}
 * @param issuingAgency the entrusted bank (受托银行), which paid out, seals the notice and speaks in it (本行):
 * {@code 中国建设银行焦作分行}
 * @param caseNo {@code DK2026112300001}
 * @param issueDate {@code 2026年12月18日}
 * @param verificationUrl encoded in the QR code
 * @param borrowerNames the borrower and any co-borrower, as addressed: {@code 张伟、李娜}
 * @param contractNo {@code HT2026120800015}
 * @param iouNo {@code JJ2026121800015}
 * @param loanAmount {@code 600,000.00}
 * @param loanAmountInWords {@code 人民币陆拾万元整}
 * @param disbursementDate {@code 2026年12月18日}
 * @param payeeAccountName the seller's account name
 * @param payeeAccountNo the seller's account, masked
 * @param payeeBank the seller's bank
 * @param lenderName the lender (贷款人), as the contract names it: the fund centre
 * @param annualRate {@code 2.60%}
 * @param termMonths {@code 240}
 * @param repaymentMethod {@code 等额本息}
 * @param monthlyPayment {@code 3,208.73}
 * @param firstRepaymentDate {@code 2027年1月20日}
 * @param repaymentDay {@code 20}
 * @param repaymentAccountNo the account debited monthly, masked
 * @param repaymentAccountBank its bank
 * @param mortgageCertificateNo the mortgage registration certificate (不动产登记证明号)
 * @param bankPhone the entrusted bank's phone
 * @param enquiryPhone the fund centre's line: {@code 12329}
 */
public record DisbursementNoticeData(String documentNo, String issuingAgency, String caseNo, String issueDate,
		String verificationUrl, String borrowerNames, String contractNo, String iouNo,
		String loanAmount, String loanAmountInWords, String disbursementDate, String payeeAccountName,
		String payeeAccountNo, String payeeBank, String lenderName, String annualRate, String termMonths,
		String repaymentMethod, String monthlyPayment, String firstRepaymentDate, String repaymentDay,
		String repaymentAccountNo, String repaymentAccountBank, String mortgageKind, String mortgageCertificateNo, String bankPhone,
		String enquiryPhone) implements DocumentData {
}
