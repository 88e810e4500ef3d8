package cn.example.servicehall.documents.signing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.bouncycastle.asn1.x500.style.BCStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The development keys: a CA and one certificate per agency in a PKCS12 keystore under a directory, created on first
 * use and reused afterwards. Files:
 * <ul>
 * <li>{@code dev-keystore.p12}: the CA's key ({@value #CA_ALIAS}) and each agency's key with its chain (alias
 * {@code hpf}, {@code bank}, {@code registry}, {@code guarantor}), owner-only;</li>
 * <li>{@code dev-keystore.password}: the keystore's (and keys') random password, owner-only;</li>
 * <li>{@code dev-ca.pem}: the CA certificate, for pdfsig's NSS database or a PDF reader's trust list.</li>
 * </ul>
 * An agency certificate is issued again when it is missing, expires within 30 days, or no longer carries the name the
 * settings give the agency. Creation is serialised within the JVM and, through a lock file, between processes.
 */
final class DevelopmentKeyStore {

	static final String KEYSTORE_FILE = "dev-keystore.p12";

	static final String PASSWORD_FILE = "dev-keystore.password";

	static final String CA_FILE = "dev-ca.pem";

	static final String CA_ALIAS = "dev-ca";

	private static final String LOCK_FILE = ".dev-keystore.lock";

	private static final Duration RENEW_BEFORE = Duration.ofDays(30);

	private static final Logger log = LoggerFactory.getLogger(DevelopmentKeyStore.class);

	private static final Map<Path, Object> JVM_LOCKS = new ConcurrentHashMap<>();

	private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private DevelopmentKeyStore() {
	}

	/** The keys and the CA as found in, or created into, {@code directory}. */
	record Contents(Map<Agency, SigningKey> keys, X509Certificate ca) {
	}

