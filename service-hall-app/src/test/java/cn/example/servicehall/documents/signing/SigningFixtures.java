package cn.example.servicehall.documents.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.stream.Stream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import static org.assertj.core.api.Assertions.fail;

import cn.example.servicehall.support.PdfTools;

/** Shared by the signing tests: the seal's CJK font, sample PDFs, the poppler and NSS tools, one set of dev keys. */
final class SigningFixtures {

	static final String FONT = "document-templates/fonts/NotoSansSC-Regular-Seal.ttf";

	static final Clock CLOCK = Clock.system(ZoneId.of("Asia/Shanghai"));

	private static byte[] font;

	private static Path sharedKeys;

	private SigningFixtures() {
	}

	/** The hall's CJK font from the classpath (document-templates); a test without it fails. */
	static synchronized byte[] font() {
		if (font == null) {
			try (InputStream in = SigningFixtures.class.getClassLoader().getResourceAsStream(FONT)) {
				if (in == null) {
					fail("The CJK font " + FONT + " is not on the test classpath: the seal needs it "
							+ "(document-templates/src/main/resources/" + FONT + ")");
				}
				font = in.readAllBytes();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return font;
	}

	/** Development keys in a temporary directory, created once per test run and shared by the test classes. */
	static synchronized Path sharedKeyDirectory() {
		if (sharedKeys == null) {
			try {
				sharedKeys = Files.createTempDirectory("servicehall-signing-keys");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			Path dir = sharedKeys;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(dir)));
		}
		return sharedKeys;
	}

	static DocumentSigningSettings settings(Path keyDirectory) {
		return DocumentSigningSettings.development(keyDirectory);
	}

	static AgencyKeys keys(Path keyDirectory) {
		return new AgencyKeys(settings(keyDirectory), CLOCK);
	}

	static DocumentFinisher finisher(AgencyKeys keys, Path keyDirectory) {
		return new DocumentFinisher(keys, settings(keyDirectory), new SealStamp(font()), new QrStamp(), CLOCK);
	}

	/** Stand-in for the renderer's output: A4 pages of Chinese text, the seal and QR areas left empty. */
	static byte[] samplePdf(int pages) {
		try (PDDocument document = new PDDocument()) {
			PDType0Font type0 = PDType0Font.load(document, new java.io.ByteArrayInputStream(font()), true);
			for (int p = 1; p <= pages; p++) {
				PDPage page = new PDPage(PDRectangle.A4);
				document.addPage(page);
				try (PDPageContentStream content = new PDPageContentStream(document, page)) {
					content.beginText();
					content.setFont(type0, 16);
					content.newLineAtOffset(72, 760);
					content.showText("住房公积金个人住房贷款借款合同");
					content.setFont(type0, 11);
					content.setLeading(18);
					for (int line = 0; line < 30; line++) {
						content.newLine();
						content.showText("第" + p + "页 第" + (line + 1) + "条 借款人张三，贷款金额人民币¥300,000.00元（叁拾万元整）。");
					}
					content.newLine();
					content.showText("第 " + p + " 页 共 " + pages + " 页");
					content.endText();
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static DocumentMetadata metadata(Agency agency) {
		return new DocumentMetadata("JZ-HT-2026-" + agency.ordinal() + "0001", "DK2026112300001",
				"住房公积金个人住房贷款借款合同");
	}

	static java.net.URI verificationUrl(String documentNumber) {
		return java.net.URI.create("https://gjj.jiaozuo.example.cn/verify/" + documentNumber + "?k=Zx81");
	}

	static PdfTools.ToolResult pdfsig(Path pdf, String... options) {
		return PdfTools.pdfsig(pdf, options);
	}

	static String pdftotext(Path pdf) {
		return PdfTools.text(pdf);
	}

	/** An NSS database trusting the development CA, for {@code pdfsig -nssdir}. */
	static Path nssDatabase(Path directory, Path caPem) {
		return PdfTools.nssDatabase(directory, caPem);
	}

	static Instant now() {
		return CLOCK.instant();
	}

	static void deleteRecursively(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ex) {
			// best effort
		}
	}

}
