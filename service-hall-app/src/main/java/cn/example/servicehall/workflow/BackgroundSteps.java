package cn.example.servicehall.workflow;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.instance.FlowElement;

import org.springframework.stereotype.Component;

/**
 * The steps of a case the system does by itself (asking an agency's system, issuing a document) that are waiting or
 * failing (not a timer waiting for its day): what the case page shows as "in progress", "failed, being retried", "stopped" or, for a failure that no
 * retry can mend, what is wrong, so nobody waits in the dark.
 */
@Component
public class BackgroundSteps {

	private final RuntimeService runtime;

	private final ManagementService management;

	private final RepositoryService repository;

	BackgroundSteps(RuntimeService runtime, ManagementService management, RepositoryService repository) {
		this.runtime = runtime;
		this.management = management;
		this.repository = repository;
	}

	/**
	 * A step the system does.
	 * @param step the model's id, e.g. {@code Task_IssueAcceptanceReceipt}
	 * @param name the model's name, e.g. 出具受理回执
	 * @param failing the last attempt failed
	 * @param retriesLeft attempts left before it stops and waits for an administrator (0: it is an incident)
	 * @param nextAttempt when it runs (again), if scheduled
	 * @param permanentFailure why the step cannot succeed however often it is tried, when that is why it stopped (at
	 * its first failure, without a retry: {@link PermanentFailures})
	 */
	public record BackgroundStep(String step, String name, boolean failing, int retriesLeft,
			Optional<OffsetDateTime> nextAttempt, Optional<String> permanentFailure) {

		/**
		 * Stopped: every retry failed, or a permanent failure allowed none; an administrator retries it (Cockpit) once
		 * the cause is fixed.
		 */
		public boolean stopped() {
			return this.retriesLeft == 0;
		}

	}

	/**
	 * The case's pending and failing system steps, in the order they were created: of every part's process, for a
	 * case may have several (ADR 0008).
	 */
	public List<BackgroundStep> of(String caseNo) {
		java.util.Map<String, String> definitions = new java.util.HashMap<>();
		this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(caseNo)
			.list()
			.forEach(instance -> definitions.put(instance.getId(), instance.getProcessDefinitionId()));
		if (definitions.isEmpty()) {
			return List.of();
		}
		// a timer waiting for its day (a standing agreement's next due day) is not a step in progress
		java.util.Set<String> waiting = this.management.createJobQuery()
			.processInstanceIds(definitions.keySet())
			.timers()
			.duedateHigherThan(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime())
			.list()
			.stream()
			.filter(job -> job.getExceptionMessage() == null)
			.map(Job::getId)
			.collect(java.util.stream.Collectors.toSet());
		return this.management.createJobQuery()
			.processInstanceIds(definitions.keySet())
			.orderByJobId()
			.asc()
			.list()
			.stream()
			.filter(job -> !waiting.contains(job.getId()))
			.map(job -> step(job, definitions.get(job.getProcessInstanceId())))
			.toList();
	}

	private BackgroundStep step(Job job, String processDefinitionId) {
		JobDefinition definition = this.management.createJobDefinitionQuery()
			.jobDefinitionId(job.getJobDefinitionId())
			.singleResult();
		String step = definition == null ? "" : definition.getActivityId();
		FlowElement element = step.isEmpty() ? null
				: this.repository.getBpmnModelInstance(processDefinitionId).getModelElementById(step);
		String name = element == null || element.getName() == null ? step : element.getName();
		Optional<String> permanent = Optional.ofNullable(job.getExceptionMessage())
			.filter(message -> job.getRetries() == 0 && message.startsWith(PermanentFailures.NOT_RETRIED))
			.map(message -> message.substring(PermanentFailures.NOT_RETRIED.length()));
		return new BackgroundStep(step, name, job.getExceptionMessage() != null, job.getRetries(),
				Optional.ofNullable(job.getDuedate()).map(BackgroundSteps::time), permanent);
	}

	private static OffsetDateTime time(Date date) {
		return date.toInstant().atZone(ZoneId.of("Asia/Shanghai")).toOffsetDateTime();
	}

}
