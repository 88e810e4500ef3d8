package cn.example.servicehall.documents.render;

import java.util.List;

/**
 * 一次性告知书: everything missing from an application, told once and in full (一次性告知制度).
 * Template {@code intake/missing-materials-notice.xhtml}.
 * @param documentNo {@code GZ2026112300001}
 * @param issuingAgency {@code 焦作市住房公积金管理中心}
 * @param caseNo {@code DK2026112300001}
 * @param issueDate {@code 2026年11月23日}
 * @param verificationUrl encoded in the QR code
 * @param applicantName {@code 张伟}
 * @param applicantIdNumber masked: {@code 4108**********0037}
 * @param serviceName {@code 二手房住房公积金个人贷款}
 * @param submittedDate when the application was handed in: {@code 2026年11月23日}
 * @param missingMaterials every material missing, with what exactly is needed
 * @param supplementDeadline by when to bring them: {@code 2026年12月23日}
 * @param windowName {@code 综合服务大厅 5号窗口}
 * @param handlingOfficer the clerk (经办人)
 * @param enquiryPhone {@code 12329}
 * @param hallAddress the hall's address
 */
public record MissingMaterialsNoticeData(String documentNo, String issuingAgency, String caseNo, String issueDate,
		String verificationUrl, String applicantName, String applicantIdNumber, String serviceName,
		String submittedDate, List<MissingMaterialRow> missingMaterials, String supplementDeadline,
		String windowName, String handlingOfficer, String enquiryPhone, String hallAddress) implements DocumentData {
}
