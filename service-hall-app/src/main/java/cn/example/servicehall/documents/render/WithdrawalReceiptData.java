package cn.example.servicehall.documents.render;

/**
 * 提取回执: a withdrawal from the personal fund account has been approved and transferred.
 * Template {@code withdrawal/withdrawal-receipt.xhtml}.
 * @param documentNo {@code TQ2026112300021}
 * @param issuingAgency {@code 焦作市住房公积金管理中心}
 * @param caseNo {@code TQ2026112300007}
 * @param issueDate {@code 2026年11月23日}
 * @param verificationUrl encoded in the QR code
 * @param applicantName {@code 张伟}
 * @param applicantIdNumber masked: {@code 4108**********0037}
 * @param accountNo the personal fund account (个人账号)
 * @param employerName the employer (单位名称)
 * @param withdrawalReason 提取原因: {@code 购买自住住房}
 * @param amount {@code 85,320.50}
 * @param amountInWords {@code 人民币捌万伍仟叁佰贰拾元伍角}
 * @param paidTo where the money went, as the receipt's first sentence ends: {@code 提取金额已划转至您指定的银行账户}, or
 * for a loan's payoff {@code 提取金额已直接用于结清您的住房公积金贷款（借款合同 JK…）}
 * @param balanceBefore the balance before the withdrawal
 * @param balanceAfter the balance after it
 * @param payeeBank the bank of the receiving account
 * @param payeeAccount the receiving account, masked: {@code 6217 **** **** 4321}
 * @param expectedArrivalDate {@code 2026年11月24日}
 * @param windowName {@code 综合服务大厅 8号窗口}
 * @param handlingOfficer the clerk (经办人)
 * @param enquiryPhone {@code 12329}
 */
public record WithdrawalReceiptData(String documentNo, String issuingAgency, String caseNo, String issueDate,
		String verificationUrl, String applicantName, String applicantIdNumber, String accountNo,
		String employerName, String withdrawalReason, String amount, String amountInWords, String paidTo,
		String balanceBefore, String balanceAfter, String payeeBank, String payeeAccount, String expectedArrivalDate,
		String windowName, String handlingOfficer, String enquiryPhone) implements DocumentData {
}
