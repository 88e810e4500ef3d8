package cn.example.servicehall.documents.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slf4j.LoggerFactory;

import cn.example.servicehall.documents.render.AcceptanceReceiptData;
import cn.example.servicehall.documents.render.DocumentData;
import cn.example.servicehall.documents.render.DocumentRenderer;
import cn.example.servicehall.documents.render.MaterialRow;
import cn.example.servicehall.documents.render.PageArea;
import cn.example.servicehall.documents.render.RenderedDocument;
import cn.example.servicehall.documents.render.SampleDocuments;
import cn.example.servicehall.documents.render.TemplateId;

/**
 * Throughput and latency of issuing documents: not a test (a {@code main}, no assertions, not run by Surefire or
 * Failsafe). The results and how to read them are in {@code docs/benchmarks.md} ("Documents").
 * <p>
 * Measured, in one run, each with 1 and 2 threads (a fixed pool, the threads taking the next iteration from a shared
 * counter until {@code iterations} are done, after {@code warm-up} untimed ones in the same pool):
 * <ul>
 * <li>the loan contract and the acceptance receipt ({@link SampleDocuments}): rendered ({@link DocumentRenderer},
 * HTML template through openhtmltopdf), finished ({@link DocumentFinisher}: seal, QR code, metadata, PAdES
 * signature, with the seal and QR areas the renderer reports, as {@code Documents.issue} does), and both;</li>
 * <li>a baseline: the same receipt page drawn directly with PDFBox ({@code PDPageContentStream}, the hall's regular
 * CJK font embedded as a subset with {@link PDType0Font}, the receipt's texts placed by coordinates, no HTML, no
 * template), drawn, finished, and both;</li>
 * <li>{@link SignatureVerifier#verify} of the finished contract;</li>
 * <li>finishing and verifying the 1- and 5-page stand-in PDFs of {@link SigningFixtures#samplePdf}, 1 thread.</li>
 * </ul>
 * One {@link DocumentRenderer} is shared by the threads (it is thread-safe: fonts pooled, one parsed pair per
 * render at a time), one {@link DocumentFinisher} likewise; the baseline parses the font once per thread (a FontBox
 * {@code TrueTypeFont} is not thread-safe). Keys are development keys (RSA 2048 agency certificate under an RSA 3072
 * development CA), generated into a temporary directory before any timing and deleted at exit. Logging is set to
 * ERROR. Prints the machine, the cold start (renderer creation, first render, first finish) and a Markdown table;
 * with {@code -Dbenchmark.pdfs=DIR} it also writes the signed contract, receipt and baseline receipt there.
 * <p>
 * Run by hand from the repository root (about 3 minutes at the defaults on 2 cores; nothing else should be busy):
 *
 * <pre>
 * ./mvnw -q -o -pl service-hall-app test-compile
 * cd service-hall-app
 * ../mvnw -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *      cn.example.servicehall.documents.signing.DocumentBenchmark [iterations=500] [warm-up=100]
 * </pre>
 */
public final class DocumentBenchmark {

	private static final Agency ISSUER = Agency.HPF;

	private static final int[] THREADS = { 1, 2 };

	/** Keeps results alive, so nothing measured can be optimised away. */
	private static final AtomicLong sink = new AtomicLong();

	private DocumentBenchmark() {
	}

	/** What the finisher needs of an unsigned document. */
	record Unsigned(byte[] pdf, int pages, StampPlacement placement, URI url, DocumentMetadata metadata) {
	}

	/** Makes an unsigned document; callable from any number of threads at once. */
	interface Producer {

		Unsigned make();

	}

	/** One measured configuration. */
	record Result(String document, int pages, String step, int threads, int iterations, double perSecond,
			double p50, double p99, double max, int kilobytes) {
	}

