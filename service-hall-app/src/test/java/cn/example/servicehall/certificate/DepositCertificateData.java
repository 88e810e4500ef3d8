package cn.example.servicehall.certificate;

import cn.example.servicehall.documents.render.DocumentData;

/**
 * 住房公积金缴存证明, the certificate's own document. Template {@code certificate/deposit-certificate.xhtml} (test
 * resources).
 * @param documentNo {@code ZM2026000001}
 * @param issuingAgency {@code 焦作市住房公积金管理中心}
 * @param caseNo {@code ZM2026120700001}
 * @param issueDate {@code 2026年12月7日}
 * @param verificationUrl encoded in the QR code
 * @param depositorName {@code 林晓}
 * @param depositorIdNumber masked
 * @param purpose what it is for
 */
public record DepositCertificateData(String documentNo, String issuingAgency, String caseNo, String issueDate,
		String verificationUrl, String depositorName, String depositorIdNumber, String purpose) implements DocumentData {
}
