package cn.example.servicehall.loan.process;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.example.servicehall.intake.CaseFiles;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.loan.LoanApplications;
import cn.example.servicehall.loan.LoanAssessments;
import cn.example.servicehall.loan.LoanDocuments;
import cn.example.servicehall.loan.LoanReviews;
import cn.example.servicehall.loan.LoanSettlements;
import cn.example.servicehall.workflow.EngineUser;

/**
 * The loan models' service tasks, one bean each, named as the model names them ({@code ${assessEligibility}} for
 * {@code Task_AssessEligibility}). Each translates the case number and calls the domain; a system that cannot answer
 * throws, and the engine retries and finally raises an incident. A failure that no retry can mend (a document that
 * cannot be rendered, {@code documents.DocumentNotRenderable}, a {@code platform.PermanentFailure}) raises the
 * incident at once ({@code workflow.PermanentFailures}). Only a business outcome the model shows (a sealed property)
 * becomes a BPMN error.
 */
@Configuration(proxyBeanMethods = false)
class LoanDelegates {

	/** {@code Task_NotifyMissingMaterials}: the one-time notice of every missing material. */
	@Bean
	JavaDelegate notifyMissingMaterials(LoanApplications applications, IdentityService identity) {
		return execution -> applications.notifyMissingMaterials(caseNo(execution), currentUser(identity));
	}

	/** {@code Task_RecordAcceptance}: the case is accepted, on behalf of the clerk who accepted it. */
	@Bean
	JavaDelegate recordAcceptance(CaseFiles cases, IdentityService identity) {
		return execution -> cases.accept(caseNo(execution), currentUser(identity),
				LoanStages.ACCEPTANCE_REMARK.from(execution));
	}

	/** {@code Task_RequestCreditReport}: the credit bureau's reports, through the bank. */
	@Bean
	JavaDelegate requestCreditReport(LoanAssessments assessments) {
		return execution -> assessments.requestCreditReports(caseNo(execution));
	}

	/** {@code Task_CheckTitle}: the registry's title; a sealed property ends the case ({@code Err_PropertySealed}). */
	@Bean
	JavaDelegate checkTitle(LoanAssessments assessments) {
		return execution -> {
			if (assessments.checkTitle(caseNo(execution))) {
				throw new BpmnError(LoanStages.ERR_PROPERTY_SEALED, "房产已被查封");
			}
		};
	}

	/** {@code Task_AssessEligibility}: eligibility and limit under the city policy. */
	@Bean
	JavaDelegate assessEligibility(LoanAssessments assessments) {
		return execution -> assessments.assess(caseNo(execution));
	}

	/** {@code Task_RecordRejection}: the case ends refused, with the reasons on file. */
	@Bean
	JavaDelegate recordRejection(LoanReviews reviews) {
		return execution -> reviews.recordRejection(caseNo(execution));
	}

	/** {@code Task_RecordContract}: every party signed; the contract is numbered. */
	@Bean
	JavaDelegate recordContract(LoanSettlements settlements) {
		return execution -> settlements.recordContract(caseNo(execution));
	}

	/** {@code Task_DisburseLoan}: the bank pays the seller, once. */
	@Bean
	JavaDelegate disburseLoan(LoanSettlements settlements) {
		return execution -> settlements.disburse(caseNo(execution));
	}

	/** {@code Task_IssueIou}. */
	@Bean
	JavaDelegate issueIou(LoanSettlements settlements) {
		return execution -> settlements.issueIou(caseNo(execution));
	}

	/** {@code Task_CompleteCase}. */
	@Bean
	JavaDelegate completeCase(LoanSettlements settlements) {
		return execution -> settlements.complete(caseNo(execution));
	}

	/** {@code Task_RecordWithdrawal}. */
	@Bean
	JavaDelegate recordWithdrawal(LoanSettlements settlements) {
		return execution -> settlements.recordWithdrawal(caseNo(execution), LoanStages.WITHDRAWAL_REASON.from(execution));
	}

	/** {@code Task_IssueLoanContract}: the signed contract as a document. */
	@Bean
	JavaDelegate issueLoanContract(LoanDocuments documents) {
		return execution -> documents.issueLoanContract(caseNo(execution));
	}

	/** {@code Task_IssueIouDocument}: the IOU as a document, signed by the trustee bank. */
	@Bean
	JavaDelegate issueIouDocument(LoanDocuments documents) {
		return execution -> documents.issueIou(caseNo(execution));
	}

	/** {@code Task_IssueDisbursementNotice}: 放款通知书. */
	@Bean
	JavaDelegate issueDisbursementNotice(LoanDocuments documents) {
		return execution -> documents.issueDisbursementNotice(caseNo(execution));
	}

	/** {@code Task_IssueRefusalNotice}: the receipt of a refused case, with the reasons. */
	@Bean
	JavaDelegate issueRefusalNotice(LoanDocuments documents) {
		return execution -> documents.issueRefusalNotice(caseNo(execution));
	}

	private static CaseNo caseNo(DelegateExecution execution) {
		return new CaseNo(LoanStages.CASE_NO.from(execution));
	}

	private static String currentUser(IdentityService identity) {
		return EngineUser.id(identity);
	}

}
