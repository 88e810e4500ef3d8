package cn.example.servicehall.documents.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The renderer's promises beyond the templates: it refuses what would print wrongly (a character missing from the
 * font, a null), names the PDF, reports where the seal and QR code go, and is safe to call from two threads at once.
 */
class DocumentRendererTest {

	/** 1 mm in PDF points. */
	static final float MM = 72f / 25.4f;

	/** U+30000, the first hanzi of extension G (Unicode 13, after GB 18030-2022): no font of the hall has it. */
	static final String EXTENSION_G = new String(Character.toChars(0x30000));

	static DocumentRenderer renderer;

	@TempDir
	static Path folder;

	@BeforeAll
	static void createRenderer() {
		renderer = new DocumentRenderer();
	}

	@Test
	@DisplayName("字体缺字时拒绝生成并指出字符和字段")
	void refusesACharacterMissingFromTheFontNamingItAndTheField() {
		AcceptanceReceiptData rare = receiptFor("刘" + EXTENSION_G);

		assertThatExceptionOfType(MissingGlyphException.class)
			.isThrownBy(() -> renderer.render(TemplateId.ACCEPTANCE_RECEIPT, rare))
			.withMessageContaining("'" + EXTENSION_G + "'")
			.withMessageContaining("U+30000")
			.withMessageContaining("applicantName")
			.satisfies((ex) -> {
				assertThat(ex.codePoint()).isEqualTo(0x30000);
				assertThat(ex.field()).isEqualTo("applicantName");
				assertThat(ex.value()).isEqualTo("刘" + EXTENSION_G);
			});
	}

	@Test
	void namesTheFieldOfANestedRecord() {
		LoanContractData sample = SampleDocuments.loanContract();
		List<Borrower> borrowers = new ArrayList<>(sample.borrowers());
		Borrower wife = borrowers.get(1);
		borrowers.set(1, new Borrower(wife.role(), "李\uE000", wife.idNumber(), wife.phone(), wife.address(),
				wife.employer()));
		LoanContractData rare = withBorrowers(sample, borrowers);

		assertThatExceptionOfType(MissingGlyphException.class)
			.isThrownBy(() -> renderer.renderPdf(TemplateId.LOAN_CONTRACT, rare))
			.withMessageContaining("borrowers[1].name")
			.withMessageContaining("U+E000");
	}

	@Test
	@DisplayName("姓名中的常见生僻字可以打印")
	void printsTheRareNameCharactersOfTheSubset() {
		String names = "欧阳喆 李禕 王韡 赵堃 陈頔 刘燊 张犇 周赟";

		byte[] pdf = renderer.renderPdf(TemplateId.ACCEPTANCE_RECEIPT, receiptFor(names));

		String text = Poppler.normalise(Poppler.textLayout(Poppler.write(folder, "rare.pdf", pdf)));
		assertThat(text).contains(Poppler.normalise(names));
	}

	@Test
	@DisplayName("GB 18030-2022 实现级别3：基本区、扩展A至F的汉字和康熙部首都能打印，字体全部嵌入")
	void printsHanziOfEveryBlockOfImplementationLevel3WithEmbeddedFonts() {
		// 燚 basic block, 䶮 extension A, 𪚥 extension B, 𪜀 C, 𫝀 D, 𫠠 E, 𬺰 F; 𫖯 (C) and 𬌗 (E) are in the
		// 通用规范汉字表; ⼀ is a Kangxi radical; 龦 (U+9FA6) is one of the URO characters new in GB 18030-2022
		String names = "张燚 刘䶮 张𪚥 王𪜀 李𫝀 赵𫠠 陈𬺰 周𫖯 吴𬌗 郑龦";

		byte[] pdf = renderer.renderPdf(TemplateId.ACCEPTANCE_RECEIPT, receiptFor(names + " ⼀"));

		Path file = Poppler.write(folder, "level3.pdf", pdf);
		assertThat(Poppler.normalise(Poppler.textRaw(file))).contains(Poppler.normalise(names));
		assertThat(Poppler.normalise(Poppler.textRaw(file))).contains("一");
		List<String> fonts = Poppler.fonts(file);
		assertThat(fonts).anyMatch((font) -> font.contains("NotoSansSC-Regular"))
			.anyMatch((font) -> font.contains("HallHanziExt-Regular"))
			.allSatisfy((font) -> assertThat(font).as("embedded subset")
				.matches("^[A-Z]{6}\\+\\S+\\s+CID TrueType.*\\syes\\s+yes\\s+(yes|no)\\s+\\d+\\s+\\d+\\s*$"));
	}

