package cn.example.servicehall.documents;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.example.servicehall.documents.render.DocumentData;
import cn.example.servicehall.documents.render.DocumentRenderer;
import cn.example.servicehall.documents.render.MissingGlyphException;
import cn.example.servicehall.documents.render.PageArea;
import cn.example.servicehall.documents.render.RenderedDocument;
import cn.example.servicehall.documents.render.DocumentTemplate;
import cn.example.servicehall.documents.signing.Agency;
import cn.example.servicehall.documents.signing.DocumentFinisher;
import cn.example.servicehall.documents.signing.DocumentMetadata;
import cn.example.servicehall.documents.signing.DocumentSigningSettings;
import cn.example.servicehall.documents.signing.SignatureVerifier;
import cn.example.servicehall.documents.signing.StampPlacement;
import cn.example.servicehall.documents.signing.VerificationOutcome;
import cn.example.servicehall.documents.signing.VerificationResult;
import cn.example.servicehall.platform.numbering.RunningNumbers;

/**
 * Issues, keeps and checks the hall's documents. Issuing renders the template, stamps the issuing agency's seal and
 * the verification QR code, signs, and stores the bytes with their SHA-256, once: issuing the same document of the
 * same case again answers with the one already issued. A document that cannot be rendered is a
 * {@link DocumentNotRenderable}, a permanent failure.
 */
@Service
public class Documents {

	private static final Logger log = LoggerFactory.getLogger(Documents.class);

	/** What a broken signature says: the file was changed after signing. */
	private static final java.util.Set<VerificationOutcome> TAMPERED = java.util.EnumSet.of(
			VerificationOutcome.SIGNATURE_DAMAGED, VerificationOutcome.DIGEST_MISMATCH,
			VerificationOutcome.CONTENT_APPENDED);

	private final JdbcClient jdbc;

	private final DocumentRenderer renderer;

	private final DocumentFinisher finisher;

	private final SignatureVerifier verifier;

	private final RunningNumbers numbers;

	private final DocumentSettings settings;

	private final DocumentSigningSettings signing;

	private final Clock clock;

