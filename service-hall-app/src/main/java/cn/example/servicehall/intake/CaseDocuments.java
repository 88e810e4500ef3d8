package cn.example.servicehall.intake;

import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.example.servicehall.documents.Documents;
import cn.example.servicehall.documents.IssuedDocument;
import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.platform.web.ProblemException;
import cn.example.servicehall.platform.web.Problems;

/**
 * The documents of a case, for those who may see the case: its staff in every agency, managers, and the developer
 * agent of the company that submitted it. Anyone else gets 404, as for the case itself. Every download is recorded.
 * A developer's agent sees the buyer's receipts (受理回执, 一次性告知书, 办结回执, 不予贷款回执) and the disbursement
 * notice addressed to the developer (放款通知书); the case's other documents (contract, IOU …) are as absent to them as
 * another case's.
 */
@Service
public class CaseDocuments {

	/** Through the API. */
	public static final String API = "API";

	/** Through the staff pages. */
	public static final String PAGE = "PAGE";

	/**
	 * What a developer's agent may see of a case's documents: the receipts the buyer is given, and the disbursement
	 * notice (放款通知书), which is addressed to the developer whose escrow account the loan was paid into.
	 */
	static final Set<String> AGENT_DOCUMENTS = Set.of("ACCEPTANCE_RECEIPT", "MISSING_MATERIALS_NOTICE", "COMPLETION_RECEIPT",
			"REFUSAL_RECEIPT", "DISBURSEMENT_NOTICE");

	private final CaseFiles cases;

	private final Documents documents;

	CaseDocuments(CaseFiles cases, Documents documents) {
		this.cases = cases;
		this.documents = documents;
	}

	/** The case's documents, oldest first. */
	public List<IssuedDocument> of(CaseNo caseNo, CurrentOfficer officer) {
		this.cases.getVisible(caseNo, officer);
		return this.documents.ofCase(caseNo.value()).stream().filter(d -> mayHave(officer, d)).toList();
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
			.filter(d -> mayHave(officer, d))
			.orElseThrow(() -> ProblemException.refusal(HttpStatus.NOT_FOUND, "document-not-found",
					"problem.intake.document-not-found", caseNo, Problems.shown(documentNo)));
		return new Download(document, this.documents.download(documentNo, officer.id(), channel));
	}

	/**
	 * A document and its bytes.
	 * @param document what it is
	 * @param content the signed PDF as issued
	 */
	public record Download(IssuedDocument document, byte[] content) {
	}

	/** Staff and managers have every document of a case they see; a developer's agent the receipts and the notice. */
	private static boolean mayHave(CurrentOfficer officer, IssuedDocument document) {
		boolean agentOnly = officer.isIn(Groups.DEVELOPER_AGENT)
				&& officer.groups().stream().noneMatch(g -> Groups.CASE_POSTS.contains(g) || Groups.HALL_MANAGER.equals(g)
						|| Groups.SYSTEM_ADMIN.equals(g));
		return !agentOnly || AGENT_DOCUMENTS.contains(document.kind().name());
	}

}
