/**
 * 受理: cases (办件) and their numbers, the citizen's identity at the window, and the status history of every
 * agency's step. Services own their processes and call in here to open and record cases.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Intake",
		allowedDependencies = { "platform", "platform :: idempotency", "platform :: numbering", "platform :: web",
				"identity", "calendar", "audit",
				"documents", "documents :: render", "documents :: signing" })
package cn.example.servicehall.intake;
