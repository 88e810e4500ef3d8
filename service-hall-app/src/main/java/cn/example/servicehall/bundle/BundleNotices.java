package cn.example.servicehall.bundle;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.example.servicehall.agencies.NotificationGateway;
import cn.example.servicehall.documents.DocumentSettings;
import cn.example.servicehall.intake.CaseEvent;
import cn.example.servicehall.intake.CaseFile;
import cn.example.servicehall.intake.CaseFiles;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.intake.CaseStatus;
import cn.example.servicehall.platform.web.HallMessages;

/**
 * The bundle's text messages to the citizen (短信告知), which stand for the parts' own: a part run inside a bundle
 * sends none. One when the bundle is completed, saying how it ended (every part done, or some refused) and where the
 * completion receipt is; one when it is cancelled, saying plainly what was done and cannot be undone. Each is sent
 * once per case (the gateway keeps a message id), and only to the mobile the citizen gave at the counter.
 */
@Component
class BundleNotices {

	private final BundleRecords records;

	private final BundleCatalogue catalogue;

	private final BundleServices services;

	private final CaseFiles cases;

	private final NotificationGateway sms;

	private final DocumentSettings settings;

	BundleNotices(BundleRecords records, BundleCatalogue catalogue, BundleServices services, CaseFiles cases,
			NotificationGateway sms, DocumentSettings settings) {
		this.records = records;
		this.catalogue = catalogue;
		this.services = services;
		this.cases = cases;
		this.sms = sms;
		this.settings = settings;
	}

	/** 一件事办结: its outcome as the completion receipt states it. */
	void completed(CaseNo caseNo) {
		CaseFile file = this.cases.get(caseNo);
		send(caseNo, "BUNDLE_COMPLETED", HallMessages.text("bundle.sms.completed", caseNo.value(),
				this.services.completion(file).outcome(), this.settings.hall().enquiryPhone()));
	}

	/** 一件事撤销: what was done and cannot be undone, as the case's history states it. */
	void cancelled(CaseNo caseNo) {
		List<CaseEvent> history = this.cases.history(caseNo);
		String reasons = history.stream()
			.filter(event -> CaseStatus.CANCELLED.name().equals(event.action()))
			.reduce((first, second) -> second)
			.map(CaseEvent::remark)
			.orElse("");
		send(caseNo, "BUNDLE_CANCELLED", HallMessages.text("bundle.sms.cancelled", caseNo.value(), bundleName(caseNo),
				reasons.isBlank() ? "" : reasons + "。", this.settings.hall().enquiryPhone()));
	}

	private String bundleName(CaseNo caseNo) {
		return this.records.find(caseNo)
			.flatMap(kept -> this.catalogue.find(kept.bundleCode()))
			.map(Bundle::name)
			.orElse("一件事");
	}

	private void send(CaseNo caseNo, String what, String text) {
		this.records.find(caseNo)
			.map(BundleRecords.Kept::phone)
			.filter(phone -> !phone.isBlank())
			.ifPresent(phone -> this.sms.send(new NotificationGateway.Message(caseNo.value() + ":" + what,
					caseNo.value(), phone, text)));
	}

}
