package cn.example.servicehall.intake.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.example.servicehall.documents.Documents;
import cn.example.servicehall.documents.IssuedDocument;
import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.intake.CaseDocuments;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.intake.CaseNotFound;

@RestController
@RequestMapping("/api/cases/{caseNo}/documents")
@Tag(name = "Case documents", description = "电子文书: the signed PDFs a case issued, for those who may see the case")
class CaseDocumentsController {

	private final CaseDocuments documents;

	private final Documents store;

	CaseDocumentsController(CaseDocuments documents, Documents store) {
		this.documents = documents;
		this.store = store;
	}

	/**
	 * A document as listed.
	 * @param documentNo its number
	 * @param kind ACCEPTANCE_RECEIPT, MISSING_MATERIALS_NOTICE, LOAN_CONTRACT, IOU, DISBURSEMENT_NOTICE,
	 * COMPLETION_RECEIPT, REFUSAL_RECEIPT
	 * @param title its title
	 * @param issuer the agency that signed it
	 * @param issuedAt when
	 * @param sha256 the SHA-256 of the PDF
	 * @param sizeBytes its size
	 * @param download where to fetch it
	 * @param verification the public page its QR code points to
	 */
	record DocumentView(String documentNo, String kind, String title, String issuer, OffsetDateTime issuedAt,
			String sha256, int sizeBytes, URI download, URI verification) {
	}

	@GetMapping
	@Operation(summary = "The case's documents, oldest first")
	List<DocumentView> list(@PathVariable String caseNo, CurrentOfficer officer) {
		CaseNo number = caseNo(caseNo);
		return this.documents.of(number, officer).stream().map(d -> view(number, d)).toList();
	}

	@GetMapping(path = "/{documentNo}", produces = { MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_JSON_VALUE })
	@Operation(summary = "The signed PDF, as issued; the download is recorded")
	ResponseEntity<byte[]> download(@PathVariable String caseNo, @PathVariable String documentNo,
			CurrentOfficer officer) {
		CaseDocuments.Download download = this.documents.download(caseNo(caseNo), documentNo, officer, CaseDocuments.API);
		return pdf(download);
	}

	/** The PDF as an attachment named by its number and title. */
	static ResponseEntity<byte[]> pdf(CaseDocuments.Download download) {
		IssuedDocument document = download.document();
		ContentDisposition disposition = ContentDisposition.attachment()
			.filename(document.documentNo() + "-" + document.title() + ".pdf", StandardCharsets.UTF_8)
			.build();
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.header("X-Content-SHA256", document.sha256())
			.body(download.content());
	}

	private DocumentView view(CaseNo caseNo, IssuedDocument document) {
		return new DocumentView(document.documentNo(), document.kind().name(), document.title(), document.issuer().name(),
				document.issuedAt(), document.sha256(), document.sizeBytes(),
				URI.create("/api/cases/" + caseNo.value() + "/documents/" + document.documentNo()),
				this.store.verificationUrl(document.documentNo()));
	}

	private static CaseNo caseNo(String caseNo) {
		if (!CaseNo.isValid(caseNo)) {
			throw new CaseNotFound(caseNo);
		}
		return new CaseNo(caseNo);
	}

}
