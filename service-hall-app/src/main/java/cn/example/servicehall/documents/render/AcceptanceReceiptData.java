package cn.example.servicehall.documents.render;

import java.util.List;

/**
 * 受理回执: given to the applicant when the hall accepts a complete application; starts the promised time limit.
 * Template {@code intake/acceptance-receipt.xhtml}.
 * @param documentNo {@code SL2026112500001}
 * @param issuingAgency {@code 焦作市住房公积金管理中心}
 * @param caseNo {@code DK2026112300001}
 * @param issueDate {@code 2026年11月25日}
 * @param verificationUrl encoded in the QR code
 * @param serviceName the service applied for (事项名称): {@code 二手房住房公积金个人贷款}
 * @param applicantName {@code 张伟}
 * @param applicantIdNumber masked for a receipt: {@code 4108**********0037}
 * @param applicantPhone masked: {@code 139****2468}
 * @param acceptedAt {@code 2026年11月25日 10:15}
 * @param windowName the window (受理窗口): {@code 综合服务大厅 5号窗口}
 * @param acceptingOfficer the clerk (受理人)
 * @param timeLimit the promised time limit (承诺时限): {@code 10个工作日}
 * @param promisedDate the promised completion date: {@code 2026年12月9日}
 * @param materials every material received
 * @param parts a case of several parts (一件事): each part with its number, agency and order; none for a single service
 * @param enquiryPhone {@code 12329}
 * @param hallAddress the hall's address
 */
public record AcceptanceReceiptData(String documentNo, String issuingAgency, String caseNo, String issueDate,
		String verificationUrl, String serviceName, String applicantName, String applicantIdNumber,
		String applicantPhone, String acceptedAt, String windowName, String acceptingOfficer, String timeLimit,
		String promisedDate, List<MaterialRow> materials, List<PartRow> parts, String enquiryPhone, String hallAddress)
		implements DocumentData {
}
