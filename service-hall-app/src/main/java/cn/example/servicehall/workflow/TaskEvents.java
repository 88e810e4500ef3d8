package cn.example.servicehall.workflow;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Every user task of every model tells the hall when it is created, completed or deleted ({@link TaskCreated},
 * {@link TaskCompleted}, {@link TaskDeleted}), synchronously, in the engine's transaction: what a listener writes
 * commits or rolls back with the task. The models carry no listeners of their own, so the rule lives in one place;
 * the time limits (sla) listen and give each task its due date.
 */
@Component
class TaskEvents extends AbstractProcessEnginePlugin {

	private final ApplicationEventPublisher events;

	TaskEvents(ApplicationEventPublisher events) {
		this.events = events;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		PostParseListeners.add(configuration, new AbstractBpmnParseListener() {
			@Override
			public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
				UserTaskActivityBehavior behavior = (UserTaskActivityBehavior) activity.getActivityBehavior();
				behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, TaskEvents.this::created);
				behavior.getTaskDefinition()
					.addTaskListener(TaskListener.EVENTNAME_COMPLETE,
							task -> TaskEvents.this.events.publishEvent(new TaskCompleted(ref(task))));
				behavior.getTaskDefinition()
					.addTaskListener(TaskListener.EVENTNAME_DELETE,
							task -> TaskEvents.this.events.publishEvent(new TaskDeleted(ref(task))));
			}
		});
	}

	private void created(DelegateTask task) {
		this.events.publishEvent(new TaskCreated(ref(task), due -> task.setDueDate(Date.from(due))));
	}

	private static TaskRef ref(DelegateTask task) {
		String processKey = ((TaskEntity) task).getProcessDefinition().getKey();
		return new TaskRef(task.getId(), processKey, task.getTaskDefinitionKey(), task.getName(),
				task.getExecution().getProcessBusinessKey());
	}

}
