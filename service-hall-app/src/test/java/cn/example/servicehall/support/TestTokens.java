package cn.example.servicehall.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Access tokens for tests, shaped like the hall's Keycloak issues them (issuer, audience, {@code groups},
 * {@code preferred_username}, {@code developer_company_id}) and signed with a key generated for this test run. The
 * hall under test trusts that key's public half ({@code spring.security.oauth2.resourceserver.jwt.public-key-location})
 * instead of the provider's published keys.
 */
public final class TestTokens {

	public static final String ISSUER = "http://localhost:8180/realms/service-hall";

	public static final String AUDIENCE = "service-hall-api";

	private static final KeyPair KEYS = generate();

	private static final KeyPair FORGER = generate();

	private static Path publicKeyFile;

	private TestTokens() {
	}

	/** The PEM file of the public key the hall under test trusts. */
	public static synchronized Path publicKeyFile() {
		if (publicKeyFile == null) {
			try {
				Path file = Files.createTempFile("service-hall-test-jwt", ".pem");
				file.toFile().deleteOnExit();
				String pem = "-----BEGIN PUBLIC KEY-----\n"
						+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
							.encodeToString(KEYS.getPublic().getEncoded())
						+ "\n-----END PUBLIC KEY-----\n";
				Files.writeString(file, pem);
				publicKeyFile = file;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return publicKeyFile;
	}

	/** A valid token for a user in the given hall groups. */
	public static String user(String username, String... groups) {
		return sign(KEYS, claims(username, List.of(groups)).build());
	}

	/** A valid token for a developer agent of the given company. */
	public static String developerAgent(String username, String companyId) {
		return sign(KEYS, claims(username, List.of("developer-agent")).claim("developer_company_id", companyId).build());
	}

	public static String expired(String username, String... groups) {
		Instant past = Instant.now().minus(Duration.ofHours(1));
		return sign(KEYS, claims(username, List.of(groups)).issueTime(Date.from(past.minusSeconds(300)))
			.expirationTime(Date.from(past))
			.build());
	}

	/** Right claims, signed with a key the hall does not trust. */
	public static String forged(String username, String... groups) {
		return sign(FORGER, claims(username, List.of(groups)).build());
	}

	public static String forAnotherAudience(String username, String... groups) {
		return sign(KEYS, claims(username, List.of(groups)).audience(List.of("account")).build());
	}

	public static String fromAnotherIssuer(String username, String... groups) {
		return sign(KEYS, claims(username, List.of(groups)).issuer("http://localhost:8180/realms/elsewhere").build());
	}

	public static String withClaims(Map<String, Object> extra, String username, String... groups) {
		JWTClaimsSet.Builder builder = claims(username, List.of(groups));
		extra.forEach(builder::claim);
		return sign(KEYS, builder.build());
	}

	/** A valid access token for a user in the given hall groups, from another issuer than {@link #ISSUER}. */
	public static String userAt(String issuer, String username, String... groups) {
		return sign(KEYS, claims(username, List.of(groups)).issuer(issuer).build());
	}

	/**
	 * An OpenID Connect ID token for the pages' sign-in, as the provider at {@code issuer} answers the code it gave:
	 * for the client {@code clientId}, with the {@code nonce} of the sign-in it ends, the user's names and hall groups.
	 */
	public static String idToken(String issuer, String clientId, String nonce, String username, String familyName,
			String givenName, String... groups) {
		JWTClaimsSet.Builder builder = claims(username, List.of(groups)).issuer(issuer)
			.audience(clientId)
			.claim("typ", "ID")
			.claim("azp", clientId)
			.claim("family_name", familyName)
			.claim("given_name", givenName)
			.claim("name", familyName + givenName);
		if (nonce != null) {
			builder.claim("nonce", nonce);
		}
		return sign(KEYS, builder.build());
	}

	/** The JSON Web Key Set of the key tokens are signed with, as a provider publishes it. */
	public static String jwks() {
		return new com.nimbusds.jose.jwk.JWKSet(new com.nimbusds.jose.jwk.RSAKey.Builder(
				(java.security.interfaces.RSAPublicKey) KEYS.getPublic()).keyID("test")
			.keyUse(com.nimbusds.jose.jwk.KeyUse.SIGNATURE)
			.algorithm(JWSAlgorithm.RS256)
			.build()).toString();
	}

	private static JWTClaimsSet.Builder claims(String username, List<String> groups) {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(ISSUER)
			.subject(UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString())
			.audience(List.of(AUDIENCE, "account"))
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
			.jwtID(UUID.randomUUID().toString())
			.claim("typ", "Bearer")
			.claim("azp", "service-hall-web")
			.claim("preferred_username", username)
			.claim("groups", groups);
	}

	private static String sign(KeyPair keys, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(), claims);
			jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
