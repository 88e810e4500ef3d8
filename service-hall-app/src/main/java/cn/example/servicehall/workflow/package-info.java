/**
 * Everything that knows Camunda: engine configuration, model deployment, typed process variables, the task inbox
 * and incidents. Other modules reach the engine through here and through their own {@code process} packages, so
 * that moving to Operaton (the API-compatible continuation of Camunda 7) touches few places; see
 * docs/adr/0001-camunda-7-24.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workflow",
		allowedDependencies = { "platform", "platform :: time", "platform :: web", "identity", "intake" })
package cn.example.servicehall.workflow;
