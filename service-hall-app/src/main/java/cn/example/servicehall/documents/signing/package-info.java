/**
 * Finishing and verifying the hall's documents: each agency's seal and a verification QR code stamped on the page,
 * metadata, and a PAdES baseline B-B signature (ETSI.CAdES.detached, SHA-256, RSA) by the issuing agency.
 *
 * <h2>Use</h2>
 * <ul>
 * <li>{@link cn.example.servicehall.documents.signing.DocumentFinisher#finish}: rendered PDF bytes, the
 * {@link cn.example.servicehall.documents.signing.Agency}, the verification URL and
 * {@link cn.example.servicehall.documents.signing.DocumentMetadata} in, signed PDF bytes out. Nothing may change the
 * bytes afterwards.</li>
 * <li>{@link cn.example.servicehall.documents.signing.SignatureVerifier#verify}: presented bytes in, a
 * {@link cn.example.servicehall.documents.signing.VerificationResult} out (reason code, Chinese message, agency,
 * signing time; document number and title only when valid).</li>
 * </ul>
 *
 * <h2>Keys</h2>
 * <p>
 * Development ({@code servicehall.documents.keys.mode=development}, the default): on the first document the hall
 * creates, under {@code servicehall.documents.keys.directory} (default {@code ./data/keys}, mode 700):
 * <ul>
 * <li>{@code dev-keystore.p12} (mode 600): PKCS12 with the "Service Hall Development CA" (alias {@code dev-ca}, RSA
 * 3072, ten years) and each agency's key and chain (aliases {@code hpf}, {@code bank}, {@code registry},
 * {@code guarantor}; RSA 2048, three years, subject C=CN, L=city, O=CN=the agency's name, OU=its role);</li>
 * <li>{@code dev-keystore.password} (mode 600): the keystore's random password;</li>
 * <li>{@code dev-ca.pem}: the CA certificate, to trust in pdfsig or a PDF reader.</li>
 * </ul>
 * Later starts reuse them; an agency certificate is issued again when missing, within 30 days of expiry or no longer
 * carrying the agency's configured name. Delete the directory for new keys (documents signed before then stop
 * verifying). Never use development keys in production.
 * <p>
 * Production ({@code servicehall.documents.keys.mode=keystore}): a PKCS12 keystore
 * ({@code servicehall.documents.keys.keystore}, {@code .password}, optional {@code .key-password},
 * {@code .aliases.<agency>}), read at start-up; nothing is generated. Signatures are accepted when the signer chains
 * to the keystore chains' self-signed roots or to {@code servicehall.documents.keys.trust-anchors}, and names one of
 * the agencies.
 *
 * <h2>Checking a document from the shell</h2>
 * <pre>
 * certutil -N -d sql:nssdb --empty-password
 * certutil -A -d sql:nssdb -n "Service Hall Development CA" -t "CT,C,C" -i data/keys/dev-ca.pem
 * pdfsig -nssdir sql:nssdb contract.pdf
 * </pre>
 * pdfsig exits 0 even for a broken signature: read its output for {@code Signature is Valid.},
 * {@code Certificate is Trusted.} and {@code Total document signed}.
 */
@org.springframework.modulith.NamedInterface("signing")
package cn.example.servicehall.documents.signing;
