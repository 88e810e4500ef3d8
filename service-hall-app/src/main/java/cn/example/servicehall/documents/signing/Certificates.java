package cn.example.servicehall.documents.signing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificate chores: the development CA and agency certificates, PEM, names. */
final class Certificates {

	/** RFC 9336 id-kp-documentSigning. */
	static final KeyPurposeId DOCUMENT_SIGNING = KeyPurposeId
		.getInstance(new ASN1ObjectIdentifier("1.3.6.1.5.5.7.3.36"));

	static final String CA_NAME = "Service Hall Development CA";

	private static final SecureRandom RANDOM = new SecureRandom();

	private Certificates() {
	}

	/** A key pair and its certificate. */
	record Issued(KeyPair keyPair, X509Certificate certificate) {
	}

	/** The development root: RSA 3072, ten years, CA, keyCertSign and cRLSign. */
	static Issued developmentCa(Instant now) {
		KeyPair keys = rsa(3072);
		X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN")
			.addRDN(BCStyle.O, "Service Hall")
			.addRDN(BCStyle.OU, "Development only - not for production")
			.addRDN(BCStyle.CN, CA_NAME)
			.build();
		try {
			JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
			X509v3CertificateBuilder builder = builder(name, name, now, Duration.ofDays(3653), keys)
				.addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
				.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
				.addExtension(Extension.subjectKeyIdentifier, false,
						utils.createSubjectKeyIdentifier(keys.getPublic()));
			return new Issued(keys, sign(builder, keys.getPrivate()));
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("Could not create the development CA", ex);
		}
	}

	/**
	 * An agency's development certificate: RSA 2048, three years, digitalSignature and nonRepudiation, extended key
	 * usage document signing (RFC 9336) and e-mail protection (pdfsig verifies through NSS as an e-mail signer: without
	 * it, it reports "Unknown issue with Certificate or corrupted data." even with the CA trusted).
	 * Subject C=CN, L=city, O=name, OU=role, CN=name, in UTF8String.
	 */
	static Issued agencyCertificate(Agency agency, AgencyProfile profile, Issued ca, Instant now) {
		KeyPair keys = rsa(2048);
		X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN")
			.addRDN(BCStyle.L, profile.city())
			.addRDN(BCStyle.O, profile.name())
			.addRDN(BCStyle.OU, agency.role())
			.addRDN(BCStyle.CN, profile.name())
			.build();
		X500Name issuer = X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded());
		try {
			JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
			X509v3CertificateBuilder builder = builder(issuer, subject, now, Duration.ofDays(3 * 365 + 1), keys)
				.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
				.addExtension(Extension.keyUsage, true,
						new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
				.addExtension(Extension.extendedKeyUsage, false,
						new ExtendedKeyUsage(new KeyPurposeId[] { DOCUMENT_SIGNING, KeyPurposeId.id_kp_emailProtection }))
				.addExtension(Extension.subjectKeyIdentifier, false,
						utils.createSubjectKeyIdentifier(keys.getPublic()))
				.addExtension(Extension.authorityKeyIdentifier, false,
						utils.createAuthorityKeyIdentifier(ca.certificate()));
			return new Issued(keys, sign(builder, ca.keyPair().getPrivate()));
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("Could not create the development certificate of " + agency, ex);
		}
	}

	private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, Instant now, Duration validity,
			KeyPair keys) {
		// valid from a year back: the clock they are made on may be a test's or a moved development clock, days ahead of
		// the real one that later signs with them (development certificates only: real ones come from the CA)
		Instant notBefore = now.minus(Duration.ofDays(366));
		Instant notAfter = ZonedDateTime.ofInstant(now, ZoneOffset.UTC).plus(validity).toInstant();
		return new JcaX509v3CertificateBuilder(issuer, new BigInteger(127, RANDOM).setBit(126), Date.from(notBefore),
				Date.from(notAfter), subject, keys.getPublic());
	}

	private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey)
			throws CertificateException {
		try {
			return new JcaX509CertificateConverter()
				.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
		}
		catch (OperatorCreationException ex) {
			throw new CertificateException(ex);
		}
	}

	private static KeyPair rsa(int bits) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(bits, RANDOM);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("RSA is not available", ex);
		}
	}

	/** PEM text of a certificate. */
	static String pem(X509Certificate certificate) {
		try {
			return "-----BEGIN CERTIFICATE-----\n"
					+ Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(certificate.getEncoded())
					+ "\n-----END CERTIFICATE-----\n";
		}
		catch (CertificateException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Every certificate in a PEM or DER file. */
	static List<X509Certificate> read(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return read(in.readAllBytes(), file.toString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read certificates from " + file, ex);
		}
	}

	static List<X509Certificate> read(byte[] pemOrDer, String source) {
		try {
			List<X509Certificate> certificates = new ArrayList<>();
			for (var certificate : CertificateFactory.getInstance("X.509")
				.generateCertificates(new ByteArrayInputStream(pemOrDer))) {
				certificates.add((X509Certificate) certificate);
			}
			if (certificates.isEmpty()) {
				throw new IllegalStateException("No certificate in " + source);
			}
			return certificates;
		}
		catch (CertificateException ex) {
			throw new IllegalStateException("Cannot read certificates from " + source, ex);
		}
	}

	static X500Name subject(X509Certificate certificate) {
		return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
	}

	/** The first value of an attribute of the certificate's subject (O, CN, ...), as text. */
	static Optional<String> subjectAttribute(X509Certificate certificate, ASN1ObjectIdentifier attribute) {
		for (RDN rdn : subject(certificate).getRDNs(attribute)) {
			ASN1Encodable value = rdn.getFirst().getValue();
			if (value instanceof ASN1String text) {
				return Optional.of(text.getString());
			}
		}
		return Optional.empty();
	}

	/** The organisation or, failing that, the common name: who the certificate belongs to. */
	static String holder(X509Certificate certificate) {
		return subjectAttribute(certificate, BCStyle.O).or(() -> subjectAttribute(certificate, BCStyle.CN))
			.orElseGet(() -> certificate.getSubjectX500Principal().getName());
	}

	static boolean isSelfSigned(X509Certificate certificate) {
		if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
			return false;
		}
		try {
			certificate.verify(certificate.getPublicKey());
			return true;
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

}
