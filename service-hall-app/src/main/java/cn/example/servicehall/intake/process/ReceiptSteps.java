package cn.example.servicehall.intake.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.intake.CaseReceipts;

/**
 * The steps that issue the documents every case shares, for any service's model: {@code ${issueAcceptanceReceipt}},
 * {@code ${issueMissingMaterialsNotice}}, {@code ${issueCompletionReceipt}}. The case is the process's business key.
 * Asynchronous in the models, so a document that cannot be issued yet is retried and finally an incident.
 */
@Configuration(proxyBeanMethods = false)
class ReceiptSteps {

	/** {@code Task_IssueMissingMaterialsNotice}: the one-time notice as a signed document. */
	@Bean
	JavaDelegate issueMissingMaterialsNotice(CaseReceipts receipts) {
		return execution -> receipts.issueMissingMaterialsNotice(caseNo(execution));
	}

	/** {@code Task_IssueAcceptanceReceipt}: 受理回执. */
	@Bean
	JavaDelegate issueAcceptanceReceipt(CaseReceipts receipts) {
		return execution -> receipts.issueAcceptanceReceipt(caseNo(execution));
	}

	/** {@code Task_IssueCompletionReceipt}: 办结回执. */
	@Bean
	JavaDelegate issueCompletionReceipt(CaseReceipts receipts) {
		return execution -> receipts.issueCompletionReceipt(caseNo(execution));
	}

	private static CaseNo caseNo(DelegateExecution execution) {
		return new CaseNo(execution.getProcessBusinessKey());
	}

}
