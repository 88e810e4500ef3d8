/**
 * Everything that knows Camunda: engine configuration, model deployment, typed process variables, the task inbox
 * and incidents, and the user tasks' life announced to the hall ({@link cn.example.servicehall.workflow.TaskCreated},
 * {@link cn.example.servicehall.workflow.TaskCompleted}, {@link cn.example.servicehall.workflow.TaskDeleted}). Other
 * modules reach the engine through here and through their own {@code process} packages with the engine's public API;
 * its internals ({@code org.camunda.bpm.engine.impl}) are used only here, so that moving to Operaton (the
 * API-compatible continuation of Camunda 7) touches few places; see docs/adr/0001-camunda-7-24.md. It knows no time
 * limits: whoever keeps them listens to the task events and gives the inbox its colours
 * ({@link cn.example.servicehall.workflow.TaskDueDates.Colours}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workflow",
		allowedDependencies = { "platform", "platform :: time", "platform :: web", "identity", "intake", "audit" })
package cn.example.servicehall.workflow;
