package cn.example.servicehall.documents.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import javax.xml.transform.TransformerException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderStyleDictionary;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.apache.xmpbox.xml.XmpParsingException;
import org.apache.xmpbox.xml.XmpSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes a rendered document for a citizen: the issuing agency's seal and the verification QR code on the page,
 * document information and XMP metadata, then the agency's PAdES signature, last, since any change after it breaks
 * the signature.
 * <p>
 * Two passes: the stamps and metadata are written with a full save, then that file is signed with an incremental
 * save, so the signature's byte range covers the whole result. The signature field's widget lies over the seal with
 * an empty appearance: the seal itself is page content (printed by every viewer and printer, covered by the
 * signature like every other mark on the page), and clicking it in a reader opens the signature's details.
 * <p>
 * Thread-safe: every call works on its own {@link PDDocument}.
 */
public final class DocumentFinisher {

	/** {@code /Producer} and {@code pdf:Producer}. */
	public static final String PRODUCER = "Service Hall";

	private static final Logger log = LoggerFactory.getLogger(DocumentFinisher.class);

	private final AgencyKeys keys;

	private final DocumentSigningSettings settings;

	private final Supplier<SealStamp> seal;

	private final QrStamp qr;

	private final Clock clock;

	public DocumentFinisher(AgencyKeys keys, DocumentSigningSettings settings, SealStamp seal, QrStamp qr,
			Clock clock) {
		this(keys, settings, () -> seal, qr, clock);
		Objects.requireNonNull(seal, "seal");
	}

	/** With the seal made on first use (the Spring wiring: the hall starts without reading the font). */
	DocumentFinisher(AgencyKeys keys, DocumentSigningSettings settings, Supplier<SealStamp> seal, QrStamp qr,
			Clock clock) {
		this.keys = Objects.requireNonNull(keys, "keys");
		this.settings = Objects.requireNonNull(settings, "settings");
		this.seal = Objects.requireNonNull(seal, "seal");
		this.qr = Objects.requireNonNull(qr, "qr");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/**
	 * Stamps, describes and signs {@code unsignedPdf} as {@code agency}, the seal and QR code placed on the last page
	 * as the renderer lays them out ({@link StampPlacement#defaultFor}).
	 * @return the signed PDF
	 */
	public byte[] finish(byte[] unsignedPdf, Agency agency, URI verificationUrl, DocumentMetadata metadata) {
		return finish(unsignedPdf, agency, verificationUrl, metadata, null);
	}

	/**
	 * Stamps, describes and signs {@code unsignedPdf} as {@code agency}, the seal and QR code where
	 * {@code placement} says (null: {@link StampPlacement#defaultFor} the last page).
	 * @return the signed PDF
	 * @throws IllegalArgumentException if the PDF is already signed, encrypted, or the placement names no page of it
	 */
	public byte[] finish(byte[] unsignedPdf, Agency agency, URI verificationUrl, DocumentMetadata metadata,
			StampPlacement placement) {
		Objects.requireNonNull(unsignedPdf, "unsignedPdf");
		Objects.requireNonNull(agency, "agency");
		Objects.requireNonNull(verificationUrl, "verificationUrl");
		Objects.requireNonNull(metadata, "metadata");
		AgencyProfile profile = this.settings.profile(agency);
		SigningKey key = this.keys.signingKey(agency);
		Calendar now = GregorianCalendar.from(ZonedDateTime.now(this.clock));
		try {
			Stamped stamped = stamp(unsignedPdf, profile, verificationUrl.toASCIIString(), metadata, placement, now);
			return sign(stamped, key, profile, now);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not finish document " + metadata.documentNumber() + " of "
					+ metadata.caseNumber() + " as " + agency, ex);
		}
	}

	private record Stamped(byte[] pdf, StampPlacement placement) {
	}

