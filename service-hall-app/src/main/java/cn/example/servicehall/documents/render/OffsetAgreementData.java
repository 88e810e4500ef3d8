package cn.example.servicehall.documents.render;

/**
 * 委托按月提取还贷确认书: the fund centre confirms the depositor's standing agreement to repay a fund loan's monthly
 * instalment from the fund account (冲还贷). Template {@code withdrawal/offset-agreement.xhtml}.
 * @param documentNo {@code WT2026120700003}
 * @param issuingAgency {@code 焦作市住房公积金管理中心}
 * @param caseNo {@code TQ2026120700011}
 * @param issueDate {@code 2026年12月7日}
 * @param verificationUrl encoded in the QR code
 * @param holderName {@code 张伟}
 * @param holderIdNumber masked: {@code 4108**********0037}
 * @param accountNo the personal fund account (个人账号)
 * @param loanContractNo the fund loan's contract (借款合同编号)
 * @param lender the lender: {@code 焦作市住房公积金管理中心}
 * @param instalment the monthly instalment when signed: {@code 3,208.73}
 * @param instalmentInWords {@code 人民币叁仟贰佰零捌元柒角叁分}
 * @param dueDay {@code 每月20日}
 * @param firstMonth the first month paid: {@code 2027年1月}
 * @param lastMonth the loan's last month: {@code 2046年12月}
 * @param channel where it was signed: the hall's name, or the online hall
 * @param handlingOfficer the clerk (经办人), or the system for a case the rules decided
 * @param enquiryPhone {@code 12329}
 */
public record OffsetAgreementData(String documentNo, String issuingAgency, String caseNo, String issueDate,
		String verificationUrl, String holderName, String holderIdNumber, String accountNo, String loanContractNo,
		String lender, String instalment, String instalmentInWords, String dueDay, String firstMonth, String lastMonth,
		String channel, String handlingOfficer, String enquiryPhone) implements DocumentData {
}
