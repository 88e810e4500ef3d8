package cn.example.servicehall.documents.signing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Calendar;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.xml.DomXmpParser;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.example.servicehall.support.PdfTools;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentFinisherTest {

	static final String VALID = "  - Signature Validation: Signature is Valid.";

	static final String TOTAL = "  - Total document signed";

	static final String TRUSTED = "  - Certificate Validation: Certificate is Trusted.";

	@TempDir
	static Path work;

	AgencyKeys keys;

	DocumentFinisher finisher;

	Path nssDb;

	final Map<Agency, Path> finished = new EnumMap<>(Agency.class);

	@BeforeAll
	void finishOneDocumentPerAgency() throws Exception {
		Path keyDirectory = SigningFixtures.sharedKeyDirectory();
		this.keys = SigningFixtures.keys(keyDirectory);
		this.finisher = SigningFixtures.finisher(this.keys, keyDirectory);
		byte[] unsigned = SigningFixtures.samplePdf(2);
		for (Agency agency : Agency.values()) {
			DocumentMetadata metadata = SigningFixtures.metadata(agency);
			byte[] signed = this.finisher.finish(unsigned, agency,
					SigningFixtures.verificationUrl(metadata.documentNumber()), metadata);
			Path file = work.resolve(agency.defaultAlias() + ".pdf");
			Files.write(file, signed);
			this.finished.put(agency, file);
		}
		Path db = Files.createDirectory(work.resolve("nssdb"));
		this.nssDb = SigningFixtures.nssDatabase(db, this.keys.developmentCaCertificate().orElseThrow());
	}

	@ParameterizedTest
	@EnumSource(Agency.class)
	@DisplayName("pdfsig：签名有效且覆盖整个文件")
	void producesASignatureThatPdfsigFindsValidOverTheWholeDocument(Agency agency) {
		PdfTools.ToolResult result = SigningFixtures.pdfsig(this.finished.get(agency));

		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output().lines()).as(result.output())
			.contains(VALID, TOTAL, "  - Signature Type: ETSI.CAdES.detached");
		assertThat(result.output()).contains("Signer Certificate Common Name: " + this.profile(agency).name());
	}

	@ParameterizedTest
	@EnumSource(Agency.class)
	@DisplayName("pdfsig + NSS 数据库（开发CA）：证书受信任")
	void producesASignatureWhoseCertificatePdfsigTrustsWithTheDevelopmentCa(Agency agency) {
		PdfTools.ToolResult result = SigningFixtures.pdfsig(this.finished.get(agency), "-nssdir",
				"sql:" + this.nssDb);

		assertThat(result.output().lines()).as(result.output()).contains(VALID, TRUSTED, TOTAL);
	}

	@Test
	void isNotTrustedByPdfsigWithoutTheCa() {
		PdfTools.ToolResult result = SigningFixtures.pdfsig(this.finished.get(Agency.HPF));

		assertThat(result.output().lines()).as(result.output())
			.contains(VALID, "  - Certificate Validation: Certificate issuer isn't Trusted.")
			.doesNotContain(TRUSTED);
	}

	@ParameterizedTest
	@EnumSource(Agency.class)
	@DisplayName("印章文字可提取：机构名称与用途")
	void stampsTheSealWithTheAgencysNameInRedInk(Agency agency) throws Exception {
		String text = SigningFixtures.pdftotext(this.finished.get(agency));
		AgencyProfile profile = this.profile(agency);

		assertThat(text).contains(profile.name()).contains(profile.sealText()).contains("住房公积金个人住房贷款借款合同");
		try (PDDocument document = Loader.loadPDF(this.finished.get(agency).toFile())) {
			String lastPage = content(document.getPage(document.getNumberOfPages() - 1));
			assertThat(lastPage).contains("0.8 0.1 0.1 rg").contains("0.8 0.1 0.1 RG").contains("/ActualText");
			assertThat(content(document.getPage(0))).doesNotContain("0.8 0.1 0.1 rg");
		}
	}

	@ParameterizedTest
	@EnumSource(Agency.class)
	@DisplayName("二维码可扫描，指向验证地址")
	void drawsAQrCodeThatDecodesToTheVerificationUrl(Agency agency) throws Exception {
		try (PDDocument document = Loader.loadPDF(this.finished.get(agency).toFile())) {
			PDPage page = document.getPage(document.getNumberOfPages() - 1);
			BufferedImage image = new PDFRenderer(document).renderImageWithDPI(document.getNumberOfPages() - 1, 300);

			Result decoded = decodeQr(image, page, StampPlacement.defaultFor(page.getMediaBox(), 0).qr());

			String expected = SigningFixtures.verificationUrl(SigningFixtures.metadata(agency).documentNumber())
				.toString();
			assertThat(decoded.getText()).isEqualTo(expected);
			PDAnnotationLink link = document.getPage(document.getNumberOfPages() - 1)
				.getAnnotations()
				.stream()
				.filter(PDAnnotationLink.class::isInstance)
				.map(PDAnnotationLink.class::cast)
				.findFirst()
				.orElseThrow();
			assertThat(((org.apache.pdfbox.pdmodel.interactive.action.PDActionURI) link.getAction()).getURI())
				.isEqualTo(expected);
		}
	}

	@Test
	@DisplayName("文档信息与XMP元数据：标题、办件编号、文件编号、生成者")
	void describesTheDocumentInItsInformationAndXmp() throws Exception {
		DocumentMetadata metadata = SigningFixtures.metadata(Agency.HPF);
		try (PDDocument document = Loader.loadPDF(this.finished.get(Agency.HPF).toFile())) {
			PDDocumentInformation info = document.getDocumentInformation();
			assertThat(info.getTitle()).isEqualTo(metadata.title());
			assertThat(info.getSubject()).isEqualTo("DK2026112300001");
			assertThat(info.getKeywords()).isEqualTo(metadata.documentNumber());
			assertThat(info.getProducer()).isEqualTo("Service Hall");
			assertThat(info.getAuthor()).isEqualTo("焦作市住房公积金管理中心");
			assertThat(info.getCreationDate().toInstant()).isBetween(SigningFixtures.now().minusSeconds(600),
					SigningFixtures.now());

			XMPMetadata xmp = new DomXmpParser().parse(document.getDocumentCatalog().getMetadata().toByteArray());
			assertThat(xmp.getDublinCoreSchema().getTitle()).isEqualTo(metadata.title());
			assertThat(xmp.getDublinCoreSchema().getDescription()).isEqualTo("DK2026112300001");
			assertThat(xmp.getDublinCoreSchema().getIdentifier()).isEqualTo(metadata.documentNumber());
			assertThat(xmp.getDublinCoreSchema().getCreators()).containsExactly("焦作市住房公积金管理中心");
			assertThat(xmp.getAdobePDFSchema().getProducer()).isEqualTo("Service Hall");
			assertThat(xmp.getAdobePDFSchema().getKeywords()).isEqualTo(metadata.documentNumber());
			assertThat(xmp.getXMPBasicSchema().getCreateDate().toInstant())
				.isEqualTo(info.getCreationDate().toInstant());
		}
	}

	@Test
	@DisplayName("PAdES B-B：ETSI.CAdES.detached、签名属性、无签名时间属性、完整证书链、签名域覆盖印章")
	void signsPadesBaselineB() throws Exception {
		byte[] pdf = Files.readAllBytes(this.finished.get(Agency.GUARANTOR));
		try (PDDocument document = Loader.loadPDF(pdf)) {
			List<PDSignature> signatures = document.getSignatureDictionaries();
			assertThat(signatures).hasSize(1);
			PDSignature signature = signatures.get(0);
			assertThat(signature.getFilter()).isEqualTo("Adobe.PPKLite");
			assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
			assertThat(signature.getReason()).isEqualTo("电子证照签章");
			assertThat(signature.getLocation()).isEqualTo("焦作市");
			assertThat(signature.getName()).isEqualTo("焦作市住房置业担保有限公司");
			assertThat(signature.getSignDate()).isNotNull();
			assertThat(signature.getSignDate().get(Calendar.ZONE_OFFSET)).isEqualTo(8 * 3600 * 1000);
			int[] range = signature.getByteRange();
			assertThat((long) range[2] + range[3]).isEqualTo(pdf.length);

			byte[] contents = signature.getContents(pdf);
			CMSSignedData cms = new CMSSignedData(
					java.util.Arrays.copyOf(contents, SignatureVerifier.derLength(contents)));
			assertThat(cms.isDetachedSignature()).isTrue();
			assertThat(cms.getCertificates().getMatches(null)).hasSize(2);
			SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
			assertThat(signer.getDigestAlgOID()).isEqualTo(NISTObjectIdentifiers.id_sha256.getId());
			AttributeTable attributes = signer.getSignedAttributes();
			assertThat(attributes.get(CMSAttributes.contentType)).isNotNull();
			assertThat(attributes.get(CMSAttributes.messageDigest)).isNotNull();
			assertThat(attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
			assertThat(attributes.get(CMSAttributes.signingTime)).as("no signing-time in PAdES").isNull();
			assertThat(attributes.size()).isEqualTo(3);

			PDSignatureField field = (PDSignatureField) document.getDocumentCatalog()
				.getAcroForm()
				.getFields()
				.get(0);
			PDAnnotationWidget widget = field.getWidgets().get(0);
			PDPage lastPage = document.getPage(document.getNumberOfPages() - 1);
			StampPlacement placement = StampPlacement.defaultFor(lastPage.getMediaBox(), 1);
			assertThat(widget.getRectangle().getLowerLeftX()).isCloseTo(placement.seal().x(),
					org.assertj.core.data.Offset.offset(0.01f));
			assertThat(widget.getRectangle().getWidth()).isCloseTo(45 * StampPlacement.MM,
					org.assertj.core.data.Offset.offset(0.01f));
			assertThat(widget.isPrinted()).isTrue();
			assertThat(lastPage.getAnnotations()).anyMatch(a -> a.getCOSObject() == widget.getCOSObject());
		}
	}

	@Test
	@DisplayName("保留原有XMP中的PDF/A标识")
	void keepsThePdfaIdentificationOfTheRenderersXmp() throws Exception {
		byte[] unsigned;
		try (PDDocument document = Loader.loadPDF(SigningFixtures.samplePdf(1))) {
			XMPMetadata xmp = XMPMetadata.createXMPMetadata();
			var pdfa = xmp.createAndAddPDFAIdentificationSchema();
			pdfa.setPart(3);
			pdfa.setConformance("B");
			xmp.createAndAddDublinCoreSchema().setTitle("renderer's title");
			ByteArrayOutputStream packet = new ByteArrayOutputStream();
			new org.apache.xmpbox.xml.XmpSerializer().serialize(xmp, packet, true);
			org.apache.pdfbox.pdmodel.common.PDMetadata metadata = new org.apache.pdfbox.pdmodel.common.PDMetadata(
					document);
			metadata.importXMPMetadata(packet.toByteArray());
			document.getDocumentCatalog().setMetadata(metadata);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			unsigned = out.toByteArray();
		}
		DocumentMetadata metadata = SigningFixtures.metadata(Agency.BANK);

		byte[] signed = this.finisher.finish(unsigned, Agency.BANK,
				SigningFixtures.verificationUrl(metadata.documentNumber()), metadata);

		try (PDDocument document = Loader.loadPDF(signed)) {
			XMPMetadata xmp = new DomXmpParser().parse(document.getDocumentCatalog().getMetadata().toByteArray());
			assertThat(xmp.getPDFAIdentificationSchema().getPart()).isEqualTo(3);
			assertThat(xmp.getPDFAIdentificationSchema().getConformance()).isEqualTo("B");
			assertThat(xmp.getDublinCoreSchema().getTitle()).isEqualTo(metadata.title());
		}
	}

	@Test
	void placesTheStampsWhereAskedOnAnyPage() throws Exception {
		byte[] unsigned = SigningFixtures.samplePdf(3);
		StampPlacement placement = new StampPlacement(1, StampPlacement.Area.ofMillimetres(120, 60, 40, 40),
				StampPlacement.Area.ofMillimetres(30, 60, 30, 30));
		DocumentMetadata metadata = SigningFixtures.metadata(Agency.REGISTRY);

		byte[] signed = this.finisher.finish(unsigned, Agency.REGISTRY,
				SigningFixtures.verificationUrl(metadata.documentNumber()), metadata, placement);

		try (PDDocument document = Loader.loadPDF(signed)) {
			assertThat(content(document.getPage(1))).contains("0.8 0.1 0.1 rg");
			assertThat(content(document.getPage(2))).doesNotContain("0.8 0.1 0.1 rg");
			BufferedImage image = new PDFRenderer(document).renderImageWithDPI(1, 300);
			assertThat(decodeQr(image, document.getPage(1), placement.qr()).getText())
				.contains(metadata.documentNumber());
			assertThatThrownBy(() -> decodeQr(image, document.getPage(1),
					StampPlacement.defaultFor(PDRectangle.A4, 1).qr()))
				.as("nothing at the default place")
				.isInstanceOf(com.google.zxing.NotFoundException.class);
		}
		Path file = work.resolve("placed.pdf");
		Files.write(file, signed);
		assertThat(SigningFixtures.pdfsig(file).output().lines()).contains(VALID, TOTAL);
	}

	@Test
	void finishesDocumentsOnManyThreadsAtOnce() throws Exception {
		byte[] unsigned = SigningFixtures.samplePdf(2);
		SignatureVerifier verifier = new SignatureVerifier(this.keys, SigningFixtures.CLOCK);
		var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
		try {
			List<java.util.concurrent.Future<VerificationResult>> results = new java.util.ArrayList<>();
			for (int i = 0; i < 24; i++) {
				Agency agency = Agency.values()[i % Agency.values().length];
				DocumentMetadata metadata = new DocumentMetadata("JZ-" + i, "DK2026112300001", "借款借据");
				results.add(pool.submit(() -> verifier.verify(this.finisher.finish(unsigned, agency,
						SigningFixtures.verificationUrl(metadata.documentNumber()), metadata))));
			}
			for (int i = 0; i < results.size(); i++) {
				VerificationResult result = results.get(i).get();
				assertThat(result.valid()).as(result.detail()).isTrue();
				assertThat(result.agency()).isEqualTo(Agency.values()[i % Agency.values().length]);
				assertThat(result.documentNumber()).isEqualTo("JZ-" + i);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void refusesToFinishASignedDocumentOrToStampAMissingPage() throws Exception {
		byte[] signed = Files.readAllBytes(this.finished.get(Agency.HPF));
		DocumentMetadata metadata = SigningFixtures.metadata(Agency.HPF);
		java.net.URI url = SigningFixtures.verificationUrl("x");

		assertThatThrownBy(() -> this.finisher.finish(signed, Agency.HPF, url, metadata))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("signed already");
		StampPlacement onPageNine = StampPlacement.defaultFor(PDRectangle.A4, 9);
		assertThatThrownBy(() -> this.finisher.finish(SigningFixtures.samplePdf(1), Agency.HPF, url, metadata,
				onPageNine))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("page index 9");
	}

	@Test
	void computesTheDefaultPlacementForA4() {
		StampPlacement placement = StampPlacement.defaultFor(PDRectangle.A4, 4);

		assertThat(placement.pageIndex()).isEqualTo(4);
		float mm = StampPlacement.MM;
		assertThat(placement.seal().x() + placement.seal().width()).isCloseTo(PDRectangle.A4.getWidth() - 25 * mm,
				org.assertj.core.data.Offset.offset(0.01f));
		assertThat(placement.seal().y()).isCloseTo(25 * mm, org.assertj.core.data.Offset.offset(0.01f));
		assertThat(placement.seal().width()).isCloseTo(45 * mm, org.assertj.core.data.Offset.offset(0.01f));
		assertThat(placement.qr().x()).isCloseTo(25 * mm, org.assertj.core.data.Offset.offset(0.01f));
		assertThat(placement.qr().width()).isCloseTo(25 * mm, org.assertj.core.data.Offset.offset(0.01f));
	}

	private AgencyProfile profile(Agency agency) {
		return agency.defaultProfile();
	}

	/** Decodes the QR code in the rendered page around {@code area} (10 mm more on each side), as a phone would. */
	static Result decodeQr(BufferedImage page, PDPage pdfPage, StampPlacement.Area area) throws Exception {
		float scale = page.getWidth() / pdfPage.getMediaBox().getWidth();
		float margin = 10 * StampPlacement.MM;
		int x = Math.max(0, Math.round((area.x() - margin) * scale));
		int y = Math.max(0, Math.round((pdfPage.getMediaBox().getHeight() - area.y() - area.height() - margin) * scale));
		int width = Math.min(page.getWidth() - x, Math.round((area.width() + 2 * margin) * scale));
		int height = Math.min(page.getHeight() - y, Math.round((area.height() + 2 * margin) * scale));
		BufferedImage image = page.getSubimage(x, y, width, height);
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		BinaryBitmap bitmap = new BinaryBitmap(
				new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
		return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
	}

	static String content(PDPage page) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (var in = page.getContents()) {
			in.transferTo(out);
		}
		return out.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
	}

}
