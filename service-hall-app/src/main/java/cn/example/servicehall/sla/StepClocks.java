package cn.example.servicehall.sla;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.workflow.TaskCompleted;
import cn.example.servicehall.workflow.TaskCreated;
import cn.example.servicehall.workflow.TaskDeleted;
import cn.example.servicehall.workflow.TaskDueDates;
import cn.example.servicehall.workflow.TaskRef;

/**
 * Every user task of every model has an SLA clock: started when the task is created (which gives the task its due
 * date, in working time), stopped when it is completed, cancelled when it goes with its case (a withdrawal, a refusal
 * elsewhere). The engine's side only announces the tasks (workflow's {@link TaskCreated}, {@link TaskCompleted},
 * {@link TaskDeleted}, in its transaction); the limits are configuration ({@code servicehall.sla.limits.steps}, by
 * process and step). A task that opened while the working-day calendar lacked the year its limit runs into gets its
 * due date once the year is entered ({@link StepDueTimeSet}). The inbox shows each task's colour from here.
 */
@Component
class StepClocks implements TaskDueDates.Colours {

	private final SlaClocks clocks;

	private final TaskDueDates dueDates;

	StepClocks(SlaClocks clocks, TaskDueDates dueDates) {
		this.clocks = clocks;
		this.dueDates = dueDates;
	}

	@EventListener
	void started(TaskCreated created) {
		TaskRef task = created.task();
		if (task.businessKey() == null || !CaseNo.isValid(task.businessKey())) {
			return;
		}
		this.clocks
			.startStep(new CaseNo(task.businessKey()), task.processKey(), task.step(), task.name(), task.taskId())
			.ifPresent(due -> created.dueAt(due.toInstant()));
	}

	@EventListener
	void completed(TaskCompleted completed) {
		this.clocks.stopStep(completed.task().taskId(), true);
	}

	@EventListener
	void deleted(TaskDeleted deleted) {
		this.clocks.stopStep(deleted.task().taskId(), false);
	}

	@EventListener
	void dueTimeSet(StepDueTimeSet set) {
		this.dueDates.set(set.taskId(), set.dueAt().toInstant());
	}

	@Override
	public Map<String, String> ofTasks(Collection<String> taskIds) {
		Map<String, String> colours = new LinkedHashMap<>();
		this.clocks.colourOfTasks(taskIds).forEach((task, colour) -> colours.put(task, colour.name()));
		return colours;
	}

}
