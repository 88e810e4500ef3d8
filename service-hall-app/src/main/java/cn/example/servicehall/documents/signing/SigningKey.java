package cn.example.servicehall.documents.signing;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * One agency's signing key with its certificate chain, the agency's own certificate first and the CA last.
 *
 * @param agency whose key
 * @param privateKey the key (RSA)
 * @param chain the agency's certificate, then its issuers up to and including the CA
 */
public record SigningKey(Agency agency, PrivateKey privateKey, List<X509Certificate> chain) {

	public SigningKey {
		Objects.requireNonNull(agency, "agency");
		Objects.requireNonNull(privateKey, "privateKey");
		chain = List.copyOf(chain);
		if (chain.isEmpty()) {
			throw new IllegalArgumentException("a signing key needs its certificate");
		}
	}

	/** The agency's own certificate. */
	public X509Certificate certificate() {
		return this.chain.get(0);
	}

	@Override
	public String toString() {
		return "SigningKey[" + this.agency + ", " + certificate().getSubjectX500Principal() + "]";
	}

}
