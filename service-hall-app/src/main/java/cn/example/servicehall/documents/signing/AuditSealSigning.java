package cn.example.servicehall.documents.signing;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;

import org.springframework.stereotype.Component;

import cn.example.servicehall.audit.SealSigner;

/**
 * Seals the audit trail's days with the fund centre's document key (SHA256withRSA), and checks a seal against the
 * certificates the hall trusts for its documents: the same keys, rotated and trusted the same way.
 */
@Component
class AuditSealSigning implements SealSigner {

	private static final String ALGORITHM = "SHA256withRSA";

	private final AgencyKeys keys;

	AuditSealSigning(AgencyKeys keys) {
		this.keys = keys;
	}

	@Override
	public Signed sign(byte[] text) {
		SigningKey key = this.keys.signingKey(Agency.HPF);
		try {
			Signature signature = Signature.getInstance(ALGORITHM);
			signature.initSign(key.privateKey());
			signature.update(text);
			Base64.Encoder base64 = Base64.getEncoder();
			return new Signed(base64.encodeToString(signature.sign()), base64.encodeToString(key.certificate().getEncoded()));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The audit seal could not be signed with the fund centre's key", ex);
		}
	}

	@Override
	public boolean verify(byte[] text, String signatureBase64, String certificateBase64) {
		try {
			X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
				.generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(certificateBase64)));
			if (!trusted(certificate)) {
				return false;
			}
			Signature signature = Signature.getInstance(ALGORITHM);
			signature.initVerify(certificate.getPublicKey());
			signature.update(text);
			return signature.verify(Base64.getDecoder().decode(signatureBase64));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			return false;
		}
	}

	private boolean trusted(X509Certificate certificate) {
		for (X509Certificate anchor : this.keys.trustAnchors()) {
			try {
				certificate.verify(anchor.getPublicKey());
				return true;
			}
			catch (GeneralSecurityException ex) {
				// not this anchor's
			}
		}
		return false;
	}

}
