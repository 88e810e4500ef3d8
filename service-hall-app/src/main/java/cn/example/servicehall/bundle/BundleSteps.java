package cn.example.servicehall.bundle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.example.servicehall.intake.CaseNo;

/**
 * The bundle models' own service tasks ({@code ${completeBundle}}, {@code ${cancelBundle}}, {@code ${countWithdrawalInLoan}}); the receipts are intake's
 * shared steps ({@code ${issueAcceptanceReceipt}}, {@code ${issueCompletionReceipt}}), which read the bundle through
 * its {@link cn.example.servicehall.intake.CaseService}.
 */
@Configuration(proxyBeanMethods = false)
class BundleSteps {

	@Bean
	JavaDelegate completeBundle(Bundles bundles) {
		return execution -> bundles.complete(caseNo(execution));
	}

	@Bean
	JavaDelegate cancelBundle(Bundles bundles) {
		return execution -> bundles.cancel(caseNo(execution));
	}

	/** {@code Task_CountWithdrawalInLoan} (购房一件事): the down payment's withdrawal counted in the loan's assessment. */
	@Bean
	JavaDelegate countWithdrawalInLoan(Bundles bundles) {
		return execution -> bundles.countWithdrawalInLoan(caseNo(execution));
	}

	private static CaseNo caseNo(DelegateExecution execution) {
		return new CaseNo(execution.getProcessBusinessKey());
	}

}
