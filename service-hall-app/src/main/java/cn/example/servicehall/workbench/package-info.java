/**
 * 工作台: the start page of every hall user, with their inbox and the cases they may see. Pages only; the work is
 * done by the capabilities.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workbench",
		allowedDependencies = { "platform", "platform :: idempotency", "platform :: money", "platform :: time",
				"platform :: web", "identity", "calendar", "documents", "intake", "materials", "workflow", "loan", "sla", "sla :: dashboard", "withdrawal", "developer", "booking", "bundle", "audit" })
package cn.example.servicehall.workbench;
