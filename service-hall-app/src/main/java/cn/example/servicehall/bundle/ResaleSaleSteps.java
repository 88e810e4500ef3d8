package cn.example.servicehall.bundle;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.example.servicehall.intake.CaseNo;

/**
 * The service tasks of {@code resale-purchase-bundle.bpmn} ({@code Task_FileSaleContract} ↔ {@code fileSaleContract}
 * …): each an asynchronous step calling one agency through its port, keyed by the case's part, so the engine's retries
 * never file, tax or register twice.
 */
@Configuration(proxyBeanMethods = false)
class ResaleSaleSteps {

	@Bean
	JavaDelegate fileSaleContract(ResaleSales sales) {
		return execution -> {
			Optional<String> refused = sales.fileContract(caseNo(execution));
			if (refused.isPresent()) {
				throw new BpmnError("FILING_REFUSED", refused.get());
			}
		};
	}

	@Bean
	JavaDelegate assessDeedTax(ResaleSales sales) {
		return execution -> sales.assessDeedTax(caseNo(execution));
	}

	@Bean
	JavaDelegate recordDeedTaxPayment(ResaleSales sales) {
		return execution -> sales.recordDeedTaxPayment(caseNo(execution));
	}

	@Bean
	JavaDelegate registerTransferWithMortgage(ResaleSales sales) {
		return execution -> sales.registerTransferWithMortgage(caseNo(execution));
	}

	@Bean
	JavaDelegate registerTransfer(ResaleSales sales) {
		return execution -> sales.registerTransfer(caseNo(execution));
	}

	@Bean
	JavaDelegate refundDeedTax(ResaleSales sales) {
		return execution -> sales.undoDeedTax(caseNo(execution));
	}

	@Bean
	JavaDelegate withdrawSaleFiling(ResaleSales sales) {
		return execution -> sales.withdrawFiling(caseNo(execution));
	}

	private static CaseNo caseNo(DelegateExecution execution) {
		return new CaseNo(execution.getProcessBusinessKey());
	}

}
