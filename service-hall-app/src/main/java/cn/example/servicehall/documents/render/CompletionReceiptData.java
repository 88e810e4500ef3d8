package cn.example.servicehall.documents.render;

import java.util.List;

/**
 * 办结回执: the case is complete (a loan granted and paid out), with its particulars and what the citizen does next,
 * as the case's service says. A refused loan gets {@link RefusalReceiptData} instead.
 * Template {@code intake/completion-receipt.xhtml}.
 * @param documentNo {@code BJ2026121800001}
 * @param issuingAgency {@code 焦作市住房公积金管理中心}
 * @param caseNo {@code DK2026112300001}
 * @param issueDate {@code 2026年12月18日}
 * @param verificationUrl encoded in the QR code
 * @param applicantName {@code 张伟}
 * @param applicantIdNumber masked: {@code 4108**********0037}
 * @param serviceName {@code 二手房住房公积金个人贷款}
 * @param acceptedDate {@code 2026年11月25日}
 * @param completedDate {@code 2026年12月18日}
 * @param result the result in one phrase (办理结果): {@code 准予贷款，贷款已发放}
 * @param details the result's particulars (contract number, amount, …)
 * @param notes what the citizen does next (温馨提示), one line each, before the enquiry line every receipt ends with
 * @param handlingOfficer the officer who approved the loan, by name
 * @param enquiryPhone {@code 12329}
 */
public record CompletionReceiptData(String documentNo, String issuingAgency, String caseNo, String issueDate,
		String verificationUrl, String applicantName, String applicantIdNumber, String serviceName,
		String acceptedDate, String completedDate, String result, List<DetailRow> details, List<NoteRow> notes,
		String handlingOfficer,
		String enquiryPhone) implements DocumentData {
}
