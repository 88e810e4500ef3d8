package cn.example.servicehall.intake;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.example.servicehall.documents.Documents;
import cn.example.servicehall.documents.IssuedDocument;
import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.platform.web.ProblemException;

/**
 * The documents of a case, for those who may see the case: its staff in every agency, managers, and the developer
 * agent of the company that submitted it. Anyone else gets 404, as for the case itself. Every download is recorded.
 */
@Service
public class CaseDocuments {

	/** Through the API. */
	public static final String API = "API";

	/** Through the staff pages. */
	public static final String PAGE = "PAGE";

	private final CaseFiles cases;

	private final Documents documents;

	CaseDocuments(CaseFiles cases, Documents documents) {
		this.cases = cases;
		this.documents = documents;
	}

	/** The case's documents, oldest first. */
	public List<IssuedDocument> of(CaseNo caseNo, CurrentOfficer officer) {
		this.cases.getVisible(caseNo, officer);
		return this.documents.ofCase(caseNo.value());
	}

	/**
	 * A document of the case with its bytes; the download is recorded (who, when, through which channel).
	 * @param channel {@link #API} or {@link #PAGE}
	 */
	@Transactional
	public Download download(CaseNo caseNo, String documentNo, CurrentOfficer officer, String channel) {
		this.cases.getVisible(caseNo, officer);
		IssuedDocument document = this.documents.find(documentNo)
			.filter(d -> d.caseNo().equals(caseNo.value()))
			.orElseThrow(() -> ProblemException.refusal(HttpStatus.NOT_FOUND, "document-not-found",
					"problem.intake.document-not-found", caseNo, documentNo));
		return new Download(document, this.documents.download(documentNo, officer.id(), channel));
	}

	/**
	 * A document and its bytes.
	 * @param document what it is
	 * @param content the signed PDF as issued
	 */
	public record Download(IssuedDocument document, byte[] content) {
	}

}
