package cn.example.servicehall.identity;

import java.net.URI;

/**
 * The OpenID provider in use, local or external, with the hall's client.
 *
 * @param issuer the realm's issuer URI (tokens' {@code iss})
 * @param clientId the confidential client of the pages
 * @param clientSecret its secret
 * @param audience the audience API tokens must carry
 */
public record IdentityProvider(URI issuer, String clientId, String clientSecret, String audience) {

	public URI endpoint(String path) {
		return URI.create(this.issuer + "/protocol/openid-connect/" + path);
	}

	public URI discovery() {
		return URI.create(this.issuer + "/.well-known/openid-configuration");
	}

}
