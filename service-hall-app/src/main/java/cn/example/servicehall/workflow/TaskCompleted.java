package cn.example.servicehall.workflow;

/**
 * A user task was completed. Published synchronously, in the engine's transaction.
 *
 * @param task the task
 */
public record TaskCompleted(TaskRef task) {
}
