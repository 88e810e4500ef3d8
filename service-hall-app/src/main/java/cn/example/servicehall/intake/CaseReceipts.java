package cn.example.servicehall.intake;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.example.servicehall.documents.DocumentSettings;
import cn.example.servicehall.documents.Documents;
import cn.example.servicehall.documents.IssuedDocument;
import cn.example.servicehall.documents.Printed;
import cn.example.servicehall.documents.render.AcceptanceReceiptData;
import cn.example.servicehall.documents.render.PartRow;
import cn.example.servicehall.documents.render.CompletionReceiptData;
import cn.example.servicehall.documents.render.MaterialRow;
import cn.example.servicehall.documents.render.MissingMaterialRow;
import cn.example.servicehall.documents.render.MissingMaterialsNoticeData;
import cn.example.servicehall.documents.render.NoteRow;
import cn.example.servicehall.documents.render.TemplateId;
import cn.example.servicehall.documents.signing.Agency;

/**
 * The documents every case issues, whatever its service, filled from the case and the service's description
 * ({@link CaseService}): the acceptance receipt (受理回执), the one-time notice (一次性告知书) and the completion receipt
 * (办结回执). The fund centre issues them. Each is issued once per case (per notice round for the notice): the
 * process's steps call these, and a retried step gets the same document. Staff are printed by name as the case's
 * history recorded them, not by login.
 */
@Service
public class CaseReceipts {

	private final Documents documents;

	private final CaseFiles cases;

	private final CaseServices services;

	private final DocumentSettings settings;

	private final Clock clock;

	CaseReceipts(Documents documents, CaseFiles cases, CaseServices services, DocumentSettings settings, Clock clock) {
		this.documents = documents;
		this.cases = cases;
		this.services = services;
		this.settings = settings;
		this.clock = clock;
	}

	/** 受理回执: the case was accepted; what was received, by whom, and by when a decision is due. */
	public IssuedDocument issueAcceptanceReceipt(CaseNo caseNo) {
		CaseFile file = this.cases.get(caseNo);
		CaseService service = this.services.of(file.serviceType());
		OffsetDateTime acceptedAt = this.cases.firstTime(caseNo, CaseFiles.ACCEPTED)
			.orElseThrow(() -> new IllegalStateException("Not accepted: " + caseNo));
		String acceptedBy = staff(caseNo, last(this.cases.actorsOf(caseNo, CaseFiles.ACCEPTED)));
		List<MaterialRow> materials = new ArrayList<>();
		for (Checklist.Item item : service.checklist(file).items()) {
			materials.add(new MaterialRow(Integer.toString(materials.size() + 1), item.material().name(), item.form(),
					item.copies()));
		}
		CaseService.Promise promised = service.promise(file,
				acceptedAt.atZoneSameInstant(this.clock.getZone()).toLocalDate());
		String phone = service.applicantPhone(file).map(Printed::maskedPhone).orElse("—");
		return this.documents.issue(new Documents.Request(caseNo.value(), TemplateId.ACCEPTANCE_RECEIPT, "1", Agency.HPF,
				Optional.empty(),
				(no, url) -> new AcceptanceReceiptData(no, this.documents.issuerName(Agency.HPF), caseNo.value(), today(),
						url.toString(), service.documentName(file), file.applicantName(), file.applicantIdNumber().masked(),
						phone, Printed.dateTime(acceptedAt), hall().window(), acceptedBy, promised.limit(),
						Printed.date(promised.by()), materials, service.receiptParts(file)
							.stream()
							.map(part -> new PartRow(part.label(), part.name(), part.agency(), part.order()))
							.toList(),
						hall().enquiryPhone(), hall().address())));
	}

	/** 一次性告知书: everything the latest check found missing, what exactly is asked for, and by when. */
	public IssuedDocument issueMissingMaterialsNotice(CaseNo caseNo) {
		CaseFile file = this.cases.get(caseNo);
		CaseService service = this.services.of(file.serviceType());
		CaseFiles.IssuedNotice notice = this.cases.latestNotice(caseNo)
			.orElseThrow(() -> new IllegalStateException("No one-time notice on file: " + caseNo));
		List<MissingMaterialRow> missing = new ArrayList<>();
		for (Checklist.Item item : service.checklist(file).items()) {
			if (notice.missingCodes().contains(item.material().code())) {
				missing.add(new MissingMaterialRow(Integer.toString(missing.size() + 1), item.material().name(),
						item.requirement()));
			}
		}
		LocalDate deadline = notice.issuedAt()
			.atZoneSameInstant(this.clock.getZone())
			.toLocalDate()
			.plus(service.supplementPeriod());
		String clerk = staff(caseNo, last(this.cases.actorsOf(caseNo, CaseFiles.MISSING_MATERIALS_NOTIFIED)));
		return this.documents.issue(new Documents.Request(caseNo.value(), TemplateId.MISSING_MATERIALS_NOTICE,
				Integer.toString(notice.round()), Agency.HPF, Optional.of(notice.noticeNo()),
				(no, url) -> new MissingMaterialsNoticeData(no, this.documents.issuerName(Agency.HPF), caseNo.value(),
						Printed.date(notice.issuedAt()), url.toString(), file.applicantName(),
						file.applicantIdNumber().masked(), service.documentName(file), Printed.date(file.submittedAt()),
						missing, Printed.date(deadline), hall().window(), clerk, hall().enquiryPhone(),
						hall().address())));
	}

	/** 办结回执: the case is completed; the service says what it granted, with the numbers for the citizen's file. */
	public IssuedDocument issueCompletionReceipt(CaseNo caseNo) {
		CaseFile file = this.cases.get(caseNo);
		CaseService service = this.services.of(file.serviceType());
		CaseService.Completion completion = service.completion(file);
		OffsetDateTime closedAt = file.closedAt()
			.orElseThrow(() -> new IllegalStateException("Not closed: " + file.caseNo()));
		OffsetDateTime acceptedAt = this.cases.firstTime(caseNo, CaseFiles.ACCEPTED).orElse(file.submittedAt());
		String signedBy = staff(caseNo, completion.signedBy());
		return this.documents.issue(new Documents.Request(caseNo.value(), TemplateId.COMPLETION_RECEIPT, "1", Agency.HPF,
				Optional.empty(),
				(no, url) -> new CompletionReceiptData(no, this.documents.issuerName(Agency.HPF), caseNo.value(), today(),
						url.toString(), file.applicantName(), file.applicantIdNumber().masked(), service.documentName(file),
						Printed.date(acceptedAt), Printed.date(closedAt), completion.outcome(), completion.details(),
						completion.notes().stream().map(NoteRow::new).toList(), signedBy, hall().enquiryPhone())));
	}

	private DocumentSettings.Hall hall() {
		return this.settings.hall();
	}

	private String today() {
		return Printed.date(LocalDate.now(this.clock));
	}

	/** A staff member by name, as the case's history recorded it; their login if none was. */
	private String staff(CaseNo caseNo, String login) {
		return this.cases.staffNames(caseNo).getOrDefault(login, login);
	}

	private static String last(List<String> values) {
		return values.isEmpty() ? "—" : values.get(values.size() - 1);
	}

}
