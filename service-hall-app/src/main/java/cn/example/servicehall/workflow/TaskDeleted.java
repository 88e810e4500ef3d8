package cn.example.servicehall.workflow;

/**
 * A user task went without being completed: its case was withdrawn, refused elsewhere, or its process moved on
 * without it. Published synchronously, in the engine's transaction.
 *
 * @param task the task
 */
public record TaskDeleted(TaskRef task) {
}
