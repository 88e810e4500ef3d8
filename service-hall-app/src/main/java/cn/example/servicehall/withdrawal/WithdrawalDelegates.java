package cn.example.servicehall.withdrawal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.example.servicehall.intake.CaseNo;

/**
 * The withdrawal model's service tasks, one bean each, named as the model names them ({@code ${assessWithdrawal}}
 * for {@code Task_AssessWithdrawal}); each translates the case number and calls {@link WithdrawalSteps}. A system
 * that cannot answer throws and the engine retries (the transfer ten times, five minutes apart), then raises an
 * incident; a refusal no retry can mend (an account already closed) raises it at once.
 */
@Configuration(proxyBeanMethods = false)
class WithdrawalDelegates {

	@Bean
	JavaDelegate assessWithdrawal(WithdrawalSteps steps) {
		return execution -> execution.setVariables(steps.decide(caseNo(execution)));
	}

	@Bean
	JavaDelegate debitFundAccount(WithdrawalSteps steps) {
		return execution -> steps.debit(caseNo(execution));
	}

	@Bean
	JavaDelegate closeFundAccount(WithdrawalSteps steps) {
		return execution -> steps.close(caseNo(execution));
	}

	@Bean
	JavaDelegate signOffsetAgreement(WithdrawalSteps steps) {
		return execution -> steps.signOffsetAgreement(caseNo(execution));
	}

	@Bean
	JavaDelegate issueOffsetAgreement(WithdrawalSteps steps) {
		return execution -> steps.issueOffsetAgreement(caseNo(execution));
	}

	/** {@code RepaymentOffsetProcess}'s {@code Task_OffsetInstalment}: a month paid, and when the next is due. */
	@Bean
	JavaDelegate offsetInstalment(OffsetAgreements agreements) {
		return execution -> {
			OffsetAgreements.Run run = agreements
				.payMonth(new CaseNo((String) execution.getVariable(RepaymentOffsetProcess.CASE_NO)));
			execution.setVariable(RepaymentOffsetProcess.CONTINUES, run.continues());
			run.nextRunAt()
				.ifPresent(at -> execution.setVariable(RepaymentOffsetProcess.NEXT_OFFSET_AT,
						java.util.Date.from(at.toInstant())));
		};
	}

	@Bean
	JavaDelegate transferToCitizen(WithdrawalSteps steps) {
		return execution -> steps.transfer(caseNo(execution));
	}

	@Bean
	JavaDelegate issueClosingCertificate(WithdrawalSteps steps) {
		return execution -> steps.issueClosingCertificate(caseNo(execution));
	}

	@Bean
	JavaDelegate issueWithdrawalReceipt(WithdrawalSteps steps) {
		return execution -> steps.issueReceipt(caseNo(execution));
	}

	@Bean
	JavaDelegate completeWithdrawal(WithdrawalSteps steps) {
		return execution -> steps.complete(caseNo(execution));
	}

	@Bean
	JavaDelegate notifyWithdrawalPaid(WithdrawalSteps steps) {
		return execution -> steps.notifyPaid(caseNo(execution));
	}

	@Bean
	JavaDelegate recordWithdrawalRefusal(WithdrawalSteps steps) {
		return execution -> steps.refuse(caseNo(execution));
	}

	@Bean
	JavaDelegate notifyWithdrawalRefused(WithdrawalSteps steps) {
		return execution -> steps.notifyRefused(caseNo(execution));
	}

	private static CaseNo caseNo(DelegateExecution execution) {
		return new CaseNo((String) execution.getVariable(WithdrawalProcess.CASE_NO));
	}

}
