package cn.example.servicehall.documents.signing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.example.servicehall.documents.signing.DocumentSigningSettings.AgencySettings;
import cn.example.servicehall.documents.signing.DocumentSigningSettings.KeyMode;
import cn.example.servicehall.documents.signing.DocumentSigningSettings.Keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgencyKeysTest {

	@TempDir
	Path dir;

	/** The keys other test classes use too: for tests that only read. */
	private static Path shared() {
		return SigningFixtures.sharedKeyDirectory();
	}

	@Test
	@DisplayName("首次启动生成开发用CA和各机构证书，再次启动沿用")
	void createsDevelopmentKeysOnceAndReusesThem() throws Exception {
		AgencyKeys first = SigningFixtures.keys(this.dir);
		SigningKey hpf = first.signingKey(Agency.HPF);

		AgencyKeys second = SigningFixtures.keys(this.dir);

		for (Agency agency : Agency.values()) {
			assertThat(second.signingKey(agency).chain()).isEqualTo(first.signingKey(agency).chain());
			assertThat(second.signingKey(agency).privateKey()).isEqualTo(first.signingKey(agency).privateKey());
		}
		assertThat(second.trustAnchors()).isEqualTo(first.trustAnchors());
		assertThat(hpf.chain()).hasSize(2);
		assertThat(first.developmentCaCertificate()).contains(this.dir.toAbsolutePath().normalize().resolve("dev-ca.pem"));
	}

	@Test
	void keepsTheKeystoreAndItsPasswordOwnerOnly() throws Exception {
		SigningFixtures.keys(this.dir).preload();

		assertThat(Files.getPosixFilePermissions(this.dir.resolve("dev-keystore.p12")))
			.isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(Files.getPosixFilePermissions(this.dir.resolve("dev-keystore.password")))
			.isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(Files.list(this.dir).map(p -> p.getFileName().toString()))
			.contains("dev-keystore.p12", "dev-keystore.password", "dev-ca.pem")
			.noneMatch(name -> name.endsWith(".tmp"));
	}

	@Test
	void createsTheKeysInAnOwnerOnlyDirectoryWhenItDoesNotExist() throws Exception {
		Path keys = this.dir.resolve("data/keys");
		SigningFixtures.keys(keys).preload();

		assertThat(Files.getPosixFilePermissions(keys)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
	}

	@Test
	void exportsTheDevelopmentCaAsPem() throws Exception {
		AgencyKeys keys = SigningFixtures.keys(shared());
		Path pem = keys.developmentCaCertificate().orElseThrow();

		assertThat(Files.readString(pem)).startsWith("-----BEGIN CERTIFICATE-----");
		X509Certificate ca = Certificates.read(pem).get(0);
		assertThat(keys.trustAnchors()).containsExactly(ca);
		assertThat(ca.getSubjectX500Principal().getName()).contains("CN=Service Hall Development CA");
		assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
		assertThat(ca.getKeyUsage()[5]).as("keyCertSign").isTrue();
		assertThat(ca.getKeyUsage()[6]).as("cRLSign").isTrue();
		assertThat(ca.getKeyUsage()[0]).as("digitalSignature").isFalse();
		assertThat(((java.security.interfaces.RSAPublicKey) ca.getPublicKey()).getModulus().bitLength())
			.isEqualTo(3072);
		assertThat(ca.getNotAfter().toInstant()).isAfter(SigningFixtures.now().plus(java.time.Duration.ofDays(3650)));
	}

	@Test
	@DisplayName("机构证书：中文名称（UTF8String）、数字签名与不可否认、由开发CA签发")
	void issuesAgencyCertificatesInTheAgenciesNames() throws Exception {
		AgencyKeys keys = SigningFixtures.keys(shared());
		X509Certificate ca = keys.trustAnchors().get(0);

		SigningKey bank = keys.signingKey(Agency.BANK);
		X509Certificate certificate = bank.certificate();

		assertThat(Certificates.subjectAttribute(certificate, BCStyle.O)).contains("中国建设银行焦作分行");
		assertThat(Certificates.subjectAttribute(certificate, BCStyle.CN)).contains("中国建设银行焦作分行");
		assertThat(Certificates.subjectAttribute(certificate, BCStyle.OU)).contains("受托银行");
		ASN1Encodable organisation = Certificates.subject(certificate).getRDNs(BCStyle.O)[0].getFirst().getValue();
		assertThat(organisation).isInstanceOf(DERUTF8String.class);
		assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
		assertThat(certificate.getKeyUsage()[0]).as("digitalSignature").isTrue();
		assertThat(certificate.getKeyUsage()[1]).as("nonRepudiation").isTrue();
		assertThat(certificate.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.36");
		certificate.verify(ca.getPublicKey());
		assertThat(bank.chain()).containsExactly(certificate, ca);
		assertThat(certificate.getNotAfter().toInstant())
			.isBetween(SigningFixtures.now().plus(java.time.Duration.ofDays(3 * 365 - 1)),
					SigningFixtures.now().plus(java.time.Duration.ofDays(3 * 365 + 2)));
		assertThat(keys.agencyOf(certificate)).contains(Agency.BANK);
	}

	@Test
	void issuesACertificateAgainWhenTheAgencysNameChanges() {
		AgencyKeys before = SigningFixtures.keys(this.dir);
		X509Certificate oldHpf = before.signingKey(Agency.HPF).certificate();
		X509Certificate oldBank = before.signingKey(Agency.BANK).certificate();

		DocumentSigningSettings renamed = new DocumentSigningSettings(Keys.development(this.dir),
				Map.of(Agency.HPF, new AgencySettings("洛阳市住房公积金管理中心", "洛阳市", null)), null, null);
		AgencyKeys after = new AgencyKeys(renamed, SigningFixtures.CLOCK);

		assertThat(Certificates.subjectAttribute(after.signingKey(Agency.HPF).certificate(), BCStyle.O))
			.contains("洛阳市住房公积金管理中心");
		assertThat(after.signingKey(Agency.HPF).certificate()).isNotEqualTo(oldHpf);
		assertThat(after.signingKey(Agency.BANK).certificate()).isEqualTo(oldBank);
		assertThat(after.trustAnchors()).isEqualTo(before.trustAnchors());
		assertThat(renamed.profile(Agency.HPF)).isEqualTo(new AgencyProfile("洛阳市住房公积金管理中心", "洛阳市", "业务专用章"));
	}

	@Test
	void servesManyThreadsTheSameKeys() throws Exception {
		AgencyKeys keys = SigningFixtures.keys(shared());
		List<Thread> threads = new java.util.ArrayList<>();
		java.util.Set<X509Certificate> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
		for (int i = 0; i < 8; i++) {
			Thread thread = new Thread(() -> seen.add(keys.signingKey(Agency.GUARANTOR).certificate()));
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		assertThat(seen).hasSize(1);
	}

	@Test
	@DisplayName("生产模式：未配置密钥库时拒绝生成密钥")
	void refusesToGenerateInKeystoreMode() {
		AgencyKeys keys = new AgencyKeys(new DocumentSigningSettings(
				new Keys(KeyMode.KEYSTORE, this.dir, null, null, null, null, null), null, null, null),
				SigningFixtures.CLOCK);

		assertThatThrownBy(keys::preload).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("servicehall.documents.keys.keystore")
			.hasMessageContaining("refusing to generate");
		assertThat(this.dir).isEmptyDirectory();

		AgencyKeys missing = new AgencyKeys(new DocumentSigningSettings(
				Keys.keystore(this.dir.resolve("prod.p12"), "secret"), null, null, null), SigningFixtures.CLOCK);
		assertThatThrownBy(missing::preload).hasMessageContaining("does not exist");
		assertThat(this.dir).isEmptyDirectory();
	}

	@Test
	void loadsProductionKeysFromAKeystore() throws Exception {
		AgencyKeys development = SigningFixtures.keys(shared());
		development.preload();
		String password = Files.readString(shared().resolve("dev-keystore.password")).strip();

		AgencyKeys production = new AgencyKeys(new DocumentSigningSettings(
				Keys.keystore(shared().resolve("dev-keystore.p12"), password), null, null, null),
				SigningFixtures.CLOCK);

		assertThat(production.mode()).isEqualTo(KeyMode.KEYSTORE);
		assertThat(production.signingKey(Agency.REGISTRY).chain())
			.isEqualTo(development.signingKey(Agency.REGISTRY).chain());
		assertThat(production.trustAnchors()).isEqualTo(development.trustAnchors());
		assertThat(production.developmentCaCertificate()).isEmpty();
	}

	@Test
	void namesTheMissingAliasOfAKeystore() throws Exception {
		SigningFixtures.keys(shared()).preload();
		String password = Files.readString(shared().resolve("dev-keystore.password")).strip();
		Keys keystore = new Keys(KeyMode.KEYSTORE, null, shared().resolve("dev-keystore.p12"), password, null,
				Map.of(Agency.GUARANTOR, "guarantor-2026"), null);

		assertThatThrownBy(() -> new AgencyKeys(new DocumentSigningSettings(keystore, null, null, null),
				SigningFixtures.CLOCK).preload())
			.hasMessageContaining("guarantor-2026")
			.hasMessageContaining("servicehall.documents.keys.aliases.guarantor");

		Keys wrongPassword = Keys.keystore(shared().resolve("dev-keystore.p12"), "wrong");
		assertThatThrownBy(() -> new AgencyKeys(new DocumentSigningSettings(wrongPassword, null, null, null),
				SigningFixtures.CLOCK).preload())
			.hasMessageContaining("servicehall.documents.keys.password");
	}

}
