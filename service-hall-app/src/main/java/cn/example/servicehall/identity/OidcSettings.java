package cn.example.servicehall.identity;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The identity provider the hall signs users in with. Leave {@code issuerUri} empty to have the hall start its own
 * Keycloak (development); set it ({@code SERVICEHALL_OIDC_ISSUER_URI}) to use a running one.
 *
 * @param issuerUri the realm's issuer, e.g. {@code https://sso.example.cn/realms/service-hall}
 * @param clientId the hall's confidential client for sign-in at the pages
 * @param clientSecret that client's secret (for an external provider; the local one generates its own)
 * @param audience what access tokens for the hall's API must name in {@code aud}
 */
@ConfigurationProperties("servicehall.oidc")
public record OidcSettings(URI issuerUri, @DefaultValue("service-hall-web") String clientId, String clientSecret,
		@DefaultValue("service-hall-api") String audience) {
}
