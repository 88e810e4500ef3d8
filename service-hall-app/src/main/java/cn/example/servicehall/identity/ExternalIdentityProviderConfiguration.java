package cn.example.servicehall.identity;

import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.example.servicehall.identity.keycloak.ExternalIssuer;

/** With {@code servicehall.oidc.issuer-uri} set, the hall signs users in there and starts no Keycloak. */
@Configuration(proxyBeanMethods = false)
@Conditional(ExternalIssuer.class)
class ExternalIdentityProviderConfiguration {

	@Bean
	IdentityProvider identityProvider(OidcSettings settings) {
		return new IdentityProvider(settings.issuerUri(), settings.clientId(),
				settings.clientSecret() == null ? "" : settings.clientSecret(), settings.audience());
	}

}
