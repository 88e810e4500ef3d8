/**
 * The systems in the hall that are not the hall's: the fund's account system, the credit bureau (征信, asked through
 * the bank), the real-estate registry's database and the entrusted bank's core. Each is a port here, the interface a
 * real system's adapter implements; {@code agencies.fake} holds stand-ins for development and tests. A port throws
 * {@link cn.example.servicehall.agencies.AgencyUnavailable} when its system cannot answer: a technical failure the
 * engine retries and, in the end, shows as an incident.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Agencies",
		allowedDependencies = { "platform", "identity" })
package cn.example.servicehall.agencies;
