/**
 * Technical foundation every capability uses: the database (embedded PostgreSQL unless an external one is
 * configured), the clock, RFC 9457 problem details, idempotent requests and logging context. Knows no business.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform",
		allowedDependencies = {})
package cn.example.servicehall.platform;
