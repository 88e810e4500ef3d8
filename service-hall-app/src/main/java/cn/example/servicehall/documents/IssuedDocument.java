package cn.example.servicehall.documents;

import java.time.OffsetDateTime;

import cn.example.servicehall.documents.render.DocumentTemplate;
import cn.example.servicehall.documents.signing.Agency;

/**
 * A document as issued and kept.
 *
 * @param documentNo its number, printed on it
 * @param caseNo the case it belongs to
 * @param kind which document
 * @param occurrence which one of its kind in the case (a second notice after a second check is a new one)
 * @param issuer the agency that signed it
 * @param title its title
 * @param sha256 the SHA-256 of its bytes, hex
 * @param sizeBytes its size
 * @param issuedAt when
 */
public record IssuedDocument(String documentNo, String caseNo, DocumentTemplate kind, String occurrence, Agency issuer,
		String title, String sha256, int sizeBytes, OffsetDateTime issuedAt) {
}
