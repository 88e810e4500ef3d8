package cn.example.servicehall.withdrawal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.intake.CasePart;

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
		return execution -> execution.setVariables(steps.decide(part(execution)));
	}

	@Bean
	JavaDelegate debitFundAccount(WithdrawalSteps steps) {
		return execution -> steps.debit(part(execution));
	}

	@Bean
	JavaDelegate closeFundAccount(WithdrawalSteps steps) {
		return execution -> steps.close(part(execution));
	}

	@Bean
	JavaDelegate signOffsetAgreement(WithdrawalSteps steps) {
		return execution -> steps.signOffsetAgreement(part(execution));
	}

	@Bean
	JavaDelegate issueOffsetAgreement(WithdrawalSteps steps) {
		return execution -> steps.issueOffsetAgreement(part(execution));
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
	JavaDelegate repayFundLoan(WithdrawalSteps steps) {
		return execution -> steps.repayLoan(part(execution));
	}

	@Bean
	JavaDelegate transferToCitizen(WithdrawalSteps steps) {
		return execution -> steps.transfer(part(execution));
	}

	@Bean
	JavaDelegate issueClosingCertificate(WithdrawalSteps steps) {
		return execution -> steps.issueClosingCertificate(part(execution));
	}

	@Bean
	JavaDelegate issueWithdrawalReceipt(WithdrawalSteps steps) {
		return execution -> steps.issueReceipt(part(execution));
	}

	@Bean
	JavaDelegate completeWithdrawal(WithdrawalSteps steps) {
		return execution -> steps.complete(part(execution));
	}

	@Bean
	JavaDelegate notifyWithdrawalPaid(WithdrawalSteps steps) {
		return execution -> steps.notifyPaid(part(execution));
	}

	@Bean
	JavaDelegate recordWithdrawalRefusal(WithdrawalSteps steps) {
		return execution -> steps.refuse(part(execution));
	}

	@Bean
	JavaDelegate notifyWithdrawalRefused(WithdrawalSteps steps) {
		return execution -> steps.notifyRefused(part(execution));
	}

	/** The case's part the process runs: the bundle's part it was called for, else the case's own part 1. */
	private static CasePart.Ref part(DelegateExecution execution) {
		Object partNo = execution.getVariable(WithdrawalProcess.BUNDLE_PART_NO);
		return new CasePart.Ref(new CaseNo((String) execution.getVariable(WithdrawalProcess.CASE_NO)),
				partNo instanceof Integer number ? number : 1);
	}

}
