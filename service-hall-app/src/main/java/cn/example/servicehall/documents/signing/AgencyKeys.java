package cn.example.servicehall.documents.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bouncycastle.asn1.x500.style.BCStyle;

import cn.example.servicehall.documents.signing.DocumentSigningSettings.KeyMode;
import cn.example.servicehall.documents.signing.DocumentSigningSettings.Keys;

/**
 * Each agency's signing key and certificate chain, and the CA certificates a signature must chain to.
 * <p>
 * {@code development} mode: a development CA ("Service Hall Development CA") and one certificate per agency, created
 * under {@code keys.directory} the first time they are needed and reused afterwards (see
 * {@link DevelopmentKeyStore}). {@code keystore} mode: each agency's key and chain from a PKCS12 keystore; nothing is
 * ever generated, and a missing keystore, password or alias is an error naming the setting to fix.
 * <p>
 * Thread-safe: the keys are read (or created) once, under a lock, then shared read-only.
 */
public final class AgencyKeys {

	private final DocumentSigningSettings settings;

	private final Clock clock;

	private volatile Loaded loaded;

	public AgencyKeys(DocumentSigningSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	private record Loaded(Map<Agency, SigningKey> keys, List<X509Certificate> trustAnchors,
			Optional<Path> developmentCa) {
	}

	/** {@code development} or {@code keystore}. */
	public KeyMode mode() {
		return this.settings.keys().mode();
	}

	/** The agency's key and chain (agency certificate first, CA last). */
	public SigningKey signingKey(Agency agency) {
		return loaded().keys().get(agency);
	}

	/**
	 * The CA certificates a document's signer must chain to: the development CA (development mode) or the roots of
	 * the keystore's chains (keystore mode), plus {@code keys.trust-anchors}.
	 */
	public List<X509Certificate> trustAnchors() {
		return loaded().trustAnchors();
	}

	/** Development mode: the PEM file of the development CA ({@code <keys.directory>/dev-ca.pem}). */
	public Optional<Path> developmentCaCertificate() {
		return loaded().developmentCa();
	}

	/**
	 * Which agency a signer certificate belongs to: one of the agencies' current certificates, or a certificate
	 * whose organisation (else common name) is an agency's configured name. Says nothing about trust.
	 */
	public Optional<Agency> agencyOf(X509Certificate signer) {
		Loaded current = loaded();
		for (SigningKey key : current.keys().values()) {
			if (key.certificate().equals(signer)) {
				return Optional.of(key.agency());
			}
		}
		List<String> names = new ArrayList<>();
		Certificates.subjectAttribute(signer, BCStyle.O).ifPresent(names::add);
		Certificates.subjectAttribute(signer, BCStyle.CN).ifPresent(names::add);
		for (Agency agency : Agency.values()) {
			if (names.contains(this.settings.profile(agency).name())) {
				return Optional.of(agency);
			}
		}
		return Optional.empty();
	}

	/**
	 * Reads (development mode: creates if need be) the keys now rather than on first use; fails if they cannot be
	 * had. The hall calls it at start-up in keystore mode, so a wrong keystore stops it at once.
	 */
	public void preload() {
		loaded();
	}

	private Loaded loaded() {
		Loaded current = this.loaded;
		if (current == null) {
			synchronized (this) {
				current = this.loaded;
				if (current == null) {
					current = load();
					this.loaded = current;
				}
			}
		}
		return current;
	}

	private Loaded load() {
		Keys keys = this.settings.keys();
		Set<X509Certificate> anchors = new LinkedHashSet<>();
		Map<Agency, SigningKey> agencyKeys;
		Optional<Path> developmentCa = Optional.empty();
		if (keys.mode() == KeyMode.DEVELOPMENT) {
			DevelopmentKeyStore.Contents contents = DevelopmentKeyStore.openOrCreate(keys.directory(),
					this.settings::profile, this.clock.instant());
			agencyKeys = contents.keys();
			anchors.add(contents.ca());
			developmentCa = Optional
				.of(keys.directory().toAbsolutePath().normalize().resolve(DevelopmentKeyStore.CA_FILE));
		}
		else {
			agencyKeys = fromKeystore(keys);
			for (SigningKey key : agencyKeys.values()) {
				X509Certificate top = key.chain().get(key.chain().size() - 1);
				if (key.chain().size() > 1 && Certificates.isSelfSigned(top)) {
					anchors.add(top);
				}
			}
		}
		for (Path file : keys.trustAnchors()) {
			anchors.addAll(Certificates.read(file));
		}
		if (anchors.isEmpty()) {
			throw new IllegalStateException("No CA to verify signatures against: the keystore's chains end in no "
					+ "self-signed CA certificate; name the CA in servicehall.documents.keys.trust-anchors");
		}
		return new Loaded(Map.copyOf(agencyKeys), List.copyOf(anchors), developmentCa);
	}

	private static Map<Agency, SigningKey> fromKeystore(Keys keys) {
		Path file = keys.keystore();
		if (file == null) {
			throw new IllegalStateException("servicehall.documents.keys.mode is keystore but "
					+ "servicehall.documents.keys.keystore names no PKCS12 file; refusing to generate keys");
		}
		if (!Files.isRegularFile(file)) {
			throw new IllegalStateException("The signing keystore " + file.toAbsolutePath()
					+ " (servicehall.documents.keys.keystore) does not exist; refusing to generate keys");
		}
		if (keys.password() == null) {
			throw new IllegalStateException("servicehall.documents.keys.password is not set for the keystore " + file);
		}
		char[] password = keys.password().toCharArray();
		char[] keyPassword = keys.keyPassword() != null ? keys.keyPassword().toCharArray() : password;
		try (InputStream in = Files.newInputStream(file)) {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(in, password);
			Map<Agency, SigningKey> result = new EnumMap<>(Agency.class);
			List<String> problems = new ArrayList<>();
			for (Agency agency : Agency.values()) {
				String alias = keys.alias(agency);
				if (!store.isKeyEntry(alias)) {
					problems.add(agency + ": no key entry \"" + alias + "\" (servicehall.documents.keys.aliases."
							+ agency.defaultAlias() + ")");
					continue;
				}
				Key key = store.getKey(alias, keyPassword);
				Certificate[] chain = store.getCertificateChain(alias);
				if (!(key instanceof PrivateKey privateKey) || chain == null || chain.length == 0) {
					problems.add(agency + ": entry \"" + alias + "\" holds no private key with a certificate chain");
					continue;
				}
				List<X509Certificate> certificates = new ArrayList<>();
				for (Certificate certificate : chain) {
					certificates.add((X509Certificate) certificate);
				}
				result.put(agency, new SigningKey(agency, privateKey, certificates));
			}
			if (!problems.isEmpty()) {
				throw new IllegalStateException("The signing keystore " + file + " lacks keys: " + problems);
			}
			return result;
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot read the signing keystore " + file
					+ " (wrong servicehall.documents.keys.password or key-password?)", ex);
		}
	}

}