	private Stamped stamp(byte[] pdf, AgencyProfile profile, String url, DocumentMetadata metadata,
			StampPlacement placement, Calendar now) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			if (document.isEncrypted()) {
				throw new IllegalArgumentException("Cannot finish an encrypted PDF");
			}
			if (!document.getSignatureDictionaries().isEmpty()) {
				throw new IllegalArgumentException("The PDF is signed already; finishing it would break that signature");
			}
			int pages = document.getNumberOfPages();
			if (pages == 0) {
				throw new IllegalArgumentException("The PDF has no pages");
			}
			if (placement == null) {
				placement = StampPlacement.defaultFor(document.getPage(pages - 1).getMediaBox(), pages - 1);
			}
			else if (placement.pageIndex() >= pages) {
				throw new IllegalArgumentException(
						"The stamps go on page index " + placement.pageIndex() + " but the PDF has " + pages + " pages");
			}
			PDPage page = document.getPage(placement.pageIndex());
			this.seal.get().stamp(document, page, placement.seal(), profile);
			this.qr.stamp(document, page, placement.qr(), url);
			link(page, placement.qr().toRectangle(), url);
			describe(document, profile, metadata, now);
			ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 64 * 1024);
			document.save(out);
			return new Stamped(out.toByteArray(), placement);
		}
	}

	/** Clicking the QR code in a reader opens the verification page. */
	private static void link(PDPage page, PDRectangle area, String url) throws IOException {
		PDAnnotationLink link = new PDAnnotationLink();
		link.setRectangle(area);
		PDActionURI action = new PDActionURI();
		action.setURI(url);
		link.setAction(action);
		PDBorderStyleDictionary noBorder = new PDBorderStyleDictionary();
		noBorder.setWidth(0);
		link.setBorderStyle(noBorder);
		link.setPrinted(true);
		page.getAnnotations().add(link);
	}

	private static void describe(PDDocument document, AgencyProfile profile, DocumentMetadata metadata, Calendar now)
			throws IOException {
		PDDocumentInformation info = document.getDocumentInformation();
		info.setTitle(metadata.title());
		info.setSubject(metadata.caseNumber());
		info.setKeywords(metadata.documentNumber());
		info.setAuthor(profile.name());
		info.setCreator(PRODUCER);
		info.setProducer(PRODUCER);
		info.setCreationDate(now);
		info.setModificationDate(now);
		document.setDocumentInformation(info);

		PDDocumentCatalog catalog = document.getDocumentCatalog();
		XMPMetadata xmp = existingXmp(catalog.getMetadata());
		DublinCoreSchema dc = xmp.getDublinCoreSchema() != null ? xmp.getDublinCoreSchema()
				: xmp.createAndAddDublinCoreSchema();
		dc.setTitle(metadata.title());
		dc.setDescription(metadata.caseNumber());
		dc.setIdentifier(metadata.documentNumber());
		for (String creator : new ArrayList<>(dc.getCreators() != null ? dc.getCreators() : List.of())) {
			dc.removeCreator(creator);
		}
		dc.addCreator(profile.name());
		AdobePDFSchema pdf = xmp.getAdobePDFSchema() != null ? xmp.getAdobePDFSchema()
				: xmp.createAndAddAdobePDFSchema();
		pdf.setProducer(PRODUCER);
		pdf.setKeywords(metadata.documentNumber());
		XMPBasicSchema basic = xmp.getXMPBasicSchema() != null ? xmp.getXMPBasicSchema()
				: xmp.createAndAddXMPBasicSchema();
		basic.setCreatorTool(PRODUCER);
		basic.setCreateDate(now);
		basic.setModifyDate(now);
		basic.setMetadataDate(now);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			new XmpSerializer().serialize(xmp, out, true);
		}
		catch (TransformerException ex) {
			throw new IOException("Cannot write the XMP metadata", ex);
		}
		PDMetadata stream = new PDMetadata(document);
		stream.importXMPMetadata(out.toByteArray());
		catalog.setMetadata(stream);
	}

	/** The document's XMP (keeping e.g. its PDF/A identification), or a new packet. */
	private static XMPMetadata existingXmp(PDMetadata metadata) {
		if (metadata != null) {
			try (InputStream in = metadata.exportXMPMetadata()) {
				DomXmpParser parser = new DomXmpParser();
				parser.setStrictParsing(false);
				return parser.parse(in);
			}
			catch (IOException | XmpParsingException ex) {
				log.warn("The document's XMP metadata cannot be read ({}); writing new metadata", ex.getMessage());
			}
		}
		return XMPMetadata.createXMPMetadata();
	}

	private byte[] sign(Stamped stamped, SigningKey key, AgencyProfile profile, Calendar now) throws IOException {
		int reserved = CadesSigner.reservedSize(key, this.settings.signature().size());
		try (PDDocument document = Loader.loadPDF(stamped.pdf());
				SignatureOptions options = new SignatureOptions()) {
			PDSignature signature = new PDSignature();
			signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
			signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
			signature.setName(profile.name());
			signature.setLocation(profile.city());
			signature.setReason(this.settings.signature().reason());
			signature.setSignDate(now);
			options.setPreferredSignatureSize(reserved);
			options.setPage(stamped.placement().pageIndex());
			document.addSignature(signature, new CadesSigner(key, reserved), options);
			overSeal(document, signature, stamped.placement().seal().toRectangle());
			ByteArrayOutputStream out = new ByteArrayOutputStream(stamped.pdf().length + 2 * reserved + 4096);
			document.saveIncremental(out);
			return out.toByteArray();
		}
	}

	/** Moves the (empty) signature widget from PDFBox's zero rectangle onto the seal. */
	private static void overSeal(PDDocument document, PDSignature signature, PDRectangle area) throws IOException {
		PDAcroForm form = document.getDocumentCatalog().getAcroForm(null);
		for (PDField field : form.getFieldTree()) {
			if (field instanceof PDSignatureField signatureField && signatureField.getSignature() != null
					&& signatureField.getSignature().getCOSObject() == signature.getCOSObject()) {
				PDAnnotationWidget widget = signatureField.getWidgets().get(0);
				widget.setRectangle(area);
				PDAppearanceStream empty = new PDAppearanceStream(document);
				empty.setBBox(new PDRectangle(area.getWidth(), area.getHeight()));
				PDAppearanceDictionary appearance = new PDAppearanceDictionary();
				appearance.setNormalAppearance(empty);
				widget.setAppearance(appearance);
				widget.setPrinted(true);
				return;
			}
		}
		throw new IllegalStateException("PDFBox did not create the signature field");
	}

}
