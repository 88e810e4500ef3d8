package cn.example.servicehall.workflow;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.sla.SlaClocks;
import cn.example.servicehall.sla.StepDueTimeSet;

/**
 * Every user task of every model has an SLA clock: started when the task is created (which gives the task its due
 * date, in working time), stopped when it is completed, cancelled when it goes with its case (a withdrawal, a refusal
 * elsewhere). The models carry no due dates or listeners of their own, so the rule lives in one place
 * ({@code servicehall.sla.limits.steps}). A task that opened while the working-day calendar lacked the year its limit
 * runs into gets its due date once the year is entered ({@link StepDueTimeSet}).
 */
@Component
class StepClocks extends AbstractProcessEnginePlugin {

	private final ObjectProvider<SlaClocks> clocks;

	private final ObjectProvider<TaskService> tasks;

	StepClocks(ObjectProvider<SlaClocks> clocks, ObjectProvider<TaskService> tasks) {
		this.clocks = clocks;
		this.tasks = tasks;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null ? new ArrayList<>()
				: new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
		listeners.add(new AbstractBpmnParseListener() {
			@Override
			public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
				UserTaskActivityBehavior behavior = (UserTaskActivityBehavior) activity.getActivityBehavior();
				behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, StepClocks.this::started);
				behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_COMPLETE, task -> stopped(task, true));
				behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_DELETE, task -> stopped(task, false));
			}
		});
		configuration.setCustomPostBPMNParseListeners(listeners);
	}

	private void started(DelegateTask task) {
		String caseNo = task.getExecution().getProcessBusinessKey();
		if (caseNo == null || !CaseNo.isValid(caseNo)) {
			return;
		}
		this.clocks.getObject()
			.startStep(new CaseNo(caseNo), task.getTaskDefinitionKey(), task.getName(), task.getId())
			.ifPresent(due -> task.setDueDate(Date.from(due.toInstant())));
	}

	private void stopped(DelegateTask task, boolean completed) {
		this.clocks.getObject().stopStep(task.getId(), completed);
	}

	@EventListener
	void dueTimeSet(StepDueTimeSet set) {
		TaskService tasks = this.tasks.getObject();
		if (tasks.createTaskQuery().taskId(set.taskId()).count() > 0) {
			tasks.setDueDate(set.taskId(), Date.from(set.dueAt().toInstant()));
		}
	}

}