	@Test
	@DisplayName("不含扩展区汉字的文书只嵌入 Noto Sans SC")
	void embedsTheExtensionFontOnlyWhenADocumentNeedsIt() {
		byte[] pdf = renderer.renderPdf(TemplateId.ACCEPTANCE_RECEIPT, SampleDocuments.acceptanceReceipt());

		assertThat(Poppler.fonts(Poppler.write(folder, "plain.pdf", pdf)))
			.noneMatch((font) -> font.contains("HallHanziExt"));
	}

	@Test
	@DisplayName("GB 18030-2022 实现级别3 的全部 88,089 个汉字和康熙部首")
	void canPrintEveryHanziOfImplementationLevel3() {
		int[][] blocks = { { 0x4E00, 0x9FEF }, { 0x3400, 0x4DB5 }, { 0x20000, 0x2A6D6 }, { 0x2A700, 0x2B734 },
				{ 0x2B740, 0x2B81D }, { 0x2B820, 0x2CEA1 }, { 0x2CEB0, 0x2EBE0 }, { 0x2F00, 0x2FD5 } };
		List<String> missing = new ArrayList<>();
		int printable = 0;
		for (int[] block : blocks) {
			for (int c = block[0]; c <= block[1]; c++) {
				if (renderer.canPrint(c)) {
					printable++;
				}
				else if (missing.size() < 20) {
					missing.add(String.format("U+%04X", c));
				}
			}
		}
		assertThat(missing).isEmpty();
		assertThat(printable).isEqualTo(88_089);
		assertThat(renderer.canPrint(0xE000)).as("private use").isFalse();
		assertThat(renderer.canPrint(0x30000)).as("extension G").isFalse();
		assertThat(renderer.canPrint(0x1F600)).as("an emoji").isFalse();
	}

	@Test
	void refusesANull() {
		AcceptanceReceiptData sample = SampleDocuments.acceptanceReceipt();
		AcceptanceReceiptData missing = new AcceptanceReceiptData(sample.documentNo(), sample.issuingAgency(),
				sample.caseNo(), sample.issueDate(), sample.verificationUrl(), sample.serviceName(),
				sample.applicantName(), sample.applicantIdNumber(), null, sample.acceptedAt(), sample.windowName(),
				sample.acceptingOfficer(), sample.timeLimit(), sample.promisedDate(), sample.materials(), sample.parts(),
				sample.enquiryPhone(), sample.hallAddress());

		assertThatIllegalArgumentException().isThrownBy(() -> renderer.render(TemplateId.ACCEPTANCE_RECEIPT, missing))
			.withMessageContaining("applicantPhone");
	}

