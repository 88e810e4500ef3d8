package cn.example.servicehall.documenttemplates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/**
 * The templates check themselves (conventions §6): every template is well-formed XHTML with the seal and QR areas
 * and only the Thymeleaf attributes a template may use; every stylesheet, font and image a template or stylesheet
 * names is on the classpath; the fonts are TrueType with glyf outlines and ship with their licence.
 */
class TemplateFilesTest {

	static final String ROOT = "document-templates/";

	static final String XHTML = "http://www.w3.org/1999/xhtml";

	static final String THYMELEAF = "http://www.thymeleaf.org";

	static final String FONT_FAMILY = "Noto Sans SC Hall";

	/** The fallback family, for the hanzi of CJK extensions B to F that Noto Sans SC lacks. */
	static final String EXTENSION_FAMILY = "Hall Hanzi Ext";

	/** One template per document the hall issues; a new template is added here and to the app's TemplateId. */
	static final List<String> TEMPLATES = List.of("intake/acceptance-receipt.xhtml",
			"intake/missing-materials-notice.xhtml", "intake/completion-receipt.xhtml",
			"intake/refusal-receipt.xhtml", "loan/loan-contract.xhtml",
			"loan/iou.xhtml", "loan/disbursement-notice.xhtml", "withdrawal/withdrawal-receipt.xhtml",
			"withdrawal/account-closing-certificate.xhtml", "withdrawal/offset-agreement.xhtml");

	static final List<String> FONTS = List.of("fonts/NotoSansSC-Regular-Hall.ttf", "fonts/NotoSansSC-Bold-Hall.ttf",
			"fonts/HallHanziExt-Regular.ttf", "fonts/NotoSansSC-Regular-Seal.ttf");

