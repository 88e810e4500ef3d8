/**
 * 一件事一次办: bundles that join several services under one case number, one form, one acceptance and one pair of
 * receipts (ADR 0009). The catalogue is data ({@code bundles/*.yml}, {@link cn.example.servicehall.bundle.BundleCatalogue}),
 * read and checked when the hall starts; a bundle case's parent process calls the services' own models. Services
 * never depend on this module; it calls them through their public API and the engine.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Bundle",
		allowedDependencies = { "platform", "platform :: idempotency", "platform :: web", "identity", "agencies",
				"calendar", "documents", "documents :: render", "intake", "workflow", "withdrawal", "loan" })
package cn.example.servicehall.bundle;
