package cn.example.servicehall.documents.signing;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerIdentifier;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Store;

/**
 * Says whether a presented PDF is a genuine, unaltered document of the hall: signed; the signature's byte range
 * reaching the end of the file (nothing appended after signing) with nothing but the signature in its gap; the CMS
 * signature verifying over the byte range (message digest and signature value, signing-certificate-v2 naming the
 * signer); the signer's certificate chaining to the hall's CA ({@link AgencyKeys#trustAnchors()}) at the signing time
 * claimed in {@code /M} and belonging to one of the hall's agencies ({@link AgencyKeys#agencyOf}: one of their current
 * certificates, or one naming an agency as the settings do, so a CA that also certifies others is safe to trust).
 * A byte changed anywhere in the file makes it invalid: in the signed ranges (digest), in the zero padding of the
 * signature's {@code /Contents} or in the parts of the CMS no signature covers (embedded certificates, identifiers,
 * algorithm parameters, versions), which are checked to be exactly as written.
 * <p>
 * Stateless apart from the keys; thread-safe. Certificates are not checked for revocation.
 */
public final class SignatureVerifier {

	private final AgencyKeys keys;

	private final Clock clock;

	public SignatureVerifier(AgencyKeys keys, Clock clock) {
		this.keys = keys;
		this.clock = clock;
	}

	/** Verifies the presented file. Never throws for bad input: every problem is an outcome. */
	public VerificationResult verify(byte[] pdf) {
		if (pdf == null || pdf.length < 8 || indexOf(pdf, "%PDF-".getBytes(), 1024) < 0) {
			return VerificationResult.failed(VerificationOutcome.NOT_PDF, false, "no %PDF- header");
		}
		try (PDDocument document = Loader.loadPDF(pdf)) {
			List<PDSignature> signatures = document.getSignatureDictionaries();
			if (signatures.isEmpty()) {
				return VerificationResult.failed(VerificationOutcome.NOT_SIGNED, false, "no signature dictionary");
			}
			PDSignature latest = signatures.stream()
				.max((a, b) -> Long.compare(rangeEnd(a.getByteRange()), rangeEnd(b.getByteRange())))
				.orElseThrow();
			return verify(pdf, document, latest);
		}
		catch (InvalidPasswordException ex) {
			return VerificationResult.failed(VerificationOutcome.UNSUPPORTED, false, "encrypted: " + ex.getMessage());
		}
		catch (IOException | RuntimeException ex) {
			return VerificationResult.failed(VerificationOutcome.NOT_PDF, false, "unreadable: " + ex);
		}
	}