	Documents(JdbcClient jdbc, DocumentRenderer renderer, DocumentFinisher finisher, SignatureVerifier verifier,
			RunningNumbers numbers, DocumentSettings settings, DocumentSigningSettings signing, Clock clock) {
		this.signing = signing;
		this.jdbc = jdbc;
		this.renderer = renderer;
		this.finisher = finisher;
		this.verifier = verifier;
		this.numbers = numbers;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * What to issue.
	 *
	 * @param caseNo the case
	 * @param kind which document
	 * @param occurrence which one of its kind in the case, {@code "1"} for the only one
	 * @param issuer the agency that signs it
	 * @param givenNumber the document's number when the business already gave it one (a contract number), else empty
	 * @param data builds the template's data from the document number and the verification URL
	 */
	public record Request(String caseNo, DocumentTemplate kind, String occurrence, Agency issuer,
			Optional<String> givenNumber, BiFunction<String, URI, DocumentData> data) {
	}

	/**
	 * Issues the document once; a repeat for the same case, kind and occurrence returns the one issued.
	 * @throws DocumentNotRenderable if the document cannot be rendered from its template and data (a permanent
	 * failure: issuing again fails the same way)
	 */
	@Transactional
	public IssuedDocument issue(Request request) {
		Optional<IssuedDocument> existing = this.jdbc.sql("select " + COLUMNS
				+ " from documents_document where case_no = :caseNo and kind = :kind and occurrence = :occurrence")
			.param("caseNo", request.caseNo())
			.param("kind", request.kind().name())
			.param("occurrence", request.occurrence())
			.query(Documents::issued)
			.optional();
		if (existing.isPresent()) {
			return existing.get();
		}
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		String documentNo = request.givenNumber()
			.orElseGet(() -> this.numbers.next(prefix(request.kind()), Integer.toString(now.getYear()), 6));
		URI verificationUrl = verificationUrl(documentNo);
		DocumentData data = request.data().apply(documentNo, verificationUrl);
		RenderedDocument rendered = render(request.kind(), data);
		byte[] signed = this.finisher.finish(rendered.pdf(), request.issuer(), verificationUrl,
				new DocumentMetadata(documentNo, request.caseNo(), request.kind().title()), placement(rendered));
		String sha256 = sha256(signed);
		this.jdbc.sql("""
				insert into documents_document (document_no, case_no, kind, occurrence, issuer, title, sha256, size_bytes,
				                                content, issued_at)
				values (:no, :caseNo, :kind, :occurrence, :issuer, :title, :sha, :size, :content, :at)""")
			.param("no", documentNo)
			.param("caseNo", request.caseNo())
			.param("kind", request.kind().name())
			.param("occurrence", request.occurrence())
			.param("issuer", request.issuer().name())
			.param("title", request.kind().title())
			.param("sha", sha256)
			.param("size", signed.length)
			.param("content", signed)
			.param("at", now)
			.update();
		log.info("Issued {} {} ({} pages, {} bytes, signed by {})", request.kind(), documentNo, rendered.pageCount(),
				signed.length, request.issuer());
		return new IssuedDocument(documentNo, request.caseNo(), request.kind(), request.occurrence(), request.issuer(),
				request.kind().title(), sha256, signed.length, now);
	}

	/**
	 * The document laid out; any failure of the renderer is a {@link DocumentNotRenderable}: rendering is
	 * deterministic, so issuing again would fail the same way.
	 */
	private RenderedDocument render(DocumentTemplate kind, DocumentData data) {
		try {
			return this.renderer.render(kind, data);
		}
		catch (MissingGlyphException ex) {
			throw DocumentNotRenderable.unprintable(kind, ex);
		}
		catch (RuntimeException ex) {
			throw DocumentNotRenderable.failed(kind, ex);
		}
	}

	/** The issuing agency's name, as its seal and certificate print it. */
	public String issuerName(Agency agency) {
		return this.signing.profile(agency).name();
	}

	public URI verificationUrl(String documentNo) {
		return URI.create(this.settings.publicBaseUrl().toString().replaceAll("/+$", "") + "/verify/" + documentNo);
	}

	/** The documents of a case, oldest first. */
	public List<IssuedDocument> ofCase(String caseNo) {
		return this.jdbc
			.sql("select " + COLUMNS + " from documents_document where case_no = ? order by issued_at, document_no")
			.param(caseNo)
			.query(Documents::issued)
			.list();
	}

	public Optional<IssuedDocument> find(String documentNo) {
		return this.jdbc.sql("select " + COLUMNS + " from documents_document where document_no = ?")
			.param(documentNo)
			.query(Documents::issued)
			.optional();
	}

	/** The document's bytes for a download, recorded in the audit (who, when, through which channel). */
	@Transactional
	public byte[] download(String documentNo, String downloadedBy, String channel) {
		byte[] content = this.jdbc.sql("select content from documents_document where document_no = ?")
			.param(documentNo)
			.query((rs, row) -> rs.getBytes(1))
			.single();
		this.jdbc.sql("""
				insert into documents_download (document_no, downloaded_by, downloaded_at, channel)
				values (?, ?, ?, ?)""")
			.params(documentNo, downloadedBy, OffsetDateTime.now(this.clock), channel)
			.update();
		return content;
	}

	/**
	 * What the public verification page says of a presented file.
	 *
	 * @param outcome GENUINE (ours, unaltered, validly signed), ALTERED (a signature broken by a change after signing),
	 * UNKNOWN (unsigned, signed by someone else, or validly signed but not on file), NOT_A_PDF
	 * @param document the matching document when genuine (what it prints: no more)
	 * @param signature the signature check
	 */
	public record Verification(Outcome outcome, Optional<IssuedDocument> document, VerificationResult signature) {

		/** The verdict. */
		public enum Outcome {

			GENUINE, ALTERED, UNKNOWN, NOT_A_PDF

		}

	}

	/**
	 * Checks a presented file: is it a document the hall issued, unaltered, with a valid signature?
	 *
	 * @param client a keyed hash of the client's address, for the rate limit; null for a check from inside the hall
	 */
	@Transactional
	public Verification verify(byte[] presented, String client) {
		String sha256 = sha256(presented);
		VerificationResult signature = this.verifier.verify(presented);
		Optional<IssuedDocument> onFile = this.jdbc.sql("select " + COLUMNS + " from documents_document where sha256 = ?")
			.param(sha256)
			.query(Documents::issued)
			.optional();
		Verification.Outcome outcome;
		if (onFile.isPresent() && signature.valid()) {
			outcome = Verification.Outcome.GENUINE;
		}
		else if (signature.outcome() == VerificationOutcome.NOT_PDF) {
			outcome = Verification.Outcome.NOT_A_PDF;
		}
		else if (signature.signed() && TAMPERED.contains(signature.outcome())) {
			outcome = Verification.Outcome.ALTERED;
		}
		else {
			outcome = Verification.Outcome.UNKNOWN;
		}
		this.jdbc.sql("""
				insert into documents_verification (checked_at, kind, client_hash, sha256, document_no, outcome)
				values (?, 'CHECK', ?, ?, ?, ?)""")
			.params(OffsetDateTime.now(this.clock), client, sha256, onFile.map(IssuedDocument::documentNo).orElse(null),
					outcome.name())
			.update();
		return new Verification(outcome, outcome == Verification.Outcome.GENUINE ? onFile : Optional.empty(), signature);
	}

	/**
	 * What the public page says of a document number (from the QR code): the document as it prints it, without its
	 * bytes; recorded for the rate limit.
	 */
	@Transactional
	public Optional<IssuedDocument> lookUp(String documentNo, String client) {
		Optional<IssuedDocument> found = find(documentNo);
		this.jdbc.sql("""
				insert into documents_verification (checked_at, kind, client_hash, document_no, outcome)
				values (?, 'LOOKUP', ?, ?, ?)""")
			.params(OffsetDateTime.now(this.clock), client, found.map(IssuedDocument::documentNo).orElse(null),
					found.isPresent() ? "FOUND" : "NOT_FOUND")
			.update();
		return found;
	}

	/**
	 * A presentation the public page refused before checking anything (no file, not a PDF, too large, an unreadable
	 * upload): recorded so that the rate limit counts it like a check.
	 * @param reason the refusal's type, e.g. {@code no-file}
	 */
	@Transactional
	public void recordRefusal(String client, String reason) {
		this.jdbc.sql("""
				insert into documents_verification (checked_at, kind, client_hash, outcome)
				values (?, 'REFUSED', ?, ?)""")
			.params(OffsetDateTime.now(this.clock), client, reason)
			.update();
	}

	/** How many lookups, checks and refusals {@code client} had in the last minute, on every node. */
	public int recentVerifications(String client) {
		return this.jdbc.sql("""
				select count(*) from documents_verification where client_hash = ? and checked_at > ?""")
			.params(client, OffsetDateTime.now(this.clock).minusMinutes(1))
			.query(Integer.class)
			.single();
	}

	/** The limit of lookups and checks per client and minute at the public page. */
	public int verificationsPerMinute() {
		return this.settings.verificationsPerMinute();
	}

	private static StampPlacement placement(RenderedDocument rendered) {
		if (rendered.sealArea().isEmpty() || rendered.qrArea().isEmpty()) {
			return null;
		}
		PageArea seal = rendered.sealArea().get();
		PageArea qr = rendered.qrArea().get();
		return new StampPlacement(seal.pageIndex(), new StampPlacement.Area(seal.x(), seal.y(), seal.width(), seal.height()),
				new StampPlacement.Area(qr.x(), qr.y(), qr.width(), qr.height()));
	}

	static String prefix(DocumentTemplate kind) {
		return kind.numberPrefix();
	}

	/** The SHA-256 of {@code bytes}, hex. */
	public static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** What {@link #issued} reads: every column but the content, which only a download needs. */
	private static final String COLUMNS = "document_no, case_no, kind, occurrence, issuer, title, sha256, size_bytes, issued_at";

	private static IssuedDocument issued(ResultSet rs, int row) throws SQLException {
		return new IssuedDocument(rs.getString("document_no"), rs.getString("case_no"),
				DocumentTemplate.named(rs.getString("kind"), rs.getString("title")), rs.getString("occurrence"),
				Agency.valueOf(rs.getString("issuer")),
				rs.getString("title"), rs.getString("sha256"), rs.getInt("size_bytes"),
				rs.getObject("issued_at", OffsetDateTime.class));
	}

}
