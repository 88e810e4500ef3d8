/**
 * 审计日志: who did what to which case or whose personal data, when, from where and through which channel; recorded
 * once, in the transaction of the action ({@link cn.example.servicehall.audit.AuditTrail}), chained per day by
 * SHA-256 and append-only in the database; each past day sealed with the fund centre's signing key
 * ({@link cn.example.servicehall.audit.AuditSeals}, through the port {@link cn.example.servicehall.audit.SealSigner});
 * a day walked link by link ({@link cn.example.servicehall.audit.AuditVerification}) and searched by person, case and
 * staff member ({@link cn.example.servicehall.audit.AuditSearch}) by the auditor (稽核岗). Every module that acts on
 * cases or personal data records here; reads of case data are recorded by one interceptor on the web layer.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit",
		allowedDependencies = { "platform", "platform :: web", "identity" })
package cn.example.servicehall.audit;