	private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?([^'\")]+)['\"]?\\s*\\)");

	private static final Pattern CSS_IMPORT = Pattern.compile("@import\\s+['\"]([^'\"]+)['\"]");

	private static Path root;

	@BeforeAll
	static void findTheResourceFolder() throws URISyntaxException {
		URL url = TemplateFilesTest.class.getClassLoader().getResource(ROOT + "css/print.css");
		assertThat(url).as("document-templates/css/print.css on the test classpath").isNotNull();
		assertThat(url.getProtocol()).as("the module's resources are a folder while its own tests run").isEqualTo("file");
		root = Path.of(url.toURI()).getParent().getParent();
	}

	static List<String> templates() {
		return TEMPLATES;
	}

	@Test
	void listsEveryTemplateInTheModule() throws IOException {
		try (Stream<Path> files = Files.walk(root)) {
			List<String> found = files.filter((f) -> f.toString().endsWith(".xhtml"))
				.map((f) -> root.relativize(f).toString().replace('\\', '/'))
				.toList();
			assertThat(found).containsExactlyInAnyOrderElementsOf(TEMPLATES);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("templates")
	@DisplayName("模板是格式良好的 XHTML")
	void isWellFormedXhtml(String template) throws Exception {
		Document document = parse(template);
		Element html = document.getDocumentElement();
		assertThat(html.getNamespaceURI()).isEqualTo(XHTML);
		assertThat(html.getLocalName()).isEqualTo("html");
		assertThat(html.getAttribute("lang")).isEqualTo("zh-CN");
		NodeList titles = document.getElementsByTagNameNS(XHTML, "title");
		assertThat(titles.getLength()).isEqualTo(1);
		assertThat(titles.item(0).getTextContent()).isNotBlank();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("templates")
	@DisplayName("模板留有印章区和二维码区")
	void leavesTheSealAndQrAreasEmpty(String template) throws Exception {
		Document document = parse(template);
		for (String id : List.of("seal-area", "qr-area")) {
			List<Element> areas = elementsWithId(document, id);
			assertThat(areas).as("elements with id %s in %s", id, template).hasSize(1);
			Element area = areas.get(0);
			assertThat(area.getLocalName()).isEqualTo("div");
			assertThat(area.getChildNodes().getLength()).as("#%s is left empty", id).isZero();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("templates")
	@DisplayName("模板只用 th:text、th:each、th:if")
	void usesOnlyTextEachAndIf(String template) throws Exception {
		Document document = parse(template);
		Set<String> used = new LinkedHashSet<>();
		NodeList all = document.getElementsByTagNameNS("*", "*");
		for (int i = 0; i < all.getLength(); i++) {
			NamedNodeMap attributes = all.item(i).getAttributes();
			for (int a = 0; a < attributes.getLength(); a++) {
				Attr attribute = (Attr) attributes.item(a);
				if (THYMELEAF.equals(attribute.getNamespaceURI())) {
					used.add(attribute.getLocalName());
					assertThat(attribute.getValue()).as("th:%s in %s", attribute.getLocalName(), template)
						.contains("${");
				}
			}
		}
		assertThat(used).isNotEmpty().isSubsetOf("text", "each", "if");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("templates")
	@DisplayName("模板引用的样式表、字体和图片都存在")
	void namesOnlyResourcesThatExist(String template) throws Exception {
		Document document = parse(template);
		List<String> references = new ArrayList<>();
		NodeList links = document.getElementsByTagNameNS(XHTML, "link");
		for (int i = 0; i < links.getLength(); i++) {
			references.add(((Element) links.item(i)).getAttribute("href"));
		}
		for (String tag : List.of("img", "script", "object")) {
			NodeList elements = document.getElementsByTagNameNS(XHTML, tag);
			for (int i = 0; i < elements.getLength(); i++) {
				Element element = (Element) elements.item(i);
				references.add(element.hasAttribute("src") ? element.getAttribute("src") : element.getAttribute("data"));
			}
		}
		NodeList all = document.getElementsByTagNameNS("*", "*");
		for (int i = 0; i < all.getLength(); i++) {
			references.addAll(cssReferences(((Element) all.item(i)).getAttribute("style")));
		}
		NodeList styles = document.getElementsByTagNameNS(XHTML, "style");
		for (int i = 0; i < styles.getLength(); i++) {
			references.addAll(cssReferences(styles.item(i).getTextContent()));
		}
		assertThat(references).as("the stylesheets of %s", template).contains("../css/print.css");
		for (String reference : references) {
			assertOnClasspath(template, reference);
		}
	}

	@Test
	@DisplayName("样式表引用的字体和图片都存在")
	void stylesheetsNameOnlyResourcesThatExist() throws IOException {
		try (Stream<Path> files = Files.walk(root)) {
			for (Path css : files.filter((f) -> f.toString().endsWith(".css")).toList()) {
				String name = root.relativize(css).toString().replace('\\', '/');
				for (String reference : cssReferences(Files.readString(css))) {
					assertOnClasspath(name, reference);
				}
			}
		}
	}

	@Test
	@DisplayName("print.css 处处使用已注册的中文字体")
	void printCssNamesTheHallFontEverywhere() throws IOException {
		String css = Files.readString(root.resolve("css/print.css"));
		String withoutComments = css.replaceAll("(?s)/\\*.*?\\*/", "");
		Matcher families = Pattern.compile("font-family\\s*:\\s*([^;]+);").matcher(withoutComments);
		int count = 0;
		while (families.find()) {
			count++;
			assertThat(families.group(1).trim()).startsWith("\"" + FONT_FAMILY + "\", \"" + EXTENSION_FAMILY + "\"");
		}
		assertThat(count).isGreaterThan(3);
		for (String marginBox : List.of("@top-center", "@bottom-center")) {
			int at = withoutComments.indexOf(marginBox);
			assertThat(at).as(marginBox).isPositive();
			String block = withoutComments.substring(at, withoutComments.indexOf('}', at));
			assertThat(block).as(marginBox).contains("font-family: \"" + FONT_FAMILY + "\", \"" + EXTENSION_FAMILY + "\"");
		}
		assertThat(withoutComments).contains("counter(page)", "counter(pages)", "size: A4",
				"-fs-table-paginate: paginate");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fonts")
	@DisplayName("字体是带 glyf 轮廓的 TrueType 字体")
	void fontsAreTrueTypeWithGlyfOutlines(String font) throws IOException {
		byte[] bytes = Files.readAllBytes(root.resolve(font));
		ByteBuffer buffer = ByteBuffer.wrap(bytes);
		int sfntVersion = buffer.getInt(0);
		assertThat(sfntVersion).as("sfnt version 0x00010000 (TrueType), not 'OTTO' (CFF)").isEqualTo(0x00010000);
		int numTables = Short.toUnsignedInt(buffer.getShort(4));
		Set<String> tags = new LinkedHashSet<>();
		for (int i = 0; i < numTables; i++) {
			byte[] tag = new byte[4];
			buffer.get(12 + 16 * i, tag);
			tags.add(new String(tag, StandardCharsets.US_ASCII));
		}
		assertThat(tags).contains("glyf", "loca", "cmap", "head", "hmtx", "name").doesNotContain("CFF ", "CFF2");
		assertThat(bytes.length).as("a subset, not the original (Noto Sans SC 10.6 MB, HanaMinB 30.7 MB)")
			.isLessThan(font.contains("Ext") ? 30_700_000 : font.contains("Seal") ? 3_000_000 : 10_500_000);
	}

	static List<String> fonts() {
		return FONTS;
	}

	@Test
	@DisplayName("字体随附许可证和说明")
	void fontsShipWithTheirLicence() throws IOException {
		String licence = Files.readString(root.resolve("fonts/OFL.txt"));
		assertThat(licence).contains("SIL OPEN FONT LICENSE Version 1.1");
		String hanazono = Files.readString(root.resolve("fonts/Hanazono-LICENSE.txt"));
		assertThat(hanazono).contains("Hanazono Font License", "Unlimited permission is granted to use, copy, and distribute");
		String readme = Files.readString(root.resolve("fonts/README.md"));
		assertThat(readme).contains("@expo-google-fonts/noto-sans-sc@0.4.3", "fonts-hanazono", "pyftsubset", "OFL",
				"Hanazono Font License", "GB 18030-2022");
	}

	private static Document parse(String template) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
		factory.setExpandEntityReferences(false);
		DocumentBuilder builder = factory.newDocumentBuilder();
		try (InputStream in = TemplateFilesTest.class.getClassLoader().getResourceAsStream(ROOT + template)) {
			assertThat(in).as(ROOT + template).isNotNull();
			return builder.parse(in, ROOT + template);
		}
	}

	private static List<Element> elementsWithId(Document document, String id) {
		List<Element> found = new ArrayList<>();
		NodeList all = document.getElementsByTagNameNS("*", "*");
		for (int i = 0; i < all.getLength(); i++) {
			Element element = (Element) all.item(i);
			if (id.equals(element.getAttribute("id"))) {
				found.add(element);
			}
		}
		return found;
	}

	private static List<String> cssReferences(String css) {
		List<String> references = new ArrayList<>();
		for (Pattern pattern : List.of(CSS_URL, CSS_IMPORT)) {
			Matcher matcher = pattern.matcher(css);
			while (matcher.find()) {
				references.add(matcher.group(1).trim());
			}
		}
		return references;
	}

	/** {@code reference}, relative to {@code from} (both under {@link #ROOT}), is a resource on the classpath. */
	private static void assertOnClasspath(String from, String reference) {
		assertThat(reference).as("a reference in %s", from).isNotBlank();
		URI uri = URI.create(reference);
		assertThat(uri.getScheme()).as("%s in %s must be a relative path: documents render offline", reference, from)
			.isNull();
		String resolved = URI.create(from).resolve(uri).normalize().getPath();
		assertThat(resolved).as("%s in %s stays inside document-templates/", reference, from).doesNotStartWith("..");
		assertThat(TemplateFilesTest.class.getClassLoader().getResource(ROOT + resolved))
			.as("%s (named in %s as %s) on the classpath", ROOT + resolved, from, reference)
			.isNotNull();
	}

}
