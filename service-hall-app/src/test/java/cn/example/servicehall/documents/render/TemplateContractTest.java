package cn.example.servicehall.documents.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import cn.example.servicehall.documents.AmountInWords;
import cn.example.servicehall.documents.render.Poppler.Word;

/**
 * Field names are a contract (conventions §6): each template uses exactly the fields of its record, none unknown and
 * none unused; its title is its {@link TemplateId}'s; every character it prints is in the font. And the rendered
 * sample reads right: the real {@code pdftotext} finds the title, names and amounts (in figures and in 大写), the
 * real {@code pdffonts} lists only the hall's font, embedded as a subset.
 */
class TemplateContractTest {

	static final String THYMELEAF = "http://www.thymeleaf.org";

	static final String XHTML = "http://www.w3.org/1999/xhtml";

	/** {@code row : ${doc.borrowers}} */
	static final Pattern EACH = Pattern.compile("^\\s*(\\w+)\\s*(?:,\\s*\\w+\\s*)?:\\s*\\$\\{\\s*([\\w.]+)\\s*}\\s*$");

	/** {@code doc.lender.name}, {@code row.period}: a variable and its properties. */
	static final Pattern REFERENCE = Pattern.compile("(?<![\\w.'])([a-zA-Z]\\w*)((?:\\.\\w+)+)");

	/** The subset prefix, the font name, its type, encoding and the emb, sub, uni flags, the object. */
	static final Pattern FONT_LINE = Pattern
		.compile("^([A-Z]{6})\\+(\\S+)\\s+(.+?)\\s+(\\S+)\\s+(yes|no)\\s+(yes|no)\\s+(yes|no)\\s+\\d+\\s+\\d+\\s*$");

	static DocumentRenderer renderer;

	static final Map<TemplateId, RenderedDocument> RENDERED = new EnumMap<>(TemplateId.class);

	@TempDir
	static Path folder;

	@BeforeAll
	static void createRenderer() {
		renderer = new DocumentRenderer();
	}

