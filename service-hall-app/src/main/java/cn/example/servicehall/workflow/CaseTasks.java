package cn.example.servicehall.workflow;

import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.intake.CasePart;
import cn.example.servicehall.platform.web.DoneConcurrently;

/**
 * Does a case's open step on behalf of an officer: finds the task by the case's part (its process instance, ADR 0008)
 * and step, checks that the officer's post may do it and that nobody else holds it, claims it and completes it. While
 * the engine works, the officer is its authenticated user, so the assignee and the user operation log name them. When two requests do the same step
 * at the same moment, the second is told so ({@link DoneConcurrently}, 409) instead of failing.
 */
@Service
public class CaseTasks {

	private static final Logger log = LoggerFactory.getLogger(CaseTasks.class);

	private final TaskService tasks;

	private final IdentityService identity;

	CaseTasks(TaskService tasks, IdentityService identity) {
		this.tasks = tasks;
		this.identity = identity;
	}

	/**
	 * The open task of a part of a case at step {@code taskDefinitionKey}, checked to be the officer's to do. The
	 * task and its candidate links are read once; do the step with {@link #complete(OpenCaseTask, CurrentOfficer, Map)}
	 * without reading them again.
	 */
	public OpenCaseTask openTaskFor(CasePart part, String taskDefinitionKey, String taskName, CurrentOfficer officer) {
		Task task = part.processInstanceId()
			.map(instance -> this.tasks.createTaskQuery()
				.processInstanceId(instance)
				.taskDefinitionKey(taskDefinitionKey)
				.active()
				.singleResult())
			.orElse(null);
		if (task == null) {
			throw new TaskNotOpen(part.caseNo().value(), taskName);
		}
		if (task.getAssignee() != null && !task.getAssignee().equals(officer.id())) {
			throw TaskNotYours.claimedByOther(task.getName(), task.getAssignee());
		}
		boolean candidate;
		try {
			candidate = task.getAssignee() != null || isCandidate(task, officer);
		}
		catch (NullValueException completedMeanwhile) {
			// the same step, sent twice at once: the other request completed it since it was read
			throw new TaskNotOpen(part.caseNo().value(), taskName);
		}
		if (!candidate) {
			// the same step, sent twice at once: the engine reads the task, then its links, and the other request's
			// commit in between leaves the task found but its links gone, which is not a wrong post
			if (this.tasks.createTaskQuery().taskId(task.getId()).count() == 0) {
				throw new TaskNotOpen(part.caseNo().value(), taskName);
			}
			throw TaskNotYours.wrongPost(task.getName());
		}
		return new OpenCaseTask(task.getId(), task.getName(), task.getAssignee(), task.getProcessInstanceId());
	}

	/** Completes the officer's step, found and checked first. */
	@Transactional
	public void complete(CasePart part, String taskDefinitionKey, String taskName, CurrentOfficer officer,
			Map<String, Object> variables) {
		complete(openTaskFor(part, taskDefinitionKey, taskName, officer), officer, variables);
	}

	/** Completes the officer's step found by {@link #openTaskFor}, claiming it first if nobody has. */
	@Transactional
	public void complete(OpenCaseTask task, CurrentOfficer officer, Map<String, Object> variables) {
		asOfficer(officer, () -> {
			if (task.assignee() == null) {
				this.tasks.claim(task.id(), officer.id());
			}
			this.tasks.complete(task.id(), variables);
			return null;
		}, () -> isStillOpenFor(task.id(), officer));
	}

	/**
	 * An open step of a case, checked to be the officer's.
	 * @param id the engine's task id
	 * @param name its name
	 * @param assignee who holds it, null if nobody
	 * @param processInstanceId the process of the case's part it belongs to
	 */
	public record OpenCaseTask(String id, String name, String assignee, String processInstanceId) {
	}

	/**
	 * Runs engine work with the officer as the engine's authenticated user. If another request changed the same
	 * rows first (the engine's optimistic lock), the officer is told so with 409.
	 */
	public <T> T asOfficer(CurrentOfficer officer, Supplier<T> work) {
		return asOfficer(officer, work, () -> true);
	}

	/**
	 * Runs engine work as {@link #asOfficer(CurrentOfficer, Supplier)} does; {@code unchanged} says whether what the
	 * work relied on (checked just before) is still there. When the engine fails and it is not (the task completed,
	 * the case ended by a request that committed in between), another request was first, and the officer is told
	 * so with 409 instead of the engine's failure.
	 */
	public <T> T asOfficer(CurrentOfficer officer, Supplier<T> work, BooleanSupplier unchanged) {
		this.identity.setAuthentication(officer.id(), officer.groups());
		try {
			return work.get();
		}
		catch (ProcessEngineException ex) {
			if (ex instanceof OptimisticLockingException || DoneConcurrently.isRace(ex) || !unchanged.getAsBoolean()) {
				log.info("Another request did the same first ({}): {}", officer.id(), ex.getMessage());
				throw new DoneConcurrently();
			}
			throw ex;
		}
		finally {
			this.identity.clearAuthentication();
		}
	}

	private boolean isStillOpenFor(String taskId, CurrentOfficer officer) {
		Task now = this.tasks.createTaskQuery().taskId(taskId).active().singleResult();
		return now != null && (now.getAssignee() == null || now.getAssignee().equals(officer.id()));
	}

	boolean isCandidate(Task task, CurrentOfficer officer) {
		for (IdentityLink link : this.tasks.getIdentityLinksForTask(task.getId())) {
			if (IdentityLinkType.CANDIDATE.equals(link.getType())
					&& (officer.isIn(link.getGroupId()) || officer.id().equals(link.getUserId()))) {
				return true;
			}
		}
		return false;
	}

}
