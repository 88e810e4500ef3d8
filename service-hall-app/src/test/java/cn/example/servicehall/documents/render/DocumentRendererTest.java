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
		AcceptanceReceiptData sample = SampleDocuments.acceptanceReceipt();
		AcceptanceReceiptData rare = new AcceptanceReceiptData(sample.documentNo(), sample.issuingAgency(),
				sample.caseNo(), sample.issueDate(), sample.verificationUrl(), sample.serviceName(), "𠀀",
				sample.applicantIdNumber(), sample.applicantPhone(), sample.acceptedAt(), sample.windowName(),
				sample.acceptingOfficer(), sample.timeLimit(), sample.promisedDate(), sample.materials(),
				sample.enquiryPhone(), sample.hallAddress());

		assertThatExceptionOfType(MissingGlyphException.class)
			.isThrownBy(() -> renderer.render(TemplateId.ACCEPTANCE_RECEIPT, rare))
			.withMessageContaining("'𠀀'")
			.withMessageContaining("U+20000")
			.withMessageContaining("applicantName")
			.satisfies((ex) -> {
				assertThat(ex.codePoint()).isEqualTo(0x20000);
				assertThat(ex.field()).isEqualTo("applicantName");
			});
	}

	@Test
	void namesTheFieldOfANestedRecord() {
		LoanContractData sample = SampleDocuments.loanContract();
		List<Borrower> borrowers = new ArrayList<>(sample.borrowers());
		Borrower wife = borrowers.get(1);
		borrowers.set(1, new Borrower(wife.role(), "李𠀀", wife.idNumber(), wife.phone(), wife.address(),
				wife.employer()));
		LoanContractData rare = withBorrowers(sample, borrowers);

		assertThatExceptionOfType(MissingGlyphException.class)
			.isThrownBy(() -> renderer.renderPdf(TemplateId.LOAN_CONTRACT, rare))
			.withMessageContaining("borrowers[1].name")
			.withMessageContaining("李𠀀");
	}

	@Test
	@DisplayName("姓名中的常见生僻字可以打印")
	void printsTheRareNameCharactersOfTheSubset() {
		AcceptanceReceiptData sample = SampleDocuments.acceptanceReceipt();
		String names = "欧阳喆 李禕 王韡 赵堃 陈頔 刘燊 张犇 周赟";
		AcceptanceReceiptData rare = new AcceptanceReceiptData(sample.documentNo(), sample.issuingAgency(),
				sample.caseNo(), sample.issueDate(), sample.verificationUrl(), sample.serviceName(), names,
				sample.applicantIdNumber(), sample.applicantPhone(), sample.acceptedAt(), sample.windowName(),
				sample.acceptingOfficer(), sample.timeLimit(), sample.promisedDate(), sample.materials(),
				sample.enquiryPhone(), sample.hallAddress());

		byte[] pdf = renderer.renderPdf(TemplateId.ACCEPTANCE_RECEIPT, rare);

		String text = Poppler.normalise(Poppler.textLayout(Poppler.write(folder, "rare.pdf", pdf)));
		assertThat(text).contains(Poppler.normalise(names));
	}

	@Test
	void refusesANull() {
		AcceptanceReceiptData sample = SampleDocuments.acceptanceReceipt();
		AcceptanceReceiptData missing = new AcceptanceReceiptData(sample.documentNo(), sample.issuingAgency(),
				sample.caseNo(), sample.issueDate(), sample.verificationUrl(), sample.serviceName(),
				sample.applicantName(), sample.applicantIdNumber(), null, sample.acceptedAt(), sample.windowName(),
				sample.acceptingOfficer(), sample.timeLimit(), sample.promisedDate(), sample.materials(),
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