	@Test
	void refusesTheRecordOfAnotherTemplate() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> renderer.render(TemplateId.ACCEPTANCE_RECEIPT, SampleDocuments.iou()))
			.withMessageContaining("AcceptanceReceiptData");
		assertThat(TemplateId.of(SampleDocuments.iou())).isEqualTo(TemplateId.IOU);
	}

	@Test
	@DisplayName("PDF 元数据：标题、主题、生成者")
	void namesThePdf() throws Exception {
		RenderedDocument contract = renderer.render(TemplateId.LOAN_CONTRACT, SampleDocuments.loanContract());

		try (PDDocument pdf = Loader.loadPDF(contract.pdf())) {
			PDDocumentInformation info = pdf.getDocumentInformation();
			assertThat(info.getTitle()).isEqualTo("个人住房公积金借款合同 " + SampleDocuments.CONTRACT_NO);
			assertThat(info.getSubject()).isEqualTo(SampleDocuments.CASE_NO);
			assertThat(info.getProducer()).isEqualTo("Service Hall");
			assertThat(info.getAuthor()).isEqualTo(SampleDocuments.AGENCY);
			assertThat(pdf.getNumberOfPages()).isEqualTo(contract.pageCount());
			PDRectangle a4 = pdf.getPage(0).getMediaBox();
			assertThat(a4.getWidth()).isCloseTo(210 * MM, within(1f));
			assertThat(a4.getHeight()).isCloseTo(297 * MM, within(1f));
		}
	}

	@Test
	@DisplayName("印章区在末页右下，45 mm；二维码区 25 mm")
	void reportsWhereTheSealAndTheQrCodeGo() throws Exception {
		for (TemplateId id : TemplateId.values()) {
			RenderedDocument document = renderer.render(id, SampleDocuments.of(id));
			assertThat(document.sealArea()).as("seal area of %s", id).isPresent();
			assertThat(document.qrArea()).as("QR area of %s", id).isPresent();
			PageArea seal = document.sealArea().orElseThrow();
			PageArea qr = document.qrArea().orElseThrow();
			assertThat(seal.pageIndex()).as("the seal goes on the last page of %s", id)
				.isEqualTo(document.pageCount() - 1);
			assertThat(seal.width()).isCloseTo(45 * MM, within(0.5f));
			assertThat(seal.height()).isCloseTo(45 * MM, within(0.5f));
			assertThat(qr.width()).isCloseTo(25 * MM, within(0.5f));
			assertThat(qr.height()).isCloseTo(25 * MM, within(0.5f));
			assertThat(seal.x()).as("right half of the page").isGreaterThan(105 * MM);
			assertThat(seal.x() + seal.width()).as("inside the right margin").isLessThanOrEqualTo((210 - 20) * MM + 1);
			assertThat(seal.y()).as("above the bottom margin").isGreaterThanOrEqualTo(18 * MM - 1);
			try (PDDocument pdf = Loader.loadPDF(document.pdf())) {
				PDFTextStripper stripper = new PDFTextStripper();
				stripper.setStartPage(seal.pageIndex() + 1);
				stripper.setEndPage(seal.pageIndex() + 1);
				assertThat(stripper.getText(pdf)).contains(SampleDocuments.of(id).verificationUrl());
			}
		}
	}

	@Test
	@DisplayName("两个线程同时生成")
	void rendersFromTwoThreadsAtOnce() throws Exception {
		String contract = text(renderer.renderPdf(TemplateId.LOAN_CONTRACT, SampleDocuments.loanContract()));
		String receipt = text(renderer.renderPdf(TemplateId.ACCEPTANCE_RECEIPT, SampleDocuments.acceptanceReceipt()));
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<List<String>>> results = new ArrayList<>();
			for (TemplateId id : List.of(TemplateId.LOAN_CONTRACT, TemplateId.ACCEPTANCE_RECEIPT)) {
				Callable<List<String>> renders = () -> {
					start.await();
					List<String> texts = new ArrayList<>();
					for (int i = 0; i < 4; i++) {
						texts.add(text(renderer.renderPdf(id, SampleDocuments.of(id))));
					}
					return texts;
				};
				results.add(threads.submit(renders));
			}
			start.countDown();
			assertThat(results.get(0).get(2, TimeUnit.MINUTES)).containsOnly(contract);
			assertThat(results.get(1).get(2, TimeUnit.MINUTES)).containsOnly(receipt);
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(renderer.fonts().parsedCount()).as("fonts parsed once per concurrent render, not per render")
			.isLessThanOrEqualTo(3);
	}

	@Test
	void fillsTheTemplateWithoutLayingItOut() {
		String xhtml = renderer.fill(TemplateId.IOU, SampleDocuments.iou());
		assertThat(xhtml).contains("人民币陆拾万元整", "JJ2026121800015", "<div id=\"seal-area\"></div>")
			.doesNotContainPattern("\\sth:\\w+=")
			.doesNotContain("xmlns:th");
	}

	private static String text(byte[] pdf) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

	private static AcceptanceReceiptData receiptFor(String applicantName) {
		AcceptanceReceiptData sample = SampleDocuments.acceptanceReceipt();
		return new AcceptanceReceiptData(sample.documentNo(), sample.issuingAgency(), sample.caseNo(),
				sample.issueDate(), sample.verificationUrl(), sample.serviceName(), applicantName,
				sample.applicantIdNumber(), sample.applicantPhone(), sample.acceptedAt(), sample.windowName(),
				sample.acceptingOfficer(), sample.timeLimit(), sample.promisedDate(), sample.materials(), sample.parts(),
				sample.enquiryPhone(), sample.hallAddress());
	}

	private static LoanContractData withBorrowers(LoanContractData c, List<Borrower> borrowers) {
		return new LoanContractData(c.documentNo(), c.issuingAgency(), c.caseNo(), c.issueDate(), c.verificationUrl(),
				c.signingPlace(), borrowers, c.lender(), c.trusteeBank(), c.guarantor(), c.propertyAddress(),
				c.propertyCertificateNo(), c.propertyArea(), c.purchasePrice(), c.sellerName(), c.loanAmount(),
				c.loanAmountInWords(), c.termMonths(), c.rateCategory(), c.annualRate(), c.monthlyRate(),
				c.overduePenaltyRate(), c.repaymentMethod(), c.repaymentDay(), c.monthlyPayment(), c.scheduleRows(),
				c.scheduleTotalPayment(), c.scheduleTotalPrincipal(), c.scheduleTotalInterest(),
				c.repaymentAccountNo(), c.repaymentAccountBank(), c.payeeAccountName(), c.payeeAccountNo(),
				c.payeeBank());
	}

}
