package cn.example.servicehall.identity.keycloak;

import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import cn.example.servicehall.identity.IdentityProvider;
import cn.example.servicehall.identity.OidcSettings;
import cn.example.servicehall.platform.database.DatabaseServer;

/** Without an external issuer, the hall runs its own Keycloak, with its data on the hall's PostgreSQL server. */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalIssuer.class)
class LocalKeycloakConfiguration {

	/** Run before the embedded database server starts: a killed hall's Keycloak holds connections to it. */
	@Bean
	OrphanedKeycloak orphanedKeycloak(LocalKeycloakSettings settings) {
		return new OrphanedKeycloak(settings.home());
	}

	@Bean
	LocalKeycloak localKeycloak(LocalKeycloakSettings settings, DatabaseServer databaseServer) {
		databaseServer.createDatabaseIfMissing(settings.database());
		KeycloakLauncher.Database database = new KeycloakLauncher.Database(
				databaseServer.jdbcUrl(settings.database()), databaseServer.username(), databaseServer.password(),
				() -> databaseServer.recreateDatabase(settings.database()));
		return new LocalKeycloak(new KeycloakLauncher(new KeycloakLauncher.Options(settings.home(),
				settings.version(), settings.port(), settings.hallUrl(), database, Optional.ofNullable(settings.javaHome()),
				settings.remoteRepository(), settings.startupTimeout(), settings.trustedProxies())));
	}

	@Bean
	IdentityProvider identityProvider(LocalKeycloak keycloak, OidcSettings settings) {
		KeycloakLauncher launcher = keycloak.launcher();
		return new IdentityProvider(launcher.issuer(), settings.clientId(), launcher.secrets().webClientSecret(),
				settings.audience());
	}

}
