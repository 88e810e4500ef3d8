package cn.example.servicehall.documents.render;

import java.util.List;

/**
 * 不予贷款回执: the application is refused and the case closed; why, and what the citizen may do next.
 * Template {@code intake/refusal-receipt.xhtml}.
 * @param documentNo {@code BY2026121000001}
 * @param issuingAgency the fund centre, which decides: {@code 焦作市住房公积金管理中心}
 * @param caseNo {@code DK2026112300001}
 * @param issueDate {@code 2026年12月10日}
 * @param verificationUrl encoded in the QR code
 * @param applicantName {@code 张伟}
 * @param applicantIdNumber masked: {@code 4108**********0037}
 * @param serviceName {@code 二手房住房公积金个人贷款}
 * @param acceptedDate {@code 2026年11月25日}
 * @param decidedDate the day the case closed refused: {@code 2026年12月10日}
 * @param reasons every reason on file, numbered
 * @param handlingOfficer the officer who refused, by name
 * @param windowName where the citizen takes back what the hall kept
 * @param hallAddress the hall's address
 * @param enquiryPhone {@code 12329}
 */
public record RefusalReceiptData(String documentNo, String issuingAgency, String caseNo, String issueDate,
		String verificationUrl, String applicantName, String applicantIdNumber, String serviceName, String acceptedDate,
		String decidedDate, List<ReasonRow> reasons, String handlingOfficer, String windowName, String hallAddress,
		String enquiryPhone) implements DocumentData {
}
