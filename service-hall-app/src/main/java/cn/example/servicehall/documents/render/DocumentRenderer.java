package cn.example.servicehall.documents.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TimeZone;
import java.util.regex.Pattern;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PagePosition;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.render.Box;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.stereotype.Component;

/**
 * Renders a document: fills the template of a {@link TemplateId} with its record ({@code doc}) and lays it out as
 * a PDF with the hall's embedded CJK font subsets.
 *
 * <ol>
 * <li>Every string of the record is checked first: {@code null} is refused, and so is any character the font cannot
 * print ({@link MissingGlyphException}), which openhtmltopdf would otherwise print as "#" without a word.</li>
 * <li>Thymeleaf in XML mode fills the template ({@code th:text}, {@code th:each}, {@code th:if}); its engine and
 * template resolver ({@code document-templates/} on the classpath, cached) are this class's own, apart from Spring
 * MVC's, so a malformed template fails at once.</li>
 * <li>openhtmltopdf lays the XHTML out on PDFBox in fast mode with Noto Sans SC registered under the family name
 * of print.css ({@value HallFonts#FAMILY}, weights 400 and 700) and, for a document holding a character of CJK
 * extensions B to F that Noto lacks, the extension font under the fallback family of print.css
 * ({@value HallFonts#EXTENSION_FAMILY}, serving both weights); openhtmltopdf picks the first family that has each
 * glyph. Fonts are embedded as subsets. The stylesheets resolve against the template's classpath URL.</li>
 * <li>The PDF gets its title (document title and number), subject (case number), author (issuing agency) and
 * producer ({@value #PRODUCER}); the boxes of {@code #seal-area} and {@code #qr-area} are reported so that the seal
 * and QR code can be stamped there. PDF/A is not produced.</li>
 * </ol>
 * The fonts' character sets are computed once; parsed fonts are pooled, each lent to one render at a time, so the
 * renderer may be called from any number of threads at once ({@link HallFonts}).
 */
@Component
public class DocumentRenderer {

	/** The PDF producer of every document. */
	public static final String PRODUCER = "Service Hall";

	private static final Pattern STAMP_AREAS = Pattern.compile("seal-area|qr-area");

	private final ClassLoader classLoader;

	private final HallFonts fonts;

	private final SpringTemplateEngine templates;

	/** A renderer reading templates and fonts through this class's class loader; usable without Spring. */
	public DocumentRenderer() {
		this(DocumentRenderer.class.getClassLoader());
	}

	DocumentRenderer(ClassLoader classLoader) {
		OpenHtmlToPdfLogging.route();
		this.classLoader = classLoader;
		this.fonts = new HallFonts(classLoader);
		this.templates = templateEngine(classLoader);
	}

	/**
	 * The PDF of {@code data} in the layout of {@code template}.
	 * @throws IllegalArgumentException if {@code data} is not the template's record or holds a {@code null}
	 * @throws MissingGlyphException if a value holds a character the font cannot print
	 */
	public byte[] renderPdf(DocumentTemplate template, DocumentData data) {
		return render(template, data).pdf();
	}

