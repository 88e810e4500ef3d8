package cn.example.servicehall.workflow;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * A user task was created. Published synchronously while the engine creates it, in the engine's transaction; a
 * listener may give the task its due date ({@link #dueAt}), which the engine saves with the task.
 */
public final class TaskCreated {

	private final TaskRef task;

	private final Consumer<Instant> dueDate;

	TaskCreated(TaskRef task, Consumer<Instant> dueDate) {
		this.task = task;
		this.dueDate = dueDate;
	}

	/** The task. */
	public TaskRef task() {
		return this.task;
	}

	/** Sets the task's due date. */
	public void dueAt(Instant due) {
		this.dueDate.accept(due);
	}

	@Override
	public String toString() {
		return "TaskCreated[" + this.task + "]";
	}

}
