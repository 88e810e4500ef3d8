package cn.example.servicehall.identity.keycloak;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Keycloak the hall starts for itself when no external issuer is configured.
 *
 * @param home its folder: unpacked distribution, generated secrets, log
 * @param version the distribution's version on Maven Central
 * @param port its HTTP port on localhost
 * @param hallUrl the hall's address as browsers reach it (redirect URIs)
 * @param database the database Keycloak keeps its data in, on the hall's PostgreSQL server
 * @param javaHome a Java 21+ runtime; searched for when empty
 * @param remoteRepository where to download the distribution from when the local Maven repository lacks it
 * @param startupTimeout how long to wait for it to serve the realm
 * @param trustedProxies the reverse proxies in front of it (IP addresses or CIDR ranges), whose
 * {@code X-Forwarded-For} and {@code X-Forwarded-Proto} it believes; by default this machine, like the hall's own
 * {@code server.tomcat.remoteip.internal-proxies}; empty: none
 */
@ConfigurationProperties("servicehall.keycloak.local")
public record LocalKeycloakSettings(@DefaultValue("./data/keycloak") Path home,
		@DefaultValue("26.7.3") String version, @DefaultValue("8180") int port,
		@DefaultValue("http://localhost:${server.port:8080}") String hallUrl,
		@DefaultValue("keycloak") String database, Path javaHome,
		@DefaultValue("https://repo.maven.apache.org/maven2/") URI remoteRepository,
		@DefaultValue("5m") Duration startupTimeout, @DefaultValue("127.0.0.1,::1") List<String> trustedProxies) {
}