	public static void main(String[] args) throws Exception {
		int iterations = (args.length > 0) ? Integer.parseInt(args[0]) : 500;
		int warmUp = (args.length > 1) ? Integer.parseInt(args[1]) : 100;
		quietLogging();
		Locale.setDefault(Locale.ROOT);
		System.out.printf("Machine: %d processors, JVM %s %s (%s), max heap %d MB, arguments %s%n",
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
				System.getProperty("java.runtime.version"), System.getProperty("os.arch"),
				Runtime.getRuntime().maxMemory() >> 20, ManagementFactory.getRuntimeMXBean().getInputArguments());
		System.out.printf("Iterations %d per configuration after %d warm-up, threads %s%n%n", iterations, warmUp,
				Arrays.toString(THREADS));

		long start = System.nanoTime();
		AgencyKeys keys = SigningFixtures.keys(SigningFixtures.sharedKeyDirectory());
		keys.preload();
		System.out.printf("development keys generated: %.0f ms%n", ms(System.nanoTime() - start));
		DocumentFinisher finisher = SigningFixtures.finisher(keys, SigningFixtures.sharedKeyDirectory());
		SignatureVerifier verifier = new SignatureVerifier(keys, SigningFixtures.CLOCK);

		start = System.nanoTime();
		DocumentRenderer renderer = new DocumentRenderer();
		System.out.printf("renderer created (fonts read, character set built): %.0f ms%n",
				ms(System.nanoTime() - start));

		Producer contract = html(renderer, TemplateId.LOAN_CONTRACT);
		Producer receipt = html(renderer, TemplateId.ACCEPTANCE_RECEIPT);
		Producer baseline = new DirectReceipt(SampleDocuments.acceptanceReceipt());
		List<Result> results = new ArrayList<>();
		byte[] signedContract = null;
		for (Subject subject : List.of(new Subject("Loan contract (HTML)", "render", contract),
				new Subject("Acceptance receipt (HTML)", "render", receipt),
				new Subject("Acceptance receipt (PDFBox direct)", "draw", baseline))) {
			// cold: the first document of its kind in this JVM (the first subject also pays for class loading)
			long t = System.nanoTime();
			Unsigned unsigned = subject.producer().make();
			long firstMake = System.nanoTime() - t;
			t = System.nanoTime();
			byte[] signed = finisher.finish(unsigned.pdf(), ISSUER, unsigned.url(), unsigned.metadata(),
					unsigned.placement());
			long firstFinish = System.nanoTime() - t;
			VerificationResult check = verifier.verify(signed);
			if (!check.valid()) {
				throw new IllegalStateException(subject.name() + " does not verify: " + check.message());
			}
			System.out.printf("%s: %d page(s), %,d bytes unsigned, %,d bytes signed; first %s %.0f ms, first finish "
					+ "%.0f ms%n", subject.name(), unsigned.pages(), unsigned.pdf().length, signed.length,
					subject.makeStep(), ms(firstMake), ms(firstFinish));
			if (System.getProperty("benchmark.pdfs") != null) {
				Path dir = Files.createDirectories(Path.of(System.getProperty("benchmark.pdfs")));
				String file = subject.name().replaceAll("[^A-Za-z]+", "-").replaceAll("-$", "");
				Files.write(dir.resolve(file.toLowerCase(Locale.ROOT) + ".pdf"), signed);
			}
			if (subject.producer() == contract) {
				signedContract = signed;
			}
			for (int threads : THREADS) {
				results.add(measure(subject.name(), unsigned.pages(), subject.makeStep() + " only", threads, warmUp,
						iterations, unsigned.pdf().length, () -> subject.producer().make().pdf().length));
				results.add(measure(subject.name(), unsigned.pages(), "sign only", threads, warmUp, iterations,
						signed.length, () -> finisher.finish(unsigned.pdf(), ISSUER, unsigned.url(),
								unsigned.metadata(), unsigned.placement()).length));
				results.add(measure(subject.name(), unsigned.pages(), subject.makeStep() + " + sign", threads,
						warmUp, iterations, signed.length, () -> {
							Unsigned fresh = subject.producer().make();
							return finisher.finish(fresh.pdf(), ISSUER, fresh.url(), fresh.metadata(),
									fresh.placement()).length;
						}));
			}
		}
		byte[] contractPdf = signedContract;
		for (int threads : THREADS) {
			results.add(measure("Loan contract (HTML)", results.get(0).pages(), "verify", threads, warmUp, iterations,
					contractPdf.length, () -> verifier.verify(contractPdf).valid() ? 1 : 0));
		}

		// what FinishingTimingTest measured: the signing tests' stand-in PDFs, 1 and 5 pages of text, default placement
		for (int pages : new int[] { 1, 5 }) {
			byte[] unsigned = SigningFixtures.samplePdf(pages);
			DocumentMetadata metadata = SigningFixtures.metadata(ISSUER);
			URI url = SigningFixtures.verificationUrl(metadata.documentNumber());
			byte[] signed = finisher.finish(unsigned, ISSUER, url, metadata);
			String name = "Stand-in PDF, " + pages + " page" + (pages > 1 ? "s" : "") + " (signing tests)";
			results.add(measure(name, pages, "sign only", 1, warmUp, iterations, signed.length,
					() -> finisher.finish(unsigned, ISSUER, url, metadata).length));
			results.add(measure(name, pages, "verify", 1, warmUp, iterations, signed.length,
					() -> verifier.verify(signed).valid() ? 1 : 0));
		}

		System.out.println();
		System.out.println("| Document | Pages | Step | Threads | Docs/s | p50 ms | p99 ms | max ms | KB |");
		System.out.println("|---|--:|---|--:|--:|--:|--:|--:|--:|");
		for (Result r : results) {
			System.out.printf("| %s | %d | %s | %d | %.1f | %.1f | %.1f | %.1f | %d |%n", r.document(), r.pages(),
					r.step(), r.threads(), r.perSecond(), r.p50(), r.p99(), r.max(), r.kilobytes());
		}
		System.out.printf("%n%d iterations per row after %d warm-up; KB: the PDF the step produces (verify: the "
				+ "signed PDF checked). (sink %d)%n", iterations, warmUp, sink.get() & 1);
	}