	/**
	 * The PDF of {@code data} in the layout of {@code template}, with the places of the seal and the QR code.
	 * @throws IllegalArgumentException if {@code data} is not the template's record or holds a {@code null}
	 * @throws MissingGlyphException if a value holds a character the font cannot print
	 */
	@SuppressWarnings("deprecation") // useFastMode(): the default since openhtmltopdf 1.1, deprecated, kept explicit
	public RenderedDocument render(DocumentTemplate template, DocumentData data) {
		String xhtml = fill(template, data);
		URL base = this.classLoader.getResource(template.resource());
		HallFonts.Lent lent = this.fonts.borrow(this.fonts.needsExtension(xhtml));
		try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024)) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.usePDDocument(pdf);
			builder.useFont(new PDFontSupplier(PDType0Font.load(pdf, lent.regular(), true)), HallFonts.FAMILY, 400,
					FontStyle.NORMAL, true);
			builder.useFont(new PDFontSupplier(PDType0Font.load(pdf, lent.bold(), true)), HallFonts.FAMILY, 700,
					FontStyle.NORMAL, true);
			if (lent.extension() != null) {
				// one weight serves both: openhtmltopdf falls back to it, glyph by glyph, for what Noto lacks
				PDFontSupplier extension = new PDFontSupplier(PDType0Font.load(pdf, lent.extension(), true));
				builder.useFont(extension, HallFonts.EXTENSION_FAMILY, 400, FontStyle.NORMAL, true);
				builder.useFont(extension, HallFonts.EXTENSION_FAMILY, 700, FontStyle.NORMAL, true);
			}
			builder.withHtmlContent(xhtml, base.toExternalForm());
			builder.withProducer(PRODUCER);
			Optional<PageArea> seal;
			Optional<PageArea> qr;
			try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
				renderer.layout();
				renderer.createPDFWithoutClosing();
				List<PagePosition<Box>> areas = renderer.findPagePositionsByID(STAMP_AREAS);
				seal = area(areas, "seal-area");
				qr = area(areas, "qr-area");
			}
			describe(pdf, template, data);
			int pages = pdf.getNumberOfPages();
			pdf.save(out);
			return new RenderedDocument(template, out.toByteArray(), pages, seal, qr);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot render " + template + " for case " + data.caseNo(), ex);
		}
		finally {
			this.fonts.giveBack(lent);
		}
	}

	/**
	 * The filled template as XHTML, before layout: what openhtmltopdf reads. Checks {@code data} as
	 * {@link #render} does.
	 */
	public String fill(DocumentTemplate template, DocumentData data) {
		Objects.requireNonNull(template, "template");
		Objects.requireNonNull(data, "data");
		if (!template.dataType().isInstance(data)) {
			throw new IllegalArgumentException(template + " reads " + template.dataType().getSimpleName() + ", not "
					+ data.getClass().getSimpleName());
		}
		checkValues(template, data, "", data);
		return this.templates.process(template.path(), new Context(null, Map.of("doc", data)));
	}

	/** Whether the document fonts can print {@code codePoint}, in regular and bold alike. */
	public boolean canPrint(int codePoint) {
		return this.fonts.canPrint(codePoint);
	}

	/**
	 * The first code point of {@code text} the document fonts cannot print, or -1. Tabs and line breaks count as
	 * spaces.
	 */
	public int firstUnprintable(String text) {
		return this.fonts.firstUnprintable(text);
	}

	HallFonts fonts() {
		return this.fonts;
	}

	/** Every string of {@code value} (a record, list or string) is present and printable. */
	private void checkValues(DocumentTemplate template, DocumentData data, String path, Object value) {
		if (value == null) {
			throw new IllegalArgumentException(
					"field " + path + " of " + data.getClass().getSimpleName() + " must not be null (use \"\" or "
							+ "\"无\" for nothing) in " + template + " for case " + data.caseNo());
		}
		if (value instanceof String text) {
			int codePoint = this.fonts.firstUnprintable(text);
			if (codePoint >= 0) {
				throw new MissingGlyphException(template, path, text, codePoint);
			}
		}
		else if (value instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				checkValues(template, data, path + "[" + i + "]", list.get(i));
			}
		}
		else if (value instanceof Record record) {
			for (RecordComponent component : record.getClass().getRecordComponents()) {
				Object componentValue;
				try {
					componentValue = component.getAccessor().invoke(record);
				}
				catch (ReflectiveOperationException ex) {
					throw new IllegalStateException("cannot read " + component, ex);
				}
				checkValues(template, data, path.isEmpty() ? component.getName() : path + "." + component.getName(),
						componentValue);
			}
		}
		else {
			throw new IllegalArgumentException("field " + path + " of " + data.getClass().getSimpleName()
					+ " must be a String, a record or a list, was " + value.getClass().getName());
		}
	}

	private static void describe(PDDocument pdf, DocumentTemplate template, DocumentData data) {
		PDDocumentInformation info = pdf.getDocumentInformation();
		info.setTitle(template.title() + " " + data.documentNo());
		info.setSubject(data.caseNo());
		info.setAuthor(data.issuingAgency());
		info.setProducer(PRODUCER);
		info.setCreator(PRODUCER);
		Calendar now = Calendar.getInstance(TimeZone.getTimeZone("Asia/Shanghai"));
		info.setCreationDate(now);
		info.setModificationDate(now);
	}

	private static Optional<PageArea> area(List<PagePosition<Box>> positions, String id) {
		return positions.stream()
			.filter((position) -> id.equals(position.getId()))
			.reduce((first, second) -> second)
			.map((p) -> new PageArea(p.getPageNo(), p.getX(), p.getY(), p.getWidth(), p.getHeight()));
	}

	private static SpringTemplateEngine templateEngine(ClassLoader classLoader) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(classLoader);
		resolver.setPrefix(TemplateId.ROOT);
		resolver.setSuffix("");
		resolver.setTemplateMode(TemplateMode.XML);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		resolver.setCheckExistence(true);
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		engine.setEnableSpringELCompiler(true);
		return engine;
	}

}
