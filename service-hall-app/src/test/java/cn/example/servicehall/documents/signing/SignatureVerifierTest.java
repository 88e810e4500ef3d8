package cn.example.servicehall.documents.signing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

import cn.example.servicehall.support.PdfTools;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignatureVerifierTest {

	@TempDir
	static Path work;

	AgencyKeys keys;

	DocumentFinisher finisher;

	SignatureVerifier verifier;

	byte[] signed;

	int[] byteRange;

	@BeforeAll
	void signADocument() throws Exception {
		Path keyDirectory = SigningFixtures.sharedKeyDirectory();
		this.keys = SigningFixtures.keys(keyDirectory);
		this.finisher = SigningFixtures.finisher(this.keys, keyDirectory);
		this.verifier = new SignatureVerifier(this.keys, SigningFixtures.CLOCK);
		this.signed = finish(this.finisher, Agency.HPF);
		try (PDDocument document = Loader.loadPDF(this.signed)) {
			this.byteRange = document.getSignatureDictionaries().get(0).getByteRange();
		}
	}

	@ParameterizedTest
	@EnumSource(Agency.class)
	@DisplayName("本中心签发的文件：真实有效，显示签发机构与签章时间")
	void acceptsADocumentOfEachAgency(Agency agency) {
		java.time.Instant before = SigningFixtures.now().minusSeconds(1);
		byte[] pdf = agency == Agency.HPF ? this.signed : finish(this.finisher, agency);

		VerificationResult result = this.verifier.verify(pdf);

		assertThat(result.valid()).as(result.detail()).isTrue();
		assertThat(result.outcome()).isEqualTo(VerificationOutcome.VALID);
		assertThat(result.signed()).isTrue();
		assertThat(result.coversWholeFile()).isTrue();
		assertThat(result.intact()).isTrue();
		assertThat(result.trusted()).isTrue();
		assertThat(result.agency()).isEqualTo(agency);
		assertThat(result.signerName()).isEqualTo(agency.defaultProfile().name());
		assertThat(result.signedAt()).isBetween(before.minusSeconds(600), SigningFixtures.now());
		assertThat(result.documentNumber()).isEqualTo(SigningFixtures.metadata(agency).documentNumber());
		assertThat(result.title()).isEqualTo("住房公积金个人住房贷款借款合同");
		assertThat(result.message()).isEqualTo("文件真实有效：由签发机构签章，签章后未被修改");
	}

	@Test
	@DisplayName("签名范围内改动一个字节：pdfsig 报摘要不符，验证不通过")
	void rejectsAFileWithOneByteChangedInsideTheSignedRange() throws Exception {
		byte[] tampered = this.signed.clone();
		int position = this.byteRange[1] / 2;
		tampered[position] ^= 0x01;

		VerificationResult result = this.verifier.verify(tampered);

		assertThat(result.valid()).isFalse();
		assertThat(result.outcome()).as(result.detail()).isEqualTo(VerificationOutcome.DIGEST_MISMATCH);
		assertThat(result.reasonCode()).isEqualTo("DIGEST_MISMATCH");
		assertThat(result.message()).isEqualTo("文件已被篡改：签名后内容被修改");
		assertThat(result.intact()).isFalse();
		assertThat(result.documentNumber()).isNull();
		assertThat(pdfsig(tampered, "flipped.pdf")).contains("  - Signature Validation: Digest Mismatch.");
	}

	@Test
	@DisplayName("改动签名后部分的文字：验证不通过")
	void rejectsAFileWhoseVisibleTextWasEdited() throws Exception {
		byte[] tampered = this.signed.clone();
		byte[] from = "Service Hall".getBytes(StandardCharsets.US_ASCII);
		int at = lastIndexOf(tampered, from);
		assertThat(at).as("the producer appears in clear text").isGreaterThan(0);
		tampered[at] = 'X';

		VerificationResult result = this.verifier.verify(tampered);

		assertThat(result.valid()).isFalse();
		assertThat(result.outcome()).isIn(VerificationOutcome.DIGEST_MISMATCH, VerificationOutcome.NOT_PDF);
	}

	@Test
	@DisplayName("文件任意位置改动一个字节，验证都不通过")
	void rejectsAFileWithAnySingleByteChanged() {
		int signatureEnd = this.byteRange[1] + 1 + 2 * SignatureVerifier.derLength(signatureBytes());
		java.util.SortedSet<Integer> positions = new java.util.TreeSet<>();
		for (int i = 0; i < this.signed.length; i += Math.max(1, this.signed.length / 300)) {
			positions.add(i);
		}
		// every hex digit of the SignedData's head, every other of its SignerInfo, the certificates between sampled
		for (int i = this.byteRange[1]; i <= signatureEnd; i += i < this.byteRange[1] + 200 ? 1
				: i > signatureEnd - 1600 ? 2 : 11) {
			positions.add(i);
		}
		positions.add(this.signed.length - 1);
		java.util.List<Integer> accepted = new java.util.ArrayList<>();
		for (int position : positions) {
			byte[] tampered = this.signed.clone();
			tampered[position] ^= 0x01;
			if (this.verifier.verify(tampered).valid()) {
				accepted.add(position);
			}
		}
		assertThat(accepted).as("positions of %d tested where a changed byte went unnoticed", positions.size())
			.isEmpty();
	}

	private byte[] signatureBytes() {
		try (PDDocument document = Loader.loadPDF(this.signed)) {
			return document.getSignatureDictionaries().get(0).getContents(this.signed);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Test
	@DisplayName("签名后追加内容：pdfsig 报非整个文件签名，验证不通过")
	void rejectsAFileWithBytesAppended() throws Exception {
		byte[] appended = Arrays.copyOf(this.signed, this.signed.length + 20);
		System.arraycopy("\n% appended later\n".getBytes(StandardCharsets.US_ASCII), 0, appended, this.signed.length,
				18);

		VerificationResult result = this.verifier.verify(appended);

		assertThat(result.valid()).isFalse();
		assertThat(result.outcome()).isEqualTo(VerificationOutcome.CONTENT_APPENDED);
		assertThat(result.message()).isEqualTo("文件已被篡改：签名后文件被追加了内容");
		assertThat(result.intact()).isTrue();
		assertThat(result.coversWholeFile()).isFalse();
		assertThat(pdfsig(appended, "appended.pdf")).contains("  - Not total document signed");
	}

	@Test
	@DisplayName("改动签名数据的填充部分（摘要不覆盖之处）：验证不通过")
	void rejectsAFileWithAByteChangedInTheSignaturesPadding() {
		byte[] tampered = this.signed.clone();
		int lastHexDigit = this.byteRange[2] - 2;
		assertThat((char) tampered[lastHexDigit]).isEqualTo('0');
		tampered[lastHexDigit] = '1';

		VerificationResult result = this.verifier.verify(tampered);

		assertThat(result.outcome()).as(result.detail()).isEqualTo(VerificationOutcome.SIGNATURE_DAMAGED);
		assertThat(result.message()).isEqualTo("文件已被篡改：签章数据已损坏");
	}

	@Test
	void rejectsAFileWithAByteChangedInsideTheSignature() {
		byte[] tampered = this.signed.clone();
		int inSignature = this.byteRange[1] + 1 + 2 * 600;
		tampered[inSignature] = (byte) (tampered[inSignature] == 'A' ? 'B' : 'A');

		VerificationResult result = this.verifier.verify(tampered);

		assertThat(result.valid()).isFalse();
		assertThat(result.outcome()).isIn(VerificationOutcome.SIGNATURE_DAMAGED, VerificationOutcome.DIGEST_MISMATCH);
	}

	@Test
	@DisplayName("他人自建CA签发、名称相同的证书：来源不可信")
	void rejectsADocumentSignedWithAKeyNotFromTheHallsCa() throws Exception {
		Path foreignKeys = work.resolve("foreign-keys");
		AgencyKeys foreign = SigningFixtures.keys(foreignKeys);
		byte[] forged = finish(SigningFixtures.finisher(foreign, foreignKeys), Agency.HPF);

		VerificationResult result = this.verifier.verify(forged);

		assertThat(result.valid()).isFalse();
		assertThat(result.outcome()).isEqualTo(VerificationOutcome.UNTRUSTED_SIGNER);
		assertThat(result.reasonCode()).isEqualTo("UNTRUSTED_SIGNER");
		assertThat(result.intact()).isTrue();
		assertThat(result.trusted()).isFalse();
		assertThat(result.agency()).isNull();
		assertThat(result.signerName()).isEqualTo("焦作市住房公积金管理中心");
		assertThat(result.documentNumber()).isNull();
		assertThat(new SignatureVerifier(foreign, SigningFixtures.CLOCK).verify(forged).valid()).isTrue();
	}

	@Test
	void rejectsACertificateOfTheHallsCaThatNamesNoneOfItsAgencies() {
		Path keyDirectory = work.resolve("renamed-keys");
		byte[] signedUnderTheOldName = finish(SigningFixtures.finisher(SigningFixtures.keys(keyDirectory), keyDirectory),
				Agency.HPF);
		DocumentSigningSettings renamed = new DocumentSigningSettings(DocumentSigningSettings.Keys.development(keyDirectory),
				java.util.Map.of(Agency.HPF,
						new DocumentSigningSettings.AgencySettings("洛阳市住房公积金管理中心", "洛阳市", null)),
				null, null);

		VerificationResult result = new SignatureVerifier(new AgencyKeys(renamed, SigningFixtures.CLOCK),
				SigningFixtures.CLOCK)
			.verify(signedUnderTheOldName);

		assertThat(result.outcome()).as(result.detail()).isEqualTo(VerificationOutcome.UNTRUSTED_SIGNER);
		assertThat(result.detail()).contains("names none of the hall's agencies");
	}

	@Test
	@DisplayName("未签章的文件：未签章")
	void reportsAnUnsignedPdf() {
		VerificationResult result = this.verifier.verify(SigningFixtures.samplePdf(1));

		assertThat(result.outcome()).isEqualTo(VerificationOutcome.NOT_SIGNED);
		assertThat(result.signed()).isFalse();
		assertThat(result.reasonCode()).isEqualTo("NOT_SIGNED");
		assertThat(result.message()).isEqualTo("无法验证：文件没有电子签章，不能证明其真实性");
	}

	@Test
	void reportsSomethingThatIsNoPdf() {
		assertThat(this.verifier.verify("hello".getBytes(StandardCharsets.UTF_8)).outcome())
			.isEqualTo(VerificationOutcome.NOT_PDF);
		assertThat(this.verifier.verify(new byte[0]).outcome()).isEqualTo(VerificationOutcome.NOT_PDF);
		assertThat(this.verifier.verify(Arrays.copyOf(this.signed, 2000)).valid()).isFalse();
	}

	@Test
	void acceptsADocumentSignedWithProductionKeysFromAKeystore() throws Exception {
		Path keyDirectory = SigningFixtures.sharedKeyDirectory();
		String password = Files.readString(keyDirectory.resolve("dev-keystore.password")).strip();
		DocumentSigningSettings production = new DocumentSigningSettings(
				DocumentSigningSettings.Keys.keystore(keyDirectory.resolve("dev-keystore.p12"), password), null, null,
				null);
		AgencyKeys productionKeys = new AgencyKeys(production, SigningFixtures.CLOCK);
		DocumentFinisher productionFinisher = new DocumentFinisher(productionKeys, production,
				new SealStamp(SigningFixtures.font()), new QrStamp(), SigningFixtures.CLOCK);

		byte[] pdf = finish(productionFinisher, Agency.BANK);

		VerificationResult result = new SignatureVerifier(productionKeys, SigningFixtures.CLOCK).verify(pdf);
		assertThat(result.valid()).as(result.detail()).isTrue();
		assertThat(result.agency()).isEqualTo(Agency.BANK);
	}

	@Test
	void keepsTheSignatureDictionaryReadable() throws Exception {
		try (PDDocument document = Loader.loadPDF(this.signed)) {
			PDSignature signature = document.getSignatureDictionaries().get(0);
			assertThat(signature.getContents(this.signed).length).isGreaterThan(1000);
		}
	}

	private static byte[] finish(DocumentFinisher finisher, Agency agency) {
		DocumentMetadata metadata = SigningFixtures.metadata(agency);
		return finisher.finish(SigningFixtures.samplePdf(1), agency,
				SigningFixtures.verificationUrl(metadata.documentNumber()), metadata);
	}

	private String pdfsig(byte[] pdf, String name) throws Exception {
		Path file = work.resolve(name);
		Files.write(file, pdf);
		PdfTools.ToolResult result = SigningFixtures.pdfsig(file);
		assertThat(result.exitCode()).as("pdfsig exits 0 even for a broken signature").isZero();
		return result.output();
	}

	private static int lastIndexOf(byte[] data, byte[] pattern) {
		outer: for (int i = data.length - pattern.length; i >= 0; i--) {
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
