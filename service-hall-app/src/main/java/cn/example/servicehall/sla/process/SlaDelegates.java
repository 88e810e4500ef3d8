package cn.example.servicehall.sla.process;

import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.example.servicehall.sla.SlaClocks;

/** The SLA model's service task: {@code Task_EscalateSlaClocks} ↔ {@code ${escalateSlaClocks}}. */
@Configuration(proxyBeanMethods = false)
class SlaDelegates {

	/**
	 * {@code Task_EscalateSlaClocks}: yellow at 80 %, red past the limit, the managers told; clocks and working-time
	 * timers that waited for a year of the calendar get their due times once it is entered.
	 */
	@Bean
	JavaDelegate escalateSlaClocks(SlaClocks clocks, WorkingTimeExpressions workingTime) {
		return execution -> {
			clocks.escalate();
			workingTime.completeWaitingTimers(execution.getProcessEngineServices().getManagementService());
		};
	}

}
