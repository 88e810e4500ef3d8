package cn.example.servicehall.workflow;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.repository.ProcessDefinition;

import org.springframework.stereotype.Component;

/**
 * Gives every user task of every model a due date when it is created, from {@link TaskDeadlines}: the models carry
 * none of their own, so the rule lives in one place.
 */
@Component
class TaskDueDateAssignment extends AbstractProcessEnginePlugin {

	private final TaskDeadlines deadlines;

	TaskDueDateAssignment(TaskDeadlines deadlines) {
		this.deadlines = deadlines;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null ? new ArrayList<>()
				: new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
		listeners.add(new AbstractBpmnParseListener() {
			@Override
			public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
				UserTaskActivityBehavior behavior = (UserTaskActivityBehavior) activity.getActivityBehavior();
				behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, dueDate());
			}
		});
		configuration.setCustomPostBPMNParseListeners(listeners);
	}

	private TaskListener dueDate() {
		return task -> {
			if (task.getDueDate() == null) {
				ProcessDefinition definition = task.getProcessEngineServices()
					.getRepositoryService()
					.getProcessDefinition(task.getProcessDefinitionId());
				task.setDueDate(Date.from(this.deadlines.dueFor(definition.getKey(), task.getTaskDefinitionKey(),
						task.getCreateTime().toInstant())));
			}
		};
	}

}