	/** The sample of {@code id}, rendered once; rendered lazily so that a broken template fails only its tests. */
	static RenderedDocument rendered(TemplateId id) {
		return RENDERED.computeIfAbsent(id, (key) -> renderer.render(key, SampleDocuments.of(key)));
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(TemplateId.class)
	@DisplayName("模板字段与数据记录一一对应")
	void usesExactlyTheFieldsOfItsRecord(TemplateId id) throws Exception {
		Document template = parse(id);
		Set<String> used = new LinkedHashSet<>();
		List<String> problems = new ArrayList<>();
		walk(template.getDocumentElement(), Map.of("doc", id.dataType()), used, problems);

		assertThat(problems).as("unknown or misused fields in %s", id.path()).isEmpty();
		assertThat(unused(id.dataType(), used)).as("fields of %s that %s never uses", id.dataType().getSimpleName(),
				id.path())
			.isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(TemplateId.class)
	@DisplayName("模板标题即文书标题")
	void carriesTheTitleOfItsTemplateId(TemplateId id) throws Exception {
		Document template = parse(id);
		assertThat(template.getElementsByTagNameNS(XHTML, "title").item(0).getTextContent()).isEqualTo(id.title());
		assertThat(template.getElementsByTagNameNS(XHTML, "h1").item(0).getTextContent()).isEqualTo(id.title());
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(TemplateId.class)
	@DisplayName("模板中的每个字都在字体里")
	void printsOnlyCharactersOfTheFont(TemplateId id) throws Exception {
		String filled = renderer.fill(id, SampleDocuments.of(id));
		Document document = DocumentBuilderFactory.newDefaultInstance()
			.newDocumentBuilder()
			.parse(new org.xml.sax.InputSource(new java.io.StringReader(filled)));
		String text = document.getDocumentElement().getTextContent();
		Set<String> missing = new LinkedHashSet<>();
		text.codePoints()
			.filter((c) -> !Character.isWhitespace(c) && !renderer.canPrint(c))
			.forEach((c) -> missing.add(Character.toString(c) + " U+" + Integer.toHexString(c)));
		assertThat(missing).as("characters of %s the font cannot print", id.path()).isEmpty();
		assertThat(filled).as("no Thymeleaf attribute is left over").doesNotContainPattern("\\sth:\\w+=")
			.doesNotContain("xmlns:th");
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(TemplateId.class)
	@DisplayName("PDF 中可读出标题、姓名和金额（含大写）")
	void readsTheTitleNamesAndAmounts(TemplateId id) {
		RenderedDocument document = rendered(id);
		String text = Poppler.normalise(Poppler.textLayout(Poppler.write(folder, id + ".pdf", document.pdf())));
		DocumentData data = SampleDocuments.of(id);

		List<String> expected = new ArrayList<>(List.of(id.title(), data.documentNo(), data.caseNo(),
				data.issuingAgency(), data.issueDate(), data.verificationUrl()));
		expected.addAll(namesAndAmounts(id));
		expected.add("第1页共" + document.pageCount() + "页");
		expected.add("第" + document.pageCount() + "页共" + document.pageCount() + "页");
		for (String value : expected) {
			assertThat(text).as("pdftotext -layout of %s", id).contains(Poppler.normalise(value));
		}
		assertThat(text).as("no character printed as # (missing glyph)").doesNotContain("#");
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(TemplateId.class)
	@DisplayName("PDF 中可读出数据记录的每个值")
	void readsEveryValueOfTheRecord(TemplateId id) {
		String text = Poppler.normalise(Poppler.textRaw(Poppler.write(folder, id + "-raw.pdf", rendered(id).pdf())));
		for (String value : strings(SampleDocuments.of(id))) {
			assertThat(text).as("pdftotext -raw of %s", id).contains(Poppler.normalise(value));
		}
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(TemplateId.class)
	@DisplayName("字体以子集方式嵌入")
	void embedsOnlyTheHallFontAsASubset(TemplateId id) {
		List<String> fonts = Poppler.fonts(Poppler.write(folder, id + "-fonts.pdf", rendered(id).pdf()));
		assertThat(fonts).as("pdffonts of %s", id).isNotEmpty();
		Set<String> names = new LinkedHashSet<>();
		for (String line : fonts) {
			Matcher font = FONT_LINE.matcher(line);
			assertThat(font.matches()).as("an embedded subset font (ABCDEF+Name …): %s", line).isTrue();
			assertThat(font.group(2)).startsWith("NotoSansSC-");
			assertThat(font.group(3)).isEqualTo("CID TrueType");
			assertThat(font.group(5)).as("emb in: %s", line).isEqualTo("yes");
			assertThat(font.group(6)).as("sub in: %s", line).isEqualTo("yes");
			assertThat(font.group(7)).as("uni in: %s", line).isEqualTo("yes");
			names.add(font.group(2));
		}
		assertThat(names).contains("NotoSansSC-Regular");
	}

	@Test
	@DisplayName("借款合同不少于三页")
	void printsTheContractOnSeveralPages() {
		RenderedDocument contract = rendered(TemplateId.LOAN_CONTRACT);
		assertThat(contract.pageCount()).isGreaterThanOrEqualTo(3);
		String text = Poppler.textLayout(Poppler.write(folder, "contract-pages.pdf", contract.pdf()));
		assertThat(text.chars().filter((c) -> c == '\f').count()).as("form feeds: one per page")
			.isEqualTo(contract.pageCount());
		String normalised = Poppler.normalise(text);
		for (String clause : List.of("第一条借款用途", "第四条借款利率", "次年1月1日", "第七条提前还款", "第八条抵押", "第九条保证",
				"第十一条违约责任", "罚息", "第十二条争议解决", "签署页")) {
			assertThat(normalised).contains(clause);
		}
	}

	@Test
	@DisplayName("收据类文书只有一页")
	void printsTheReceiptsOnOnePage() {
		for (TemplateId id : List.of(TemplateId.ACCEPTANCE_RECEIPT, TemplateId.MISSING_MATERIALS_NOTICE,
				TemplateId.COMPLETION_RECEIPT, TemplateId.REFUSAL_RECEIPT, TemplateId.IOU, TemplateId.DISBURSEMENT_NOTICE,
				TemplateId.WITHDRAWAL_RECEIPT, TemplateId.ACCOUNT_CLOSING_CERTIFICATE, TemplateId.OFFSET_AGREEMENT)) {
			assertThat(rendered(id).pageCount()).as("pages of the sample %s", id).isEqualTo(1);
		}
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(TemplateId.class)
	@DisplayName("印章不压字：出具机构署名、日期和其他文字都在印章之外")
	void leavesTheSealAreaFreeOfText(TemplateId id) {
		RenderedDocument document = rendered(id);
		PageArea seal = document.sealArea().orElseThrow();
		Path pdf = Poppler.write(folder, id + "-bbox.pdf", document.pdf());
		List<Word> words = Poppler.words(pdf, seal.pageIndex() + 1);
		DocumentData data = SampleDocuments.of(id);
		assertThat(words).as("the issuer's name and the date on the seal's page of %s", id)
			.anyMatch((w) -> w.text().contains(data.issuingAgency()))
			.anyMatch((w) -> w.text().contains(data.issueDate()));
		assertThat(words).as("words of %s under the seal (%s)", id, seal)
			.filteredOn((w) -> w.overlaps(seal))
			.isEmpty();
	}

	/** The names and amounts a reader must find, in figures and in words, per template. */
	private static List<String> namesAndAmounts(TemplateId id) {
		String loanWords = AmountInWords.of(new java.math.BigDecimal("600000"));
		return switch (id) {
			case ACCEPTANCE_RECEIPT -> List.of(SampleDocuments.BORROWER);
			case MISSING_MATERIALS_NOTICE -> List.of(SampleDocuments.BORROWER, SampleDocuments.CO_BORROWER,
					SampleDocuments.SELLER);
			case COMPLETION_RECEIPT -> List.of(SampleDocuments.BORROWER, SampleDocuments.LOAN_AMOUNT, loanWords);
			case REFUSAL_RECEIPT -> List.of(SampleDocuments.BORROWER, "房龄与贷款期限之和 50 年，超过本市上限 40 年");
			case LOAN_CONTRACT -> List.of(SampleDocuments.BORROWER, SampleDocuments.CO_BORROWER, SampleDocuments.SELLER,
					SampleDocuments.LOAN_AMOUNT, loanWords, "人民币陆拾万元整", "¥600,000.00", "3,208.73", "770,094.63",
					"170,094.63", "2.60%", "3.90%");
			case IOU -> List.of(SampleDocuments.BORROWER, SampleDocuments.CO_BORROWER, SampleDocuments.SELLER,
					SampleDocuments.LOAN_AMOUNT, loanWords, "¥600,000.00");
			case DISBURSEMENT_NOTICE -> List.of(SampleDocuments.BORROWER, SampleDocuments.CO_BORROWER,
					SampleDocuments.SELLER, SampleDocuments.LOAN_AMOUNT, loanWords);
			case WITHDRAWAL_RECEIPT -> List.of(SampleDocuments.BORROWER, "85,320.50", "人民币捌万伍仟叁佰贰拾元伍角",
					"¥85,320.50");
			case ACCOUNT_CLOSING_CERTIFICATE -> List.of(SampleDocuments.BORROWER, "126,874.20", "1,023.55", "¥127,897.75",
					"人民币壹拾贰万柒仟捌佰玖拾柒元柒角伍分", "提取销户");
			case OFFSET_AGREEMENT -> List.of(SampleDocuments.BORROWER, "JK2026000123", "¥3,208.73",
					"人民币叁仟贰佰零捌元柒角叁分", "每月20日", "2027年1月", "2046年12月");
		};
	}

	/** Follows th:each scopes; records every property path it can resolve, and a problem for each it cannot. */
	private static void walk(Element element, Map<String, Class<?>> scope, Set<String> used, List<String> problems) {
		Map<String, Class<?>> inner = scope;
		String each = element.getAttributeNS(THYMELEAF, "each");
		if (!each.isEmpty()) {
			Matcher matcher = EACH.matcher(each);
			if (!matcher.matches()) {
				problems.add("th:each=\"" + each + "\" is not of the form  row : ${doc.list}");
			}
			else {
				Type listType = resolve(matcher.group(2), scope, used, problems);
				Class<?> rowType = elementType(listType);
				if (rowType == null) {
					problems.add("th:each over " + matcher.group(2) + ", which is not a List of records");
				}
				else {
					inner = new HashMap<>(scope);
					inner.put(matcher.group(1), rowType);
				}
			}
		}
		NamedNodeMap attributes = element.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			Attr attribute = (Attr) attributes.item(i);
			if (!THYMELEAF.equals(attribute.getNamespaceURI()) || "each".equals(attribute.getLocalName())) {
				continue;
			}
			String expression = attribute.getValue().replaceAll("'[^']*'", "''");
			Matcher references = REFERENCE.matcher(expression);
			int found = 0;
			while (references.find()) {
				if (!inner.containsKey(references.group(1))) {
					continue;
				}
				found++;
				Type type = resolve(references.group(1) + references.group(2), inner, used, problems);
				if ("text".equals(attribute.getLocalName()) && type != null && type != String.class) {
					problems.add("th:text=\"" + attribute.getValue() + "\" prints a " + type.getTypeName()
							+ ", not a String");
				}
			}
			if (found == 0) {
				problems.add("th:" + attribute.getLocalName() + "=\"" + attribute.getValue()
						+ "\" reads no field of doc or of a th:each row");
			}
		}
		NodeList children = element.getChildNodes();
		for (int i = 0; i < children.getLength(); i++) {
			if (children.item(i).getNodeType() == Node.ELEMENT_NODE) {
				walk((Element) children.item(i), inner, used, problems);
			}
		}
	}

	/** The type at the end of {@code path} ({@code doc.lender.name}), marking each step used. */
	private static Type resolve(String path, Map<String, Class<?>> scope, Set<String> used, List<String> problems) {
		String[] steps = path.split("\\.");
		Class<?> type = scope.get(steps[0]);
		if (type == null) {
			problems.add(path + ": " + steps[0] + " is neither doc nor a th:each row in scope");
			return null;
		}
		Type current = type;
		for (int i = 1; i < steps.length; i++) {
			Class<?> owner = (Class<?>) current;
			RecordComponent component = component(owner, steps[i]);
			if (component == null) {
				problems.add(path + ": " + owner.getSimpleName() + " has no field " + steps[i]);
				return null;
			}
			used.add(owner.getName() + "." + steps[i]);
			current = component.getGenericType();
			if (i < steps.length - 1 && !(current instanceof Class<?> next && next.isRecord())) {
				problems.add(path + ": " + owner.getSimpleName() + "." + steps[i] + " has no fields");
				return null;
			}
		}
		return current;
	}

	/** Every field of {@code type} and of the records it holds that {@code used} does not name. */
	private static List<String> unused(Class<?> type, Set<String> used) {
		List<String> unused = new ArrayList<>();
		for (RecordComponent component : type.getRecordComponents()) {
			String name = type.getName() + "." + component.getName();
			if (!used.contains(name)) {
				unused.add(type.getSimpleName() + "." + component.getName());
			}
			Class<?> nested = component.getType().isRecord() ? component.getType()
					: elementType(component.getGenericType());
			if (nested != null) {
				unused.addAll(unused(nested, used));
			}
		}
		return unused;
	}

	private static Class<?> elementType(Type type) {
		if (type instanceof ParameterizedType list && list.getRawType() == List.class
				&& list.getActualTypeArguments()[0] instanceof Class<?> row && row.isRecord()) {
			return row;
		}
		return null;
	}

	private static RecordComponent component(Class<?> type, String name) {
		if (!type.isRecord()) {
			return null;
		}
		for (RecordComponent component : type.getRecordComponents()) {
			if (component.getName().equals(name)) {
				return component;
			}
		}
		return null;
	}

	/** Every string in a record, its nested records and lists. */
	static List<String> strings(Object value) {
		List<String> strings = new ArrayList<>();
		if (value instanceof String text) {
			strings.add(text);
		}
		else if (value instanceof List<?> list) {
			list.forEach((item) -> strings.addAll(strings(item)));
		}
		else if (value instanceof Record record) {
			for (RecordComponent component : record.getClass().getRecordComponents()) {
				try {
					strings.addAll(strings(component.getAccessor().invoke(record)));
				}
				catch (ReflectiveOperationException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
		return strings;
	}

	private static Document parse(TemplateId id) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		try (InputStream in = TemplateContractTest.class.getClassLoader().getResourceAsStream(id.resource())) {
			assertThat(in).as(id.resource() + " on the classpath").isNotNull();
			return factory.newDocumentBuilder().parse(in);
		}
	}

}