	private record Subject(String name, String makeStep, Producer producer) {
	}

	private static Producer html(DocumentRenderer renderer, TemplateId id) {
		DocumentData data = SampleDocuments.of(id);
		URI url = URI.create(data.verificationUrl());
		DocumentMetadata metadata = new DocumentMetadata(data.documentNo(), data.caseNo(), id.title());
		return () -> {
			RenderedDocument rendered = renderer.render(id, data);
			return new Unsigned(rendered.pdf(), rendered.pageCount(), placement(rendered), url, metadata);
		};
	}

	/** As {@code Documents.placement}: the renderer's seal and QR areas, or null (the finisher's default). */
	private static StampPlacement placement(RenderedDocument rendered) {
		if (rendered.sealArea().isEmpty() || rendered.qrArea().isEmpty()) {
			return null;
		}
		PageArea seal = rendered.sealArea().get();
		PageArea qr = rendered.qrArea().get();
		return new StampPlacement(seal.pageIndex(),
				new StampPlacement.Area(seal.x(), seal.y(), seal.width(), seal.height()),
				new StampPlacement.Area(qr.x(), qr.y(), qr.width(), qr.height()));
	}

	/** A unit of work returning something derived from its result. */
	private interface Operation {

		long run() throws Exception;

	}

	/**
	 * Runs {@code warmUp} then {@code iterations} operations on a fixed pool of {@code threads}, each thread taking the
	 * next operation until none is left; times each operation and the whole timed batch (throughput).
	 */
	private static Result measure(String document, int pages, String step, int threads, int warmUp, int iterations,
			int bytes, Operation operation) throws InterruptedException, ExecutionException {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			run(pool, threads, warmUp, null, operation);
			System.gc();
			long[] latencies = new long[iterations];
			long start = System.nanoTime();
			run(pool, threads, iterations, latencies, operation);
			long wall = System.nanoTime() - start;
			Arrays.sort(latencies);
			Result result = new Result(document, pages, step, threads, iterations, iterations / (wall / 1e9),
					ms(percentile(latencies, 50)), ms(percentile(latencies, 99)), ms(latencies[iterations - 1]),
					(bytes + 512) / 1024);
			System.out.printf("  %-42s %-14s %d thread(s): %6.1f docs/s, p50 %6.1f ms, p99 %6.1f ms, max %6.1f ms%n",
					document, step, threads, result.perSecond(), result.p50(), result.p99(), result.max());
			return result;
		}
		finally {
			pool.shutdown();
		}
	}

	private static void run(ExecutorService pool, int threads, int count, long[] latencies, Operation operation)
			throws InterruptedException, ExecutionException {
		AtomicInteger next = new AtomicInteger();
		List<Callable<Long>> workers = new ArrayList<>();
		for (int w = 0; w < threads; w++) {
			workers.add(() -> {
				long kept = 0;
				for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
					long t = System.nanoTime();
					kept += operation.run();
					if (latencies != null) {
						latencies[i] = System.nanoTime() - t;
					}
				}
				return kept;
			});
		}
		for (Future<Long> done : pool.invokeAll(workers)) {
			sink.addAndGet(done.get());
		}
	}

	/** Nearest-rank percentile of sorted values. */
	private static long percentile(long[] sorted, int percent) {
		int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
		return sorted[Math.max(0, rank - 1)];
	}

	private static double ms(long nanos) {
		return nanos / 1e6;
	}

	/**
	 * ERROR only, instead of logback's default (DEBUG to the console). PDFBox warns on every HTML render ("Using
	 * fallback font LiberationSans for base font Symbol"), which the hall's application.yml also turns off.
	 */
	private static void quietLogging() {
		if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
			root.setLevel(ch.qos.logback.classic.Level.ERROR);
		}
	}

	/**
	 * The baseline: the acceptance receipt's page drawn straight onto a PDFBox page with the hall's regular font,
	 * laid out as print.css lays out the template (A4, margins 22/20/18/22 mm, 10.5 pt body with 1.5 line height,
	 * tables with 0.5 pt rules), lines broken by measured glyph widths. Headings, table heads and the applicant's name
	 * are in the regular weight (one font, not two). The seal and QR areas are where the template puts them.
	 */
	static final class DirectReceipt implements Producer {

		private static final float MM = StampPlacement.MM;

		private static final PDRectangle A4 = PDRectangle.A4;

		private static final float LEFT = 22 * MM;

		private static final float RIGHT = A4.getWidth() - 20 * MM;

		private static final float WIDTH = RIGHT - LEFT;

		private static final float TOP = A4.getHeight() - 22 * MM;

		private static final float BODY = 10.5f;

		private final AcceptanceReceiptData data;

		private final URI url;

		private final DocumentMetadata metadata;

		/** A FontBox TrueTypeFont is not thread-safe: one parsed font per thread, parsed once, as the renderer pools. */
		private final ThreadLocal<TrueTypeFont> font;

		DirectReceipt(AcceptanceReceiptData data) {
			this.data = data;
			this.url = URI.create(data.verificationUrl());
			this.metadata = new DocumentMetadata(data.documentNo(), data.caseNo(),
					TemplateId.ACCEPTANCE_RECEIPT.title());
			byte[] bytes = SigningFixtures.font();
			this.font = ThreadLocal.withInitial(() -> {
				try {
					return new TTFParser().parse(new RandomAccessReadBuffer(bytes));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}

		@Override
		public Unsigned make() {
			try (PDDocument document = new PDDocument()) {
				PDType0Font type0 = PDType0Font.load(document, this.font.get(), true);
				PDPage page = new PDPage(A4);
				document.addPage(page);
				StampPlacement placement;
				try (PDPageContentStream content = new PDPageContentStream(document, page)) {
					placement = new Drawing(content, type0).receipt(this.data);
				}
				PDDocumentInformation info = document.getDocumentInformation();
				info.setTitle(TemplateId.ACCEPTANCE_RECEIPT.title() + " " + this.data.documentNo());
				info.setSubject(this.data.caseNo());
				info.setAuthor(this.data.issuingAgency());
				info.setProducer(DocumentRenderer.PRODUCER);
				info.setCreator(DocumentRenderer.PRODUCER);
				ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
				document.save(out);
				return new Unsigned(out.toByteArray(), 1, placement, this.url, this.metadata);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		/** One page being drawn, top down. */
		private static final class Drawing {

			private final PDPageContentStream content;

			private final PDType0Font font;

			/** The top of the next block. */
			private float y = TOP;

			Drawing(PDPageContentStream content, PDType0Font font) {
				this.content = content;
				this.font = font;
			}

			StampPlacement receipt(AcceptanceReceiptData d) throws IOException {
				String title = TemplateId.ACCEPTANCE_RECEIPT.title();
				// running header and footer, in the page margins
				this.content.setNonStrokingColor(0.27f);
				text(LEFT, TOP + 3 * MM + 2, 8.5f, title);
				String number = "编号：" + d.documentNo();
				text(RIGHT - width(number, 8.5f), TOP + 3 * MM + 2, 8.5f, number);
				String footer = "第 1 页 共 1 页";
				text(LEFT + (WIDTH - width(footer, 8.5f)) / 2, 18 * MM - 4 * MM - 8.5f, 8.5f, footer);
				this.content.setStrokingColor(0.53f);
				rule(LEFT, TOP + 3 * MM - 1, RIGHT);
				this.content.setNonStrokingColor(0f);
				this.content.setStrokingColor(0f);

				centred(d.issuingAgency(), 12, 1);
				this.y -= 2 * MM;
				centred(title, 18, 2);
				this.y -= 2 * MM;
				float meta = this.y - 9.5f * 1.5f;
				text(LEFT, meta + 3.5f, 9.5f, "办件编号：" + d.caseNo());
				String receiptNo = "回执编号：" + d.documentNo();
				text(RIGHT - width(receiptNo, 9.5f), meta + 3.5f, 9.5f, receiptNo);
				this.y = meta - 4 * MM;

				this.y -= 2 * MM;
				paragraph(d.applicantName() + "：", 0, 0);
				paragraph("您于" + d.acceptedAt() + "申请办理的" + d.serviceName()
						+ "业务，所提交的申请材料齐全、符合法定形式，本中心已予受理。本中心承诺自受理之日起" + d.timeLimit() + "内（即"
						+ d.promisedDate() + "前）作出审批决定，法律法规另有规定的除外。办理期间您可凭本回执及办件编号查询办理进度。",
						2 * BODY, 0);

				heading("一、申请人及受理信息");
				float th = 28 * MM;
				float td = (WIDTH - 2 * th) / 2;
				float[] fields = { th, td, th, td };
				boolean[] shaded = { true, false, true, false };
				row(fields, shaded, 0.96f, false, "申请人", d.applicantName(), "证件号码", d.applicantIdNumber());
				row(fields, shaded, 0.96f, false, "联系电话", d.applicantPhone(), "受理时间", d.acceptedAt());
				row(fields, shaded, 0.96f, false, "受理窗口", d.windowName(), "受理人", d.acceptingOfficer());
				row(fields, shaded, 0.96f, false, "承诺时限", d.timeLimit(), "承诺办结日期", d.promisedDate());
				this.y -= 3 * MM;

				heading("二、已收取的申请材料");
				float[] materials = { 12 * MM, WIDTH - 64 * MM, 32 * MM, 20 * MM };
				boolean[] all = { true, true, true, true };
				row(materials, all, 0.93f, true, "序号", "材料名称", "材料形式", "份数");
				boolean[] none = new boolean[4];
				for (MaterialRow m : d.materials()) {
					row(materials, none, 1f, false, "\t" + m.no(), m.name(), "\t" + m.form(), "\t" + m.copies());
				}
				this.y -= 3 * MM;

				heading("三、温馨提示");
				List<String> tips = List.of("请妥善保管本回执。本回执仅证明申请已被受理，不作为准予贷款的凭证。",
						"审查过程中如需补充材料或核实情况，工作人员将通过您预留的电话与您联系，请保持通讯畅通。",
						"您可拨打服务热线" + d.enquiryPhone() + "、登录本中心网上服务大厅或扫描本回执二维码查询办理进度，也可核验本回执的真伪。",
						"办理地点：" + d.hallAddress() + "。");
				for (int i = 0; i < tips.size(); i++) {
					float top = this.y;
					paragraph(tips.get(i), 0, 2 * BODY);
					String label = (i + 1) + ".";
					text(LEFT + 2 * BODY - 4 - width(label, BODY), top - BODY * 1.5f + 4.4f, BODY, label);
					this.y += 1 * MM; // a list item keeps 1 mm below it, not a paragraph's 2 mm
				}

				// the closing block: QR area left, verification address under it, issuer right, seal area over it
				float closing = this.y - 2 * MM - 4 * MM;
				this.content.setNonStrokingColor(0.2f);
				float small = 8.5f;
				text(LEFT, closing - 26 * MM - small * 1.3f + 2.5f, small, "扫码或访问以下地址核验本回执：");
				text(LEFT, closing - 26 * MM - 2 * small * 1.3f - 2 * MM + 2.5f, small, d.verificationUrl());
				this.content.setNonStrokingColor(0f);
				float issuerCentre = RIGHT - 35 * MM;
				text(issuerCentre - width(d.issuingAgency(), BODY) / 2, closing - 14 * MM - BODY * 1.5f + 4.4f, BODY,
						d.issuingAgency());
				text(issuerCentre - width(d.issueDate(), BODY) / 2,
						closing - 14 * MM - 2 * BODY * 1.5f - 1 * MM + 4.4f, BODY, d.issueDate());
				StampPlacement.Area qr = new StampPlacement.Area(LEFT, closing - 25 * MM, 25 * MM, 25 * MM);
				StampPlacement.Area seal = new StampPlacement.Area(RIGHT - 12.5f * MM - 45 * MM, closing - 45 * MM,
						45 * MM, 45 * MM);
				return new StampPlacement(0, seal, qr);
			}

			private void text(float x, float baseline, float size, String text) throws IOException {
				this.content.beginText();
				this.content.setFont(this.font, size);
				this.content.newLineAtOffset(x, baseline);
				this.content.showText(text);
				this.content.endText();
			}

			private float width(String text, float size) throws IOException {
				return this.font.getStringWidth(text) / 1000 * size;
			}

			private void rule(float x1, float y, float x2) throws IOException {
				this.content.setLineWidth(0.5f);
				this.content.moveTo(x1, y);
				this.content.lineTo(x2, y);
				this.content.stroke();
			}

			/** A centred line with letter spacing, its line box 1.5 × size. */
			private void centred(String text, float size, float spacing) throws IOException {
				float w = width(text, size) + spacing * text.codePointCount(0, text.length());
				this.content.beginText();
				this.content.setFont(this.font, size);
				this.content.setCharacterSpacing(spacing);
				this.content.newLineAtOffset(LEFT + (WIDTH - w) / 2, this.y - size * 1.5f + size * 0.42f);
				this.content.showText(text);
				this.content.setCharacterSpacing(0);
				this.content.endText();
				this.y -= size * 1.5f;
			}

			private void heading(String text) throws IOException {
				this.y -= 4 * MM;
				text(LEFT, this.y - 11 * 1.5f + 4.6f, 11, text);
				this.y -= 11 * 1.5f + 1.5f * MM;
			}

			/** Body text broken into lines of the content width (less {@code inset}), first line indented. */
			private void paragraph(String text, float indent, float inset) throws IOException {
				float leading = BODY * 1.5f;
				List<String> lines = lines(text, WIDTH - inset, indent, BODY);
				this.content.beginText();
				this.content.setFont(this.font, BODY);
				this.content.setLeading(leading);
				this.content.newLineAtOffset(LEFT + inset + indent, this.y - leading + 4.4f);
				for (int i = 0; i < lines.size(); i++) {
					if (i == 1) {
						this.content.newLineAtOffset(-indent, -leading);
					}
					else if (i > 1) {
						this.content.newLine();
					}
					this.content.showText(lines.get(i));
				}
				this.content.endText();
				this.y -= lines.size() * leading + 2 * MM;
			}

			/** Greedy line breaking between any two characters, by the glyphs' advance widths. */
			private List<String> lines(String text, float width, float indent, float size) throws IOException {
				List<String> lines = new ArrayList<>();
				float room = width - indent;
				float used = 0;
				int from = 0;
				for (int i = 0; i < text.length();) {
					int cp = text.codePointAt(i);
					int next = i + Character.charCount(cp);
					float w = width(text.substring(i, next), size);
					if (used + w > room && i > from) {
						lines.add(text.substring(from, i));
						from = i;
						used = 0;
						room = width;
					}
					used += w;
					i = next;
				}
				lines.add(text.substring(from));
				return lines;
			}

			/**
			 * A table row of one line per cell: padding 0.8 mm × 2 mm, 0.5 pt rules; shaded cells filled with grey
			 * {@code shade}; a cell starting with a tab, or every cell of a {@code centred} row, centred.
			 */
			private void row(float[] widths, boolean[] shaded, float shade, boolean centred, String... cells)
					throws IOException {
				float height = BODY * 1.5f + 1.6f * MM;
				float bottom = this.y - height;
				float x = LEFT;
				for (int c = 0; c < cells.length; c++) {
					if (shaded[c]) {
						this.content.setNonStrokingColor(shade);
						this.content.addRect(x, bottom, widths[c], height);
						this.content.fill();
						this.content.setNonStrokingColor(0f);
					}
					x += widths[c];
				}
				this.content.setLineWidth(0.5f);
				this.content.addRect(LEFT, bottom, WIDTH, height);
				x = LEFT;
				for (int c = 0; c < cells.length - 1; c++) {
					x += widths[c];
					this.content.moveTo(x, bottom);
					this.content.lineTo(x, this.y);
				}
				this.content.stroke();
				x = LEFT;
				for (int c = 0; c < cells.length; c++) {
					String cell = cells[c];
					boolean centre = centred || cell.startsWith("\t");
					cell = cell.strip();
					float tx = centre ? x + (widths[c] - width(cell, BODY)) / 2 : x + 2 * MM;
					text(tx, bottom + 0.8f * MM + 4.4f, BODY, cell);
					x += widths[c];
				}
				this.y = bottom;
			}

		}

	}

}
