package cn.example.servicehall.bundle;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.example.servicehall.workflow.TaskInbox;

/**
 * Every agency's inbox line of a bundled part shows the bundle's deadline (ADR 0009): the bundle's time limit in
 * working days from its acceptance, to the close of office, kept when the bundle was accepted.
 */
@Component
class BundleDeadlines implements TaskInbox.CaseDeadlines {

	private final BundleRecords records;

	BundleDeadlines(BundleRecords records) {
		this.records = records;
	}

	@Override
	public Map<String, Instant> of(Collection<String> caseNumbers) {
		return this.records.dueOf(caseNumbers);
	}

}