	private VerificationResult verify(byte[] pdf, PDDocument document, PDSignature signature) {
		String subFilter = signature.getSubFilter();
		if (!PDSignature.SUBFILTER_ETSI_CADES_DETACHED.getName().equals(subFilter)
				&& !PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED.getName().equals(subFilter)) {
			return VerificationResult.failed(VerificationOutcome.UNSUPPORTED, true, "sub-filter " + subFilter);
		}
		int[] range = signature.getByteRange();
		if (range == null || range.length != 4 || range[0] != 0 || range[1] <= 0 || range[2] <= range[1] + 1
				|| range[3] < 0 || (long) range[2] + range[3] > pdf.length) {
			return VerificationResult.failed(VerificationOutcome.SIGNATURE_DAMAGED, true,
					"byte range " + Arrays.toString(range) + " does not fit a file of " + pdf.length + " bytes");
		}
		byte[] contents = hexGap(pdf, range[1], range[2]);
		if (contents == null) {
			return VerificationResult.failed(VerificationOutcome.SIGNATURE_DAMAGED, true,
					"the byte range's gap is not exactly one hex string");
		}
		int length = derLength(contents);
		if (length < 0 || length > contents.length) {
			return VerificationResult.failed(VerificationOutcome.SIGNATURE_DAMAGED, true, "no DER SignedData");
		}
		for (int i = length; i < contents.length; i++) {
			if (contents[i] != 0) {
				return VerificationResult.failed(VerificationOutcome.SIGNATURE_DAMAGED, true,
						"non-zero byte after the SignedData in /Contents, at " + i);
			}
		}
		byte[] signedContent = new byte[range[1] + range[3]];
		System.arraycopy(pdf, 0, signedContent, 0, range[1]);
		System.arraycopy(pdf, range[2], signedContent, range[1], range[3]);

		X509Certificate signer;
		List<X509Certificate> certificates;
		try {
			byte[] der = Arrays.copyOf(contents, length);
			CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signedContent), der);
			Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
			if (signers.size() != 1) {
				return VerificationResult.failed(VerificationOutcome.SIGNATURE_DAMAGED, true,
						signers.size() + " signers in the CMS");
			}
			SignerInformation signerInfo = signers.iterator().next();
			String malformed = malformed(cms, der, signerInfo);
			if (malformed != null) {
				return VerificationResult.failed(VerificationOutcome.SIGNATURE_DAMAGED, true, malformed);
			}
			certificates = certificates(cms.getCertificates());
			signer = signerCertificate(cms.getCertificates(), signerInfo);
			if (signer == null) {
				return VerificationResult.failed(VerificationOutcome.SIGNATURE_DAMAGED, true,
						"the CMS lacks the signer's certificate");
			}
			String misnamed = identifiers(signerInfo, signer);
			if (misnamed != null) {
				return VerificationResult.failed(VerificationOutcome.SIGNATURE_DAMAGED, true, misnamed);
			}
			boolean verified;
			try {
				verified = signerInfo.verify(new JcaSimpleSignerInfoVerifierBuilder().build(signer));
			}
			catch (CMSSignerDigestMismatchException ex) {
				return new VerificationResult(VerificationOutcome.DIGEST_MISMATCH, true, coversAll(range, pdf), false,
						false, null, Certificates.holder(signer), signedAt(signature), null, null,
						"message digest mismatch");
			}
			if (!verified || !namesSigner(signerInfo, signer)) {
				return VerificationResult.failed(VerificationOutcome.SIGNATURE_DAMAGED, true,
						verified ? "signing-certificate-v2 names another certificate" : "signature value invalid");
			}
		}
		catch (CMSException | OperatorCreationException | GeneralSecurityException | IOException
				| RuntimeException ex) {
			return VerificationResult.failed(VerificationOutcome.SIGNATURE_DAMAGED, true, "CMS: " + ex);
		}

		Instant signedAt = signedAt(signature);
		String signerName = Certificates.holder(signer);
		if (!coversAll(range, pdf)) {
			return new VerificationResult(VerificationOutcome.CONTENT_APPENDED, true, false, true, false, null,
					signerName, signedAt, null, null,
					(pdf.length - rangeEnd(range)) + " bytes after the signed range");
		}
		Chain chain = chain(signer, certificates, signedAt);
		if (chain.problem() != null) {
			return new VerificationResult(VerificationOutcome.UNTRUSTED_SIGNER, true, true, true, false, null,
					signerName, signedAt, null, null, chain.problem());
		}
		for (X509Certificate certificate : certificates) {
			if (!chain.certificates().contains(certificate)) {
				return VerificationResult.failed(VerificationOutcome.SIGNATURE_DAMAGED, true,
						"the signature carries a certificate outside its chain (altered?): "
								+ certificate.getSubjectX500Principal());
			}
		}
		Agency agency = this.keys.agencyOf(signer).orElse(null);
		if (agency == null) {
			return new VerificationResult(VerificationOutcome.UNTRUSTED_SIGNER, true, true, true, false, null,
					signerName, signedAt, null, null,
					"chains to a trusted CA but names none of the hall's agencies: " + signer.getSubjectX500Principal());
		}
		PDDocumentInformation info = document.getDocumentInformation();
		return new VerificationResult(VerificationOutcome.VALID, true, true, true, true, agency, signerName, signedAt,
				info.getKeywords(), info.getTitle(), "signed by " + signer.getSubjectX500Principal());
	}

	/**
	 * Null if the parts of the CMS no signature covers are as a signer writes them, else what is wrong: DER
	 * throughout, SignedData of the version RFC 5652 prescribes, one digest algorithm (the signer's), no embedded
	 * content.
	 */
	private static String malformed(CMSSignedData cms, byte[] der, SignerInformation signer) throws IOException {
		if (!Arrays.equals(cms.toASN1Structure().getEncoded(ASN1Encoding.DER), der)) {
			return "the SignedData is not DER";
		}
		ContentInfo contentInfo = cms.toASN1Structure();
		if (!CMSObjectIdentifiers.signedData.equals(contentInfo.getContentType())) {
			return "the ContentInfo is not SignedData";
		}
		SignedData signedData = SignedData.getInstance(contentInfo.getContent());
		boolean bySubjectKey = signer.getSID().getSubjectKeyIdentifier() != null;
		if (signer.getVersion() != (bySubjectKey ? 3 : 1)) {
			return "the SignerInfo's version does not fit its signer identifier";
		}
		boolean data = CMSObjectIdentifiers.data.equals(signedData.getEncapContentInfo().getContentType());
		if (signedData.getVersion().intValueExact() != (bySubjectKey || !data ? 3 : 1)) {
			return "the SignedData's version is not what RFC 5652 says for its contents";
		}
		if (!cms.getDigestAlgorithmIDs().equals(Set.of(signer.getDigestAlgorithmID()))) {
			return "the SignedData's digest algorithms differ from its signer's";
		}
		if (signedData.getEncapContentInfo().getContent() != null) {
			return "the SignedData embeds content; a PDF signature is detached";
		}
		return null;
	}

	/**
	 * Null if the SignerInfo's unsigned fields are exactly as written for this signer, else what differs: the issuer
	 * and serial number as encoded in the certificate (name matching alone ignores string types), algorithm
	 * parameters NULL or absent.
	 */
	private static String identifiers(SignerInformation signerInfo, X509Certificate signer) throws IOException {
		SignerIdentifier sid = signerInfo.toASN1Structure().getSID();
		if (!sid.isTagged()) {
			IssuerAndSerialNumber issuerAndSerial = IssuerAndSerialNumber.getInstance(sid.getId());
			if (!Arrays.equals(issuerAndSerial.getName().getEncoded(ASN1Encoding.DER),
					signer.getIssuerX500Principal().getEncoded())
					|| !issuerAndSerial.getSerialNumber().hasValue(signer.getSerialNumber())) {
				return "the signer identifier does not name the signer's certificate exactly";
			}
		}
		if (!nullOrAbsent(signerInfo.getDigestAlgParams())) {
			return "unexpected digest algorithm parameters";
		}
		boolean pss = PKCSObjectIdentifiers.id_RSASSA_PSS.getId().equals(signerInfo.getEncryptionAlgOID());
		if (!pss && !nullOrAbsent(signerInfo.getEncryptionAlgParams())) {
			return "unexpected signature algorithm parameters";
		}
		return null;
	}

	private static boolean nullOrAbsent(byte[] parameters) {
		return parameters == null || Arrays.equals(parameters, new byte[] { 0x05, 0x00 });
	}

	/** The certificates a trusted chain consists of (signer, intermediates, anchor), or why there is none. */
	private record Chain(Set<X509Certificate> certificates, String problem) {
	}

	private Chain chain(X509Certificate signer, List<X509Certificate> certificates, Instant signedAt) {
		boolean[] usage = signer.getKeyUsage();
		if (usage != null && !(usage[0] || usage[1])) {
			return new Chain(Set.of(), "the signer's key usage allows neither digitalSignature nor nonRepudiation");
		}
		try {
			Set<TrustAnchor> anchors = new HashSet<>();
			for (X509Certificate anchor : this.keys.trustAnchors()) {
				anchors.add(new TrustAnchor(anchor, null));
			}
			X509CertSelector target = new X509CertSelector();
			target.setCertificate(signer);
			PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
			parameters.setRevocationEnabled(false);
			parameters.addCertStore(
					CertStore.getInstance("Collection", new CollectionCertStoreParameters(certificates)));
			parameters.setDate(Date.from(signedAt != null ? signedAt : this.clock.instant()));
			PKIXCertPathBuilderResult result = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX")
				.build(parameters);
			Set<X509Certificate> chain = new HashSet<>();
			for (var certificate : result.getCertPath().getCertificates()) {
				chain.add((X509Certificate) certificate);
			}
			chain.add(result.getTrustAnchor().getTrustedCert());
			return new Chain(chain, null);
		}
		catch (GeneralSecurityException ex) {
			return new Chain(Set.of(), "no trusted chain: " + ex.getMessage());
		}
	}

	/** If the signed attributes carry signing-certificate-v2, it must name the signer's certificate. */
	private static boolean namesSigner(SignerInformation signerInfo, X509Certificate signer)
			throws GeneralSecurityException {
		if (signerInfo.getSignedAttributes() == null) {
			return true;
		}
		Attribute attribute = signerInfo.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
		if (attribute == null) {
			return true;
		}
		ESSCertIDv2[] ids = SigningCertificateV2.getInstance(attribute.getAttrValues().getObjectAt(0)).getCerts();
		if (ids.length == 0) {
			return false;
		}
		String algorithm = ids[0].getHashAlgorithm().getAlgorithm().getId();
		MessageDigest digest = MessageDigest.getInstance(algorithm);
		return MessageDigest.isEqual(ids[0].getCertHash(), digest.digest(signer.getEncoded()));
	}

	private static X509Certificate signerCertificate(Store<X509CertificateHolder> store, SignerInformation signer)
			throws GeneralSecurityException {
		@SuppressWarnings("unchecked")
		Collection<X509CertificateHolder> matches = store.getMatches(signer.getSID());
		if (matches.isEmpty()) {
			return null;
		}
		return new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
	}

	private static List<X509Certificate> certificates(Store<X509CertificateHolder> store)
			throws GeneralSecurityException {
		List<X509Certificate> result = new ArrayList<>();
		JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
		for (X509CertificateHolder holder : store.getMatches(null)) {
			result.add(converter.getCertificate(holder));
		}
		return result;
	}

	private static Instant signedAt(PDSignature signature) {
		try {
			return signature.getSignDate() != null ? signature.getSignDate().toInstant() : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static boolean coversAll(int[] range, byte[] pdf) {
		return rangeEnd(range) == pdf.length;
	}

	private static long rangeEnd(int[] range) {
		return range != null && range.length == 4 ? (long) range[2] + range[3] : -1;
	}

	/** The bytes of the hex string that must fill the gap exactly: {@code <...>}, hex digits of one case only. */
	private static byte[] hexGap(byte[] pdf, int start, int end) {
		if (pdf[start] != '<' || pdf[end - 1] != '>' || (end - start - 2) % 2 != 0) {
			return null;
		}
		boolean upper = false;
		boolean lower = false;
		for (int i = start + 1; i < end - 1; i++) {
			upper |= pdf[i] >= 'A' && pdf[i] <= 'F';
			lower |= pdf[i] >= 'a' && pdf[i] <= 'f';
		}
		if (upper && lower) {
			return null; // one digit's case changed: the same signature, yet not the bytes that were written
		}
		byte[] bytes = new byte[(end - start - 2) / 2];
		for (int i = 0; i < bytes.length; i++) {
			int high = Character.digit(pdf[start + 1 + 2 * i], 16);
			int low = Character.digit(pdf[start + 2 + 2 * i], 16);
			if (high < 0 || low < 0) {
				return null;
			}
			bytes[i] = (byte) (high << 4 | low);
		}
		return bytes;
	}

	/** The length of the DER SEQUENCE at the start, header included; -1 if there is none. */
	static int derLength(byte[] der) {
		if (der.length < 2 || der[0] != 0x30) {
			return -1;
		}
		int first = der[1] & 0xff;
		if (first == 0x80) {
			return der.length; // BER, indefinite length (not ours): the padding cannot be told apart
		}
		if (first < 0x80) {
			return 2 + first;
		}
		int octets = first & 0x7f;
		if (octets == 0 || octets > 3 || der.length < 2 + octets) {
			return -1;
		}
		int length = 0;
		for (int i = 0; i < octets; i++) {
			length = length << 8 | (der[2 + i] & 0xff);
		}
		return 2 + octets + length;
	}

	private static int indexOf(byte[] data, byte[] pattern, int limit) {
		int last = Math.min(data.length - pattern.length, limit);
		outer: for (int i = 0; i <= last; i++) {
			for (int j = 0; j < pattern.length; j++) {
				if (data[i + j] != pattern[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
