package cn.example.servicehall.loan.process;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;

import org.springframework.stereotype.Component;

import cn.example.servicehall.intake.CaseFiles;
import cn.example.servicehall.intake.CaseNo;

/** {@code Task_RecordAcceptance} (登记受理): marks the case accepted, on behalf of the clerk who accepted it. */
@Component("recordAcceptance")
class RecordAcceptanceDelegate implements JavaDelegate {

	private final CaseFiles cases;

	private final IdentityService identity;

	RecordAcceptanceDelegate(CaseFiles cases, IdentityService identity) {
		this.cases = cases;
		this.identity = identity;
	}

	@Override
	public void execute(DelegateExecution execution) {
		CaseNo caseNo = new CaseNo(LoanStages.CASE_NO.from(execution));
		Authentication clerk = this.identity.getCurrentAuthentication();
		this.cases.accept(caseNo, clerk == null ? null : clerk.getUserId(), LoanStages.ACCEPTANCE_REMARK.from(execution));
	}

}
