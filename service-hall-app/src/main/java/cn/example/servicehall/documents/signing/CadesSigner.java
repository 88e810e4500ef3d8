package cn.example.servicehall.documents.signing;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;

import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureInterface;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * A PAdES baseline B-B signature (ETSI EN 319 142-1): a detached CMS SignedData over the PDF's byte range, SHA-256
 * with SHA256withRSA, signed attributes content-type, message-digest and signing-certificate-v2 (RFC 5035) and no
 * signing-time (PAdES keeps the claimed time in the signature dictionary's {@code /M}), with the whole certificate
 * chain.
 */
final class CadesSigner implements SignatureInterface {

	private final SigningKey key;

	private final int reservedSize;

	CadesSigner(SigningKey key, int reservedSize) {
		this.key = key;
		this.reservedSize = reservedSize;
	}

	/**
	 * Bytes to reserve in {@code /Contents} for a signature with this chain: twice what it should take, so a longer
	 * chain or a later timestamp still fits; never less than {@code minimum}.
	 */
	static int reservedSize(SigningKey key, int minimum) {
		int size = 2048;
		try {
			for (X509Certificate certificate : key.chain()) {
				size += certificate.getEncoded().length;
			}
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
		if (key.privateKey() instanceof RSAKey rsa) {
			size += rsa.getModulus().bitLength() / 8;
		}
		return Math.max(minimum, Math.max(2 * size, 8192));
	}

	@Override
	public byte[] sign(InputStream content) throws IOException {
		try {
			X509Certificate certificate = this.key.certificate();
			ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(this.key.privateKey());
			Attribute signingCertificate = signingCertificateV2(certificate);
			CMSAttributeTableGenerator signedAttributes = parameters -> {
				ASN1EncodableVector attributes = new ASN1EncodableVector();
				attributes.add(new Attribute(CMSAttributes.contentType, new DERSet(
						(ASN1ObjectIdentifier) parameters.get(CMSAttributeTableGenerator.CONTENT_TYPE))));
				attributes.add(new Attribute(CMSAttributes.messageDigest, new DERSet(
						new DEROctetString((byte[]) parameters.get(CMSAttributeTableGenerator.DIGEST)))));
				attributes.add(signingCertificate);
				return new AttributeTable(attributes);
			};
			CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
			generator.addSignerInfoGenerator(
					new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
						.setSignedAttributeGenerator(signedAttributes)
						.build(signer, certificate));
			generator.addCertificates(new JcaCertStore(this.key.chain()));
			byte[] signature = generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false)
				.getEncoded("DER");
			if (signature.length > this.reservedSize) {
				throw new IOException("The signature takes " + signature.length + " bytes but only "
						+ this.reservedSize + " are reserved; raise servicehall.documents.signature.size");
			}
			return signature;
		}
		catch (GeneralSecurityException | OperatorCreationException | CMSException ex) {
			throw new IOException("Could not sign as " + this.key.agency() + ": " + ex.getMessage(), ex);
		}
	}

	/** ESS signing-certificate-v2: the SHA-256 of the signer's certificate with its issuer and serial number. */
	static Attribute signingCertificateV2(X509Certificate certificate) throws GeneralSecurityException {
		byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
		IssuerSerial issuerSerial = new IssuerSerial(
				new GeneralNames(
						new GeneralName(X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()))),
				certificate.getSerialNumber());
		SigningCertificateV2 value = new SigningCertificateV2(new ESSCertIDv2[] { new ESSCertIDv2(hash, issuerSerial) });
		return new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2, new DERSet(value));
	}

}
