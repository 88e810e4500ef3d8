package cn.example.servicehall.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;
import org.springframework.util.StringUtils;

/**
 * 生产环境检查: a hall started with the {@code production} profile refuses to start, before anything else starts, while
 * any development part would run in it, and names each with the setting that replaces it: the embedded PostgreSQL
 * (an external database), the local Keycloak with its demo realm and demo passwords (the centre's identity
 * provider), the generated development signing keys (a keystore of real keys), and the agencies' stand-ins (the fake
 * bank core, fund account system, loan servicing, registry, housing authority, tax bureau, text messages) with their
 * outage switch ({@code /api/admin/fake-systems}). This build has only the stand-ins, so a production start is refused
 * until the real adapters are built ({@code servicehall.agencies.adapters}). Registered in
 * {@code META-INF/spring.factories}.
 */
class ProductionParts implements EnvironmentPostProcessor {

	/** The profile of a production installation. */
	static final String PROFILE = "production";

	/** Which adapters reach the agencies' systems: {@code stand-ins} (the only ones this build has). */
	static final String ADAPTERS = "servicehall.agencies.adapters";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String adapters = environment.getProperty(ADAPTERS, "stand-ins").strip().toLowerCase(Locale.ROOT);
		if (!adapters.equals("stand-ins")) {
			// no setting may pretend that real adapters run: the stand-ins would run all the same
			throw new StartRefused(ADAPTERS + "=" + adapters + ": this build has no such adapters to the agencies' "
					+ "systems; its only adapters are the stand-ins.", "Remove the setting (or set it to stand-ins).");
		}
		if (!environment.acceptsProfiles(Profiles.of(PROFILE))) {
			return;
		}
		List<String> parts = new ArrayList<>();
		if (!StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
			parts.add("the embedded PostgreSQL: set SPRING_DATASOURCE_URL (and _USERNAME, _PASSWORD) to the centre's "
					+ "database");
		}
		if (!StringUtils.hasText(environment.getProperty("servicehall.oidc.issuer-uri"))) {
			parts.add("the local Keycloak with its demo realm and demo passwords: set SERVICEHALL_OIDC_ISSUER_URI (and "
					+ "SERVICEHALL_OIDC_CLIENT_SECRET) to the centre's identity provider");
		}
		if (Development.isOn(environment)) {
			parts.add("the generated development signing keys: set SERVICEHALL_DOCUMENTS_KEYS_MODE=keystore with the "
					+ "centre's keystore (README, Documents)");
		}
		// the only adapters this build has (checked above)
		parts.add("the agencies' stand-ins (fake bank core, fund accounts, loan servicing, registry, housing "
				+ "authority, tax bureau, text messages) and their outage switch at /api/admin/fake-systems: this "
				+ "build has no real adapters to the agencies' systems yet (" + ADAPTERS + ")");
		if (!parts.isEmpty()) {
			throw new StartRefused("The " + PROFILE + " profile is active, and this hall would run with development "
					+ "parts:\n - " + String.join("\n - ", parts),
					"Replace each part as said, or start without the " + PROFILE + " profile for development, testing "
							+ "or training.");
		}
	}

}
