package cn.example.servicehall.documents.render;

/**
 * 销户证明: the depositor's account was closed by a closing withdrawal (提取销户), its balance and interest paid out.
 * Template {@code withdrawal/account-closing-certificate.xhtml}.
 * @param documentNo {@code XH2026120700003}
 * @param issuingAgency {@code 焦作市住房公积金管理中心}
 * @param caseNo {@code TQ2026120700011}
 * @param issueDate {@code 2026年12月7日}
 * @param verificationUrl encoded in the QR code
 * @param holderName {@code 张伟}
 * @param holderIdNumber masked: {@code 4108**********0037}
 * @param accountNo the personal fund account (个人账号)
 * @param employerName the last employer (单位名称)
 * @param closingReason 销户原因: {@code 离休、退休}
 * @param closedOn {@code 2026年12月7日}
 * @param balance the balance before closing: {@code 126,874.20}
 * @param interest the interest to the day of closing: {@code 1,023.55}
 * @param totalPaid balance and interest: {@code 127,897.75}
 * @param totalPaidInWords {@code 人民币壹拾贰万柒仟捌佰玖拾柒元柒角伍分}
 * @param payeeBank the bank of the receiving account
 * @param payeeAccount the receiving account, masked: {@code 6217 **** **** 4321}
 * @param handlingOfficer the clerk (经办人), or the system for a case the rules decided
 * @param enquiryPhone {@code 12329}
 */
public record AccountClosingCertificateData(String documentNo, String issuingAgency, String caseNo, String issueDate,
		String verificationUrl, String holderName, String holderIdNumber, String accountNo, String employerName,
		String closingReason, String closedOn, String balance, String interest, String totalPaid,
		String totalPaidInWords, String payeeBank, String payeeAccount, String handlingOfficer, String enquiryPhone)
		implements DocumentData {
}