	static Contents openOrCreate(Path directory, Function<Agency, AgencyProfile> profiles, Instant now) {
		Path dir = directory.toAbsolutePath().normalize();
		synchronized (JVM_LOCKS.computeIfAbsent(dir, d -> new Object())) {
			try {
				createDirectory(dir);
				Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);
				try (FileChannel channel = POSIX
						? FileChannel.open(dir.resolve(LOCK_FILE), options, PosixFilePermissions.asFileAttribute(OWNER_ONLY))
						: FileChannel.open(dir.resolve(LOCK_FILE), options); FileLock lock = channel.lock()) {
					return openOrCreateLocked(dir, profiles, now);
				}
			}
			catch (IOException | GeneralSecurityException ex) {
				throw new IllegalStateException("Cannot open or create the development signing keys in " + dir, ex);
			}
		}
	}

	private static Contents openOrCreateLocked(Path dir, Function<Agency, AgencyProfile> profiles, Instant now)
			throws IOException, GeneralSecurityException {
		Path keystoreFile = dir.resolve(KEYSTORE_FILE);
		Path passwordFile = dir.resolve(PASSWORD_FILE);
		boolean changed = false;
		char[] password;
		KeyStore store = KeyStore.getInstance("PKCS12");
		Certificates.Issued ca = null;
		if (Files.isRegularFile(keystoreFile) && Files.isRegularFile(passwordFile)) {
			password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip().toCharArray();
			store.load(new ByteArrayInputStream(Files.readAllBytes(keystoreFile)), password);
			ca = readCa(store, password, now);
			if (ca == null) {
				log.warn("The development CA in {} is missing or about to expire: creating new development keys", dir);
			}
			ownerOnly(keystoreFile);
			ownerOnly(passwordFile);
		}
		else {
			password = randomPassword();
		}
		if (ca == null) {
			store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			ca = Certificates.developmentCa(now);
			store.setKeyEntry(CA_ALIAS, ca.keyPair().getPrivate(), password, new Certificate[] { ca.certificate() });
			writeOwnerOnly(passwordFile, new String(password).getBytes(StandardCharsets.UTF_8));
			changed = true;
			log.info("Created the development signing CA \"{}\" in {} (not for production)", Certificates.CA_NAME, dir);
		}
		Map<Agency, SigningKey> keys = new EnumMap<>(Agency.class);
		for (Agency agency : Agency.values()) {
			AgencyProfile profile = profiles.apply(agency);
			SigningKey key = readAgency(store, agency, password, ca.certificate(), profile, now);
			if (key == null) {
				Certificates.Issued issued = Certificates.agencyCertificate(agency, profile, ca, now);
				Certificate[] chain = { issued.certificate(), ca.certificate() };
				store.setKeyEntry(agency.defaultAlias(), issued.keyPair().getPrivate(), password, chain);
				key = new SigningKey(agency, issued.keyPair().getPrivate(),
						List.of(issued.certificate(), ca.certificate()));
				changed = true;
				log.info("Issued the development signing certificate of {} ({})", agency, profile.name());
			}
			keys.put(agency, key);
		}
		if (changed) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			store.store(out, password);
			writeOwnerOnly(keystoreFile, out.toByteArray());
		}
		Path caFile = dir.resolve(CA_FILE);
		byte[] pem = Certificates.pem(ca.certificate()).getBytes(StandardCharsets.US_ASCII);
		if (!Files.isRegularFile(caFile) || !Arrays.equals(Files.readAllBytes(caFile), pem)) {
			writeAtomically(caFile, pem, null);
		}
		Arrays.fill(password, '\0');
		return new Contents(Map.copyOf(keys), ca.certificate());
	}

	private static Certificates.Issued readCa(KeyStore store, char[] password, Instant now)
			throws GeneralSecurityException {
		if (!store.isKeyEntry(CA_ALIAS)) {
			return null;
		}
		X509Certificate certificate = (X509Certificate) store.getCertificate(CA_ALIAS);
		Key key = store.getKey(CA_ALIAS, password);
		if (!(key instanceof PrivateKey privateKey) || expiresSoon(certificate, now)) {
			return null;
		}
		return new Certificates.Issued(new KeyPair(certificate.getPublicKey(), privateKey), certificate);
	}

	private static SigningKey readAgency(KeyStore store, Agency agency, char[] password, X509Certificate ca,
			AgencyProfile profile, Instant now) throws GeneralSecurityException {
		String alias = agency.defaultAlias();
		if (!store.isKeyEntry(alias)) {
			return null;
		}
		Certificate[] chain = store.getCertificateChain(alias);
		Key key = store.getKey(alias, password);
		if (!(key instanceof PrivateKey privateKey) || chain == null || chain.length != 2 || !ca.equals(chain[1])) {
			return null;
		}
		X509Certificate certificate = (X509Certificate) chain[0];
		Optional<String> organisation = Certificates.subjectAttribute(certificate, BCStyle.O);
		if (expiresSoon(certificate, now) || !organisation.equals(Optional.of(profile.name()))) {
			return null;
		}
		return new SigningKey(agency, privateKey, List.of(certificate, ca));
	}

	private static boolean expiresSoon(X509Certificate certificate, Instant now) {
		return certificate.getNotAfter().toInstant().isBefore(now.plus(RENEW_BEFORE));
	}

	private static char[] randomPassword() {
		byte[] random = new byte[24];
		new SecureRandom().nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random).toCharArray();
	}

	private static void createDirectory(Path dir) throws IOException {
		if (Files.isDirectory(dir)) {
			return;
		}
		if (POSIX) {
			Files.createDirectories(dir.getParent());
			try {
				Files.createDirectory(dir,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
			}
			catch (java.nio.file.FileAlreadyExistsException ex) {
				// created by another process meanwhile
			}
		}
		else {
			Files.createDirectories(dir);
		}
	}

	private static void ownerOnly(Path file) throws IOException {
		if (POSIX && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
			Files.setPosixFilePermissions(file, OWNER_ONLY);
		}
	}

	private static void writeOwnerOnly(Path file, byte[] content) throws IOException {
		writeAtomically(file, content, POSIX ? PosixFilePermissions.asFileAttribute(OWNER_ONLY) : null);
	}

	private static void writeAtomically(Path file, byte[] content, FileAttribute<?> attribute) throws IOException {
		Path temporary = attribute != null ? Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp",
				attribute) : Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp");
		try {
			Files.write(temporary, content);
			if (attribute == null && POSIX) {
				Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
			}
			try {
				Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

}
