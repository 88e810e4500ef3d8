/**
 * Who is at the keyboard: sign-in, the hall's groups (agency and post), and {@link cn.example.servicehall.identity.CurrentOfficer},
 * the only form in which other modules meet a user.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity",
		allowedDependencies = { "platform", "platform :: database", "platform :: web" })
package cn.example.servicehall.identity;
