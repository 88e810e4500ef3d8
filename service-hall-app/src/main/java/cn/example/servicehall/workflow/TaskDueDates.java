package cn.example.servicehall.workflow;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Service;

/**
 * Due dates of open tasks set after the task was created (a time limit that could only be counted later), and the
 * colour each open task's clock shows, from whichever module keeps the clocks ({@link Colours}); the inbox shows both.
 */
@Service
public class TaskDueDates {

	private final TaskService tasks;

	TaskDueDates(TaskService tasks) {
		this.tasks = tasks;
	}

	/** Gives an open task its due date; a task that has ended meanwhile is left alone. */
	public void set(String taskId, Instant due) {
		if (this.tasks.createTaskQuery().taskId(taskId).count() > 0) {
			this.tasks.setDueDate(taskId, Date.from(due));
		}
	}

	/** The colour of each open task's clock now: a module that keeps clocks for tasks provides it as a bean. */
	public interface Colours {

		/**
		 * The colour of each task's clock now, by task id ({@code GREEN}, {@code YELLOW}, {@code RED},
		 * {@code SUSPENDED}); tasks without a clock are left out.
		 */
		Map<String, String> ofTasks(Collection<String> taskIds);

	}

}
