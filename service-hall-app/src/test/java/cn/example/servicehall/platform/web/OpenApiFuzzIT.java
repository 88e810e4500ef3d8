package cn.example.servicehall.platform.web;

import static cn.example.servicehall.platform.web.HostileInput.abbreviate;
import static cn.example.servicehall.platform.web.HostileInput.ascii;
import static cn.example.servicehall.platform.web.HostileInput.concat;
import static cn.example.servicehall.platform.web.HostileInput.enc;
import static cn.example.servicehall.platform.web.HostileInput.errorLines;
import static cn.example.servicehall.platform.web.HostileInput.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import cn.example.servicehall.support.RawHttp;
import cn.example.servicehall.support.RawHttp.Request;
import cn.example.servicehall.support.RawHttp.Response;
import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.agencies.fake.FakeOutages;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.support.Api;
import cn.example.servicehall.support.BundleFixtures;
import cn.example.servicehall.support.LoanFixtures;
import cn.example.servicehall.support.NewHouseSales;
import cn.example.servicehall.support.TestTokens;
import cn.example.servicehall.support.WithdrawalFixtures;

/**
 * Fuzzing driven by the hall's own OpenAPI description ({@code /v3/api-docs}): for every operation it describes, a
 * thousand requests drawn from the operation's parameters and body schema, sent over real HTTP (kept-alive sockets of
 * {@link RawHttp}). Most start from a request the schema allows (types, formats, enums, required fields, minimum and
 * maximum, lengths; values the business needs, such as a valid ID number or an open case, from a small dictionary by
 * name; for a few operations, half the time, a well-formed body from the test fixtures) and spoil one thing: one
 * field of the body (wrong type, null, missing when required, out of range, one character too long or twenty
 * thousand, against its pattern or format, control characters, NUL, lone surrogates, hostile Unicode, huge numbers,
 * deep nesting, a field nobody asked for), the body as a whole (malformed JSON, a field given twice, another content
 * type, a broken upload), one path or query parameter (of the wrong type, out of range, missing, repeated), the
 * method, or one header ({@code Idempotency-Key}, {@code Accept}, {@code Content-Type}, {@code Authorization},
 * {@code Accept-Language}, {@code X-Forwarded-For}, one too large). Each is sent as the posts the operation is for (a
 * token with every group; a developer's agent for new houses), some as another single post, some anonymously.
 * <p>
 * The run is bounded and reproducible: every operation draws its requests from a {@link Random} seeded with
 * {@link #SEED} and its name, and the operations take turns in an order drawn from the seed (only dates move with
 * today). Three requests are sent at once, on a connection each; requests to the fake systems'
 * switches go one at a time at the end, every system brought up again after each, since an outage switched on by a
 * well-formed request would turn the answers sent meanwhile into 503s. Well-formed requests may create cases,
 * bookings and calendar years (2098 and 2099 only); the context is closed afterwards. A failure prints the request as
 * sent.
 * <p>
 * What must hold, for every answer: <b>no 5xx</b> (and no connection closed without an answer), and <b>every 4xx an
 * RFC 9457 problem</b> ({@code application/problem+json}) <b>a person can act on</b> ({@link #unhelpful}): its
 * {@code status} the answer's, a {@code title} and a {@code detail} in Chinese (every refusal of the hall is, English
 * may follow), at most 1,000 characters, without control characters (what the client sent is repeated shown, not
 * raw: {@link Problems#shown}), and with nothing of the machine in it: no Java type or exception name, no stack
 * frame, none of the words Jackson ({@code JSON parse error}, {@code Cannot deserialize}, {@code [Source: …]}) or
 * Spring ({@code Failed to convert}, {@code Required parameter … is not present}, {@code Content-Type … is not
 * supported}) use when nobody wrote better ones. The public verification page, which answers a browser with a page,
 * is not in the description and not fuzzed here ({@link HostileRequestsIT} covers it).
 * <p>
 * {@code -Dfuzz.requests-per-operation=N} and {@code -Dfuzz.connections=N} change the thousand and the three.
 */
@ServiceHallIntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class OpenApiFuzzIT {

	private static final long SEED = 20261207L;

	private static final int REQUESTS_PER_OPERATION = Integer.getInteger("fuzz.requests-per-operation", 1000);

	/** Requests sent at once, each on a kept-alive connection of its own. */
	private static final int CONNECTIONS = Integer.getInteger("fuzz.connections", 3);

	private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

	/**
	 * What a message written for a person does not hold: names of Java types and exceptions, stack frames, and the
	 * words Jackson and Spring use when nobody wrote better ones.
	 */
	private static final Pattern MACHINE_TALK = Pattern.compile(String.join("|",
			"\\b(java|javax|jakarta|org|com|cn|io|net)\\.[a-z_]\\w*\\.[\\w.$]+", "\\w+(Exception|Error)\\b",
			"\\bat [\\w$]+\\.[\\w$.]+\\(", "Caused by", "JSON parse error", "Cannot (deserialize|construct|coerce)",
			"Unrecognized (token|field)", "Unexpected (character|end-of-input)", "\\[Source:",
			"line: \\d+, column: \\d+", "Failed to (convert|read|parse)", "Required request (body|header|parameter)", "Required parameter",
			"is not present", "Method parameter", "Validation failed for", "No static resource",
			"Content-Type '.*' is not supported", "Request method '.*' is not supported", "No enum constant",
			"For input string", "\\bnull\\b$"));

	@LocalServerPort
	private int port;

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private FakeOutages outages;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ObjectMapper json;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	private final ObjectMapper mapper = new ObjectMapper();

	private final Tokens tokens = new Tokens();

	/** Values the business needs that no schema says, by parameter or property name: filled in before the run. */
	private final Map<String, List<Object>> known = new TreeMap<>();

	private JsonNode description;

	/** A well-formed body for some operations, which a share of their requests start from instead of the schema's. */
	private final Map<String, java.util.function.Supplier<Map<String, Object>>> examples = new TreeMap<>();

	// -------------------------------------------------------------------------------------------------------- the run

	@Test
	void answersEveryOperationsMalformedRequestsWithAProblemAPersonCanActOn(CapturedOutput output) throws Exception {
		List<Operation> operations = operations();
		prepare();
		int errorLinesBefore = errorLines(output);

		// every operation's requests come from its own seeded generator; the operations take turns in a seeded order
		Map<Operation, Probes> generators = new LinkedHashMap<>();
		List<Operation> turns = new ArrayList<>();
		for (Operation operation : operations) {
			generators.put(operation, new Probes(operation, new Random(SEED ^ operation.name().hashCode())));
			turns.addAll(Collections.nCopies(REQUESTS_PER_OPERATION, operation));
		}
		Collections.shuffle(turns, new Random(SEED));

		// the fake systems' switches alone go one at a time, after the rest: an outage switched on by a well-formed
		// request would turn the answers of others sent meanwhile into 503s
		Tally tally = new Tally();
		List<Probe> switches = new ArrayList<>();
		BlockingQueue<Optional<Probe>> queue = new ArrayBlockingQueue<>(64);
		RawHttp raw = new RawHttp(this.port);
		long started = System.nanoTime();
		ExecutorService senders = Executors.newFixedThreadPool(CONNECTIONS);
		try {
			List<Future<Integer>> connections = new ArrayList<>();
			for (int i = 0; i < CONNECTIONS; i++) {
				connections.add(senders.submit(() -> {
					try (RawHttp.Connection connection = raw.connect()) {
						for (Optional<Probe> probe = queue.take(); probe.isPresent(); probe = queue.take()) {
							send(connection, probe.get(), tally);
						}
						return connection.opened();
					}
				}));
			}
			for (Operation operation : turns) {
				Probe probe = generators.get(operation).next();
				if (operation.path().contains("/fake-systems")) {
					switches.add(probe);
				}
				else {
					queue.put(Optional.of(probe));
				}
			}
			for (int i = 0; i < CONNECTIONS; i++) {
				queue.put(Optional.empty());
			}
			for (Future<Integer> connection : connections) {
				tally.sockets += connection.get();
			}
			try (RawHttp.Connection connection = raw.connect()) {
				for (Probe probe : switches) {
					send(connection, probe, tally);
					this.outages.allUp();
				}
				tally.sockets += connection.opened();
			}
		}
		finally {
			senders.shutdownNow();
			this.outages.allUp();
		}
		long seconds = Math.round((System.nanoTime() - started) / 1e9);
		int errorLines = errorLines(output) - errorLinesBefore;

		tally.print(operations.size(), seconds, errorLines);

		assertThat(operations).as("operations in the OpenAPI description").hasSizeGreaterThanOrEqualTo(70);
		assertThat(tally.perOperation.keySet()).as("every operation fuzzed").hasSize(operations.size());
		assertThat(tally.failures).as("5xx answers, 4xx answers that are not problem details, and problems without "
				+ "a message a person can act on").isEmpty();
	}

	private void send(RawHttp.Connection connection, Probe probe, Tally tally) {
		long sent = System.nanoTime();
		try {
			Response response = connection.send(probe.request());
			tally.count(probe, response, System.nanoTime() - sent, verdict(response));
		}
		catch (RuntimeException noAnswer) {
			// no answer, or none that reads as HTTP: a failure of the hall's as much as a 5xx
			tally.count(probe, new Response(0, Map.of(), String.valueOf(noAnswer.getCause()), List.of()), System.nanoTime() - sent,
					Optional.of("no answer"));
		}
	}

	/**
	 * The fuzzing is only as good as the description: every body an operation reads, and every answer it gives,
	 * is described with the properties of the Java type the handler reads or returns (as the hall's JSON mapper sees
	 * them), down through nested objects and lists. A schema named like another type (two records {@code Review}
	 * in different classes) would describe one of them wrongly.
	 */
	@Test
	void describesTheBodiesTheHandlersReadAndWrite() {
		operations();
		List<String> mismatches = new ArrayList<>();
		this.mappings.getHandlerMethods().forEach((info, handler) -> info.getPatternValues()
			.stream()
			.filter(pattern -> pattern.startsWith("/api/"))
			.forEach(pattern -> info.getMethodsCondition().getMethods().forEach(verb -> {
				JsonNode operation = this.description.path("paths")
					.path(pattern)
					.path(verb.name().toLowerCase(Locale.ROOT));
				for (org.springframework.core.MethodParameter parameter : handler.getMethodParameters()) {
					if (parameter.hasParameterAnnotation(org.springframework.web.bind.annotation.RequestBody.class)) {
						compare(verb + " " + pattern + " body",
								operation.at("/requestBody/content/application~1json/schema"),
								this.json.constructType(parameter.getGenericParameterType()), true, mismatches,
								new ArrayList<>());
					}
				}
				JavaType declared = this.json.constructType(handler.getReturnType().getGenericParameterType());
				JavaType returned = declared.getRawClass() == org.springframework.http.ResponseEntity.class
						? declared.containedTypeOrUnknown(0) : declared;
				JsonNode responses = operation.path("responses");
				JsonNode answer = responses.has("200") ? responses.get("200") : responses.path("201");
				answer.path("content").forEach(content -> compare(verb + " " + pattern + " answer",
						content.path("schema"), returned, false, mismatches, new ArrayList<>()));
			})));

		assertThat(mismatches).as("operations whose described bodies are not the Java types' properties").isEmpty();
	}

	/**
	 * Adds where the schema's properties differ from the type's (those JSON can set when the hall reads it, those it
	 * writes otherwise), looking into nested objects and lists.
	 */
	private void compare(String where, JsonNode schema, JavaType type, boolean read, List<String> mismatches,
			List<JavaType> seen) {
		if (schema.isMissingNode() || seen.contains(type) || seen.size() > 8) {
			return;
		}
		JsonNode resolved = resolve(schema);
		if (type.isCollectionLikeType() || type.isArrayType()) {
			if (resolved.has("items")) {
				compare(where + "[]", resolved.get("items"), type.getContentType(), read, mismatches, seen);
			}
			return;
		}
		Class<?> raw = type.getRawClass();
		if (type.isMapLikeType() || raw.isEnum() || raw.isPrimitive() || raw.getName().startsWith("java.")
				|| !resolved.has("properties")) {
			return;
		}
		List<JavaType> deeper = new ArrayList<>(seen);
		deeper.add(type);
		Map<String, JavaType> properties = new TreeMap<>();
		(read ? this.json.getDeserializationConfig().introspect(type)
				: this.json.getSerializationConfig().introspect(type))
			.findProperties()
			.stream()
			.filter(property -> read ? property.couldDeserialize() : property.couldSerialize())
			.forEach(property -> properties.put(property.getName(), property.getPrimaryType()));
		List<String> described = new ArrayList<>();
		resolved.get("properties").fieldNames().forEachRemaining(described::add);
		Collections.sort(described);
		if (!described.equals(new ArrayList<>(properties.keySet()))) {
			mismatches.add(where + ": described " + schema.path("$ref").asText("inline") + " " + described + ", but "
					+ raw.getName() + " has " + properties.keySet());
			return;
		}
		properties.forEach((name, propertyType) -> compare(where + "." + name,
				resolved.get("properties").get(name), propertyType, read, mismatches, deeper));
	}

	/**
	 * What is wrong with the answer: empty for a success or a redirect, and for a refusal (4xx) that is an RFC 9457
	 * problem written for a person; the reason otherwise.
	 */
	private Optional<String> verdict(Response response) {
		if (response.status() >= 500) {
			return Optional.of("server error");
		}
		if (response.status() < 400) {
			return Optional.empty();
		}
		return unhelpful(response);
	}

	/** Why this refusal is not a problem a person can act on (see the class comment); empty when it is one. */
	Optional<String> unhelpful(Response response) {
		if (!response.isProblem()) {
			return Optional.of("not problem+json but " + response.contentType());
		}
		JsonNode problem;
		try {
			problem = this.mapper.readTree(response.body());
		}
		catch (Exception notJson) {
			return Optional.of("a problem that is not JSON");
		}
		if (problem == null || !problem.isObject()) {
			return Optional.of("a problem that is not a JSON object");
		}
		if (problem.path("status").asInt() != response.status()) {
			return Optional.of("a problem whose status is " + problem.path("status") + ", not " + response.status());
		}
		String title = problem.path("title").asText("");
		String detail = problem.path("detail").asText("");
		if (title.isBlank() || detail.isBlank()) {
			return Optional.of("a problem without a title or detail");
		}
		if (!CHINESE.matcher(detail).find()) {
			return Optional.of("a detail not in Chinese");
		}
		if (detail.length() > 1000) {
			return Optional.of("a detail of " + detail.length() + " characters");
		}
		if (!ControlCharacters.isClean(title + detail) || (title + detail).chars().anyMatch(c -> c < 0x20)) {
			return Optional.of("control characters in the title or detail");
		}
		Matcher machine = MACHINE_TALK.matcher(title + "\n" + detail);
		if (machine.find()) {
			return Optional.of("machine talk: " + machine.group());
		}
		return Optional.empty();
	}

	// ---------------------------------------------------------------------------------------------- the description

	/** An operation as the description gives it. */
	record Operation(String method, String path, List<Parameter> parameters, String mediaType, JsonNode body,
			boolean bodyRequired) {

		String name() {
			return this.method + " " + this.path;
		}

		List<Parameter> in(String where) {
			return this.parameters.stream().filter(parameter -> parameter.in().equals(where)).toList();
		}

		boolean takesJson() {
			return this.mediaType != null && this.mediaType.contains("json");
		}

		boolean takesUpload() {
			return this.mediaType != null && this.mediaType.startsWith("multipart/");
		}

		boolean createsSomething() {
			return in("header").stream().anyMatch(parameter -> parameter.name().equalsIgnoreCase("Idempotency-Key"));
		}

	}

	/** A parameter: its name, where it goes ({@code path}, {@code query}, {@code header}), whether it must. */
	record Parameter(String name, String in, boolean required, JsonNode schema) {
	}

	private List<Operation> operations() {
		String text = Api.as(this.http, this.tokens.all()).raw(HttpMethod.GET, "/v3/api-docs", null).getBody();
		try {
			this.description = this.mapper.readTree(text);
		}
		catch (Exception ex) {
			throw new IllegalStateException("The OpenAPI description is not JSON: " + abbreviate(String.valueOf(text)),
					ex);
		}
		List<Operation> operations = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : this.description.path("paths").properties()) {
			for (Map.Entry<String, JsonNode> verb : path.getValue().properties()) {
				if (List.of("get", "put", "post", "delete", "patch").contains(verb.getKey())) {
					operations.add(operation(verb.getKey().toUpperCase(Locale.ROOT), path.getKey(), verb.getValue()));
				}
			}
		}
		return operations;
	}

	private Operation operation(String method, String path, JsonNode operation) {
		List<Parameter> parameters = new ArrayList<>();
		for (JsonNode parameter : operation.path("parameters")) {
			parameters.add(new Parameter(parameter.path("name").asText(), parameter.path("in").asText(),
					parameter.path("required").asBoolean(), resolve(parameter.path("schema"))));
		}
		String mediaType = null;
		JsonNode body = null;
		Iterator<Map.Entry<String, JsonNode>> content = operation.path("requestBody").path("content").fields();
		if (content.hasNext()) {
			Map.Entry<String, JsonNode> first = content.next();
			mediaType = first.getKey();
			body = resolve(first.getValue().path("schema"));
		}
		return new Operation(method, path, parameters, mediaType, body,
				operation.path("requestBody").path("required").asBoolean());
	}

	/** The schema a {@code $ref} points to; the schema itself otherwise. */
	private JsonNode resolve(JsonNode schema) {
		while (schema.has("$ref")) {
			schema = this.description.at(schema.get("$ref").asText().substring(1));
		}
		return schema;
	}

	private static String type(JsonNode schema) {
		JsonNode type = schema.path("type");
		if (type.isArray()) {
			for (JsonNode one : type) {
				if (!one.asText().equals("null")) {
					return one.asText();
				}
			}
		}
		if (type.isTextual()) {
			return type.asText();
		}
		return schema.has("properties") || schema.has("additionalProperties") ? "object"
				: schema.has("items") ? "array" : "string";
	}

	// ----------------------------------------------------------------------------------------------- the known values

	/**
	 * What the hall must know for a request to go past its checks into the business: cases (a loan submitted, one
	 * accepted, a withdrawal), a task, a document, a bookable slot, companies, a valid ID number and bank card; and a
	 * well-formed body for the operations whose business needs more than their schemas say. Everything else comes
	 * from the schemas. Dates are counted from today.
	 */
	private void prepare() {
		Api clerk = Api.as(this.http, this.tokens.post(Groups.HPF_ACCEPTANCE_CLERK));
		Api admin = Api.as(this.http, this.tokens.all());
		NewHouseSales.registerAgent(this.jdbc, "fuzz-agent", NewHouseSales.COMPANY_A);
		String submitted = LoanFixtures.submit(this.http, LoanFixtures.newResaleApplication());
		String accepted = LoanFixtures.submit(this.http,
				LoanFixtures.newResaleApplication(LoanFixtures.Flat.BUILT_1996));
		clerk.post("/api/loan/applications/" + accepted + "/acceptance", LoanFixtures.allMaterials(true));
		WithdrawalFixtures.Depositor retired = WithdrawalFixtures.retired(this.jdbc, "王退休");
		Map<String, Object> retirement = new LinkedHashMap<>(WithdrawalFixtures.retirement(retired));
		retirement.put("materials",
				WithdrawalFixtures.allMaterials(clerk.post("/api/withdrawals/assessment", retirement).getBody()));
		String withdrawal = WithdrawalFixtures
			.caseNo(clerk.post("/api/withdrawals", retirement, WithdrawalFixtures.key()).getBody());
		this.known.put("caseNo", List.of(submitted, accepted, withdrawal));
		List<Object> tasks = new ArrayList<>();
		admin.getList("/api/tasks").getBody().stream().limit(3).forEach(task -> tasks.add(task.get("id")));
		tasks.add(NO_SUCH_ID);
		this.known.put("taskId", tasks);
		List<Object> documents = new ArrayList<>(List.of("SL2026000001"));
		admin.getList("/api/cases/" + accepted + "/documents")
			.getBody()
			.stream()
			.limit(2)
			.forEach(document -> documents.add(document.get("documentNo")));
		this.known.put("documentNo", documents);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		List<Map<String, Object>> slots = clerk
			.getList("/api/bookings/slots?branch=HQ&from=" + today.plusDays(1) + "&to=" + today.plusDays(20))
			.getBody();
		this.known.put("startsAt", slots.stream().limit(3).map(slot -> slot.get("startsAt")).toList());
		List<Object> bundleCodes = new ArrayList<>();
		admin.getList("/api/bundles").getBody().forEach(bundle -> bundleCodes.add(bundle.get("code")));
		this.known.put("bundle-code", bundleCodes);

		this.examples.put("POST /api/loan/resale-applications",
				() -> LoanFixtures.resaleApplication(LoanFixtures.FLAT_2008));
		this.examples.put("POST /api/withdrawals", () -> retirement);
		this.examples.put("POST /api/withdrawals/assessment", () -> retirement);
		WithdrawalFixtures.Depositor retiring = WithdrawalFixtures.retired(this.jdbc, "李退休");
		this.examples.put("POST /api/bundles/{code}/applications",
				() -> BundleFixtures.retirementForm(retiring, "13800138000"));
		this.examples.put("PUT /api/sla/calendar/{year}", () -> Map.of("source",
				"国务院办公厅关于2099年部分节假日安排的通知", "days",
				List.of(Map.of("date", "2099-01-01", "kind", "OFF", "name", "元旦"))));
		this.examples.put("PUT /api/developers/{uscc}/projects/{code}", () -> Map.ofEntries(
				Map.entry("code", "FZ-FUZZ-1"), Map.entry("name", "福州测试楼盘"), Map.entry("district", "鼓楼区"),
				Map.entry("address", "福州市鼓楼区测试路 1 号"),
				Map.entry("presalePermitNo", "榕房许字（2026）第099号"), Map.entry("permitIssuedOn", "2026-01-05"),
				Map.entry("permitValidUntil", "2028-01-05"), Map.entry("status", "ON_SALE"),
				Map.entry("escrowBank", "中国建设银行福州分行"), Map.entry("escrowAccountNo", "35050100000000001234"),
				Map.entry("escrowAccountName", "福州测试置业有限公司")));
		this.examples.put("POST /api/bookings", () -> Map.of("caseNo", accepted, "branch", "HQ", "startsAt",
				this.known.get("startsAt").get(0), "phoneNumber", "13800138000"));

		this.known.put("idNumber", List.of(LoanFixtures.ZHANG_WEI, LoanFixtures.LI_NA, retired.id()));
		this.known.put("spouseIdNumber", List.of(LoanFixtures.LI_NA));
		this.known.put("name", List.of("张伟", "李娜", "王退休"));
		this.known.put("phone", List.of("13800138000"));
		this.known.put("phoneNumber", List.of("13800138000"));
		this.known.put("cardNo", List.of(WithdrawalFixtures.CARD));
		this.known.put("accountNo", List.of("6222020000001234567"));
		this.known.put("escrowAccountNo", List.of("6222 0200 0000 1234 567"));
		this.known.put("certificateNo", List.of(LoanFixtures.FLAT_2008, "豫(2026)焦作市不动产证明第0000001号"));
		// the agent's own company stays active: the changes go to the other one
		this.known.put("uscc", List.of(NewHouseSales.COMPANY_B, "91000000NOSUCH0000"));
		this.known.put("project", List.of(NewHouseSales.PROJECT_A));
		this.known.put("unitNo", List.of("3-1-502"));
		this.known.put("contractFilingNo", List.of("WQ2026-FZ-000102"));
		this.known.put("username", List.of("fuzz-bystander"));
		this.known.put("branch", List.of("HQ"));
		this.known.put("material", List.of("BORROWER_ID", "INCOME_PROOF"));
		this.known.put("uploadId", List.of(NO_SUCH_ID));
		this.known.put("bookingId", List.of(1, 999_999_999));
		// calendar years nobody else uses: a well-formed replacement changes no working day of the tests
		this.known.put("year", List.of(2098, 2099));
		this.known.put("day", List.of("2026-01-05"));
		this.known.put("from", List.of(today.minusDays(30).toString(), today.plusDays(1).toString()));
		this.known.put("to", List.of(today.toString(), today.plusDays(20).toString()));
		this.known.put("window", List.of(1, 3));
		this.known.put("agency", List.of("HPF", "BANK"));
		this.known.put("status", List.of("SUBMITTED", "ACCEPTED"));
		this.known.put("date", List.of("2026-06-01"));
		this.known.put("requestedAmount", List.of(new HostileInput.Raw("300000.00")));
		this.known.put("termMonths", List.of(240));
		this.known.put("amount", List.of(new HostileInput.Raw("600000")));
		this.known.put("months", List.of(240));
		this.known.put("materials", List.of(Map.of("BORROWER_ID", true, "INCOME_PROOF", true)));
		this.known.put("project-code", List.of("FZ-FUZZ-1"));
	}

	/** A known value for the parameter or property, or null. */
	private Object known(String name, Operation operation, String in, Random random) {
		String key = name;
		if (name.equals("code") && "path".equals(in)) {
			key = operation.path().startsWith("/api/bundles") ? "bundle-code" : "project-code";
		}
		List<Object> values = this.known.get(key);
		return values == null || values.isEmpty() ? null : values.get(random.nextInt(values.size()));
	}

	// -------------------------------------------------------------------------------------------------- the requests

	/** A request and what was done to it. */
	record Probe(Operation operation, String kind, Request request) {
	}

	/** One operation's requests, one after the other, from its own seeded generator. */
	private final class Probes extends HostileInput.Dice {

		private final Operation operation;

		private Probes(Operation operation, Random random) {
			super(random);
			this.operation = operation;
		}

		Probe next() {
			Operation op = this.operation;
			List<String> kinds = new ArrayList<>();
			// what to spoil, weighted by what the operation has
			weigh(kinds, "baseline", 4);
			weigh(kinds, "header", 14);
			weigh(kinds, "method", 2);
			if (!op.in("path").isEmpty()) {
				weigh(kinds, "path", 10);
			}
			if (!op.in("query").isEmpty()) {
				weigh(kinds, "query", 25);
			}
			if (op.takesJson()) {
				weigh(kinds, "field", 45);
				weigh(kinds, "body", 12);
				weigh(kinds, "content-type", 8);
			}
			else if (op.takesUpload()) {
				weigh(kinds, "upload", 30);
				weigh(kinds, "content-type", 8);
			}
			else {
				weigh(kinds, "content-type", 3);
			}
			String what = pick(kinds);
			String method = op.method();

			Map<String, String> pathValues = new LinkedHashMap<>();
			op.in("path").forEach(parameter -> pathValues.put(parameter.name(), pathValue(parameter)));
			Map<String, List<String>> query = new LinkedHashMap<>();
			op.in("query").forEach(parameter -> {
				if (parameter.required() || chance(60)) {
					query.put(parameter.name(), List.of(queryValue(parameter)));
				}
			});
			Map<String, byte[]> headers = new LinkedHashMap<>();
			headers.put("Accept", ascii("application/json"));
			if (op.createsSomething() || chance(5)) {
				headers.put("Idempotency-Key", ascii(uuid().toString()));
			}
			byte[] body = null;
			String contentType = null;
			if (op.takesJson() && (op.bodyRequired() || chance(80))) {
				body = json(objectInstance());
				contentType = "application/json";
			}
			else if (op.takesUpload()) {
				contentType = "multipart/form-data; boundary=" + BOUNDARY;
				body = multipart("file", "proof.pdf", "application/pdf", PDF);
			}

			String kind = what;
			switch (what) {
				case "path" -> kind = spoilPath(pathValues);
				case "query" -> kind = spoilQuery(query);
				case "field" -> {
					Map<String, Object> instance = objectInstance();
					kind = "field-" + mutate(instance);
					body = json(instance);
					contentType = "application/json";
				}
				case "method" -> {
					kind = "method";
					method = pick(List.of("GET", "POST", "PUT", "PATCH", "DELETE").stream()
						.filter(other -> !other.equals(op.method()))
						.toList());
				}
				case "body" -> {
					kind = "body-malformed";
					body = malformed(body == null ? ascii("{}") : body);
				}
				case "content-type" -> {
					contentType = pick(HostileInput.CONTENT_TYPES);
					kind = "content-type";
					if (body == null) {
						body = ascii("{\"a\":1}");
					}
				}
				case "upload" -> {
					String[] upload = spoilUpload();
					kind = "upload-" + upload[0];
					contentType = upload[1];
					body = upload[2] == null ? null : upload[2].getBytes(StandardCharsets.ISO_8859_1);
				}
				case "header" -> kind = "header-" + spoilHeaders(headers);
				default -> {
				}
			}

			if (!headers.containsKey("Authorization")) {
				// mostly the post the operation is for, sometimes another single post, sometimes nobody
				int who = this.random.nextInt(100);
				String post = who < 15 ? pick(Groups.ALL) : null;
				if (who < 8) {
					kind += " (anonymous)";
				}
				else {
					kind += post == null ? "" : " (as " + post + ")";
					headers.put("Authorization", ascii("Bearer " + token(post)));
				}
			}
			Request request = new Request(method, ascii(target(op, pathValues, query)), List.of(), body);
			for (Map.Entry<String, byte[]> header : headers.entrySet()) {
				if (header.getValue() != null) {
					request = request.header(header.getKey().replaceFirst("#\\d+$", ""), header.getValue());
				}
			}
			return new Probe(op, kind, contentType == null ? request : request.header("Content-Type", contentType));
		}

		/** A token of the post, or of the posts the operation is for (every group; a developer's agent). */
		private String token(String post) {
			Tokens tokens = OpenApiFuzzIT.this.tokens;
			if (post == null) {
				return this.operation.path().contains("new-house") ? tokens.agent() : tokens.all();
			}
			return post.equals(Groups.DEVELOPER_AGENT) ? tokens.agent() : tokens.post(post);
		}

		// ------------------------------------------------------------------------------------------ schema instances

		@SuppressWarnings("unchecked")
		private Map<String, Object> objectInstance() {
			var example = OpenApiFuzzIT.this.examples.get(this.operation.name());
			Object instance = example != null && chance(50) ? copy(example.get())
					: instance(this.operation.body(), "", 0);
			return instance instanceof Map<?, ?> map ? (Map<String, Object>) map : new LinkedHashMap<>();
		}

		/** A value the schema allows, with the known value for its name where there is one. */
		private Object instance(JsonNode schema, String name, int depth) {
			schema = resolve(schema);
			if (schema.has("enum")) {
				return pick(texts(schema.get("enum")));
			}
			Object known = known(name, this.operation, "body", this.random);
			if (known != null && !name.isEmpty()) {
				return copy(known);
			}
			return switch (type(schema)) {
				case "object" -> {
					Map<String, Object> object = new LinkedHashMap<>();
					List<String> required = texts(schema.path("required"));
					schema.path("properties").fields().forEachRemaining(property -> {
						if (required.contains(property.getKey()) || (depth < 4 && chance(80))) {
							object.put(property.getKey(), instance(property.getValue(), property.getKey(), depth + 1));
						}
					});
					JsonNode additional = schema.path("additionalProperties");
					if (additional.isObject() && !schema.has("properties")) {
						object.put("ITEM_" + this.random.nextInt(3), instance(additional, "", depth + 1));
					}
					yield object;
				}
				case "array" -> {
					List<Object> array = new ArrayList<>();
					int count = Math.min(schema.path("maxItems").asInt(2), 1 + this.random.nextInt(2));
					for (int i = 0; i < Math.max(count, schema.path("minItems").asInt(0)); i++) {
						array.add(instance(schema.path("items"), "", depth + 1));
					}
					yield array;
				}
				case "integer" -> (long) between(schema, 1, 100);
				case "number" -> new HostileInput.Raw(String.valueOf(between(schema, 1, 1000)) + ".00");
				case "boolean" -> this.random.nextBoolean();
				default -> text(schema, name);
			};
		}

		private long between(JsonNode schema, long low, long high) {
			long min = schema.has("minimum") ? (long) Math.ceil(schema.get("minimum").asDouble()) : low;
			long max = schema.has("maximum") ? (long) Math.floor(schema.get("maximum").asDouble())
					: Math.max(min, high);
			return max <= min ? min : min + (long) (this.random.nextDouble() * Math.min(max - min, 1_000_000));
		}

		private String text(JsonNode schema, String name) {
			String format = schema.path("format").asText("");
			switch (format) {
				case "date" -> {
					return "2026-0" + (1 + this.random.nextInt(9)) + "-1" + this.random.nextInt(10);
				}
				case "date-time" -> {
					return "2027-03-0" + (1 + this.random.nextInt(5)) + "T09:30:00+08:00";
				}
				default -> {
				}
			}
			String pattern = schema.path("pattern").asText("");
			String value;
			if (pattern.startsWith("[A-Za-z0-9-]")) {
				value = "FZ-" + this.random.nextInt(1000);
			}
			else if (pattern.contains("\\d") || pattern.contains("[0-9]")) {
				value = "6222020000" + (100_000 + this.random.nextInt(900_000));
			}
			else if (name.isEmpty()) {
				value = pick("示例", "ENQUIRY", "HQ", "SUBMITTED");
			}
			else {
				value = pick("张伟", "材料齐全", "同意", "焦作市解放区民主南路 1 号", "Fuzz 测试");
			}
			int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
			return value.length() > max ? value.substring(0, max) : value;
		}

		// --------------------------------------------------------------------------------------------- the mutations

		/** Spoils one value of the body, removes or adds a field, and says how. */
		@SuppressWarnings("unchecked")
		private String mutate(Map<String, Object> body) {
			List<Leaf> leaves = new ArrayList<>();
			collect(body, this.operation.body(), leaves);
			if (leaves.isEmpty() || chance(6)) {
				String how = pick(new ArrayList<>(HostileInput.VALUES.keySet()));
				body.put(pick("unknown", "__proto__", "constructor", "a\u0000b", "", "名字", "x".repeat(300)),
						HostileInput.VALUES.get(how).apply(this.random));
				return "extra";
			}
			Leaf leaf = pick(leaves);
			JsonNode schema = leaf.schema() == null ? null : resolve(leaf.schema());
			String how;
			Object value;
			int choice = this.random.nextInt(100);
			if (choice < 40 || schema == null) {
				how = pick(new ArrayList<>(HostileInput.VALUES.keySet()));
				value = HostileInput.VALUES.get(how).apply(this.random);
			}
			else if (choice < 48) {
				how = "removed";
				value = REMOVE;
			}
			else if (choice < 54) {
				how = "null";
				value = null;
			}
			else if (choice < 60) {
				how = "deep";
				int depth = pick(200, 1000, 5000);
				value = new HostileInput.Raw(chance(50) ? "[".repeat(depth) + "]".repeat(depth)
						: "{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
			}
			else if (choice < 68) {
				how = "unicode";
				value = pick(HOSTILE_UNICODE);
			}
			else {
				Object[] spoiled = violate(schema);
				how = (String) spoiled[0];
				value = spoiled[1];
			}
			if (leaf.container() instanceof Map<?, ?> map) {
				if (value == REMOVE) {
					map.remove(leaf.key());
				}
				else {
					((Map<String, Object>) map).put((String) leaf.key(), value);
				}
			}
			else {
				List<Object> list = (List<Object>) leaf.container();
				if (value == REMOVE) {
					list.remove((int) leaf.key());
				}
				else {
					list.set((int) leaf.key(), value);
				}
			}
			return how;
		}

		/** A value the schema refuses, and what rule it breaks. */
		private Object[] violate(JsonNode schema) {
			String type = type(schema);
			List<Object[]> options = new ArrayList<>();
			options.add(new Object[] { "wrong-type", switch (type) {
				case "string" -> pick(new HostileInput.Raw("123"), true, List.of("a"), Map.of("a", "b"));
				case "integer", "number" -> pick("abc", true, List.of(1), Map.of("a", 1), "");
				case "boolean" -> pick("yes", 1, "true", "", List.of(true));
				case "array" -> pick("a", Map.of("a", 1), 1);
				default -> pick("text", List.of(), 1, true);
			} });
			if (schema.has("enum")) {
				String first = texts(schema.get("enum")).get(0);
				options.add(new Object[] { "enum-unknown", pick("NO_SUCH_VALUE", first.toLowerCase(Locale.ROOT),
						" " + first, first + " ", first + "\u0000", "0", new HostileInput.Raw("0"),
						first + "\u200b") });
			}
			if (schema.has("minimum")) {
				options.add(new Object[] { "below-minimum",
						new HostileInput.Raw(new java.math.BigDecimal(schema.get("minimum").asText())
							.subtract(java.math.BigDecimal.valueOf(pick(1, 1000)))
							.toPlainString()) });
			}
			if (schema.has("maximum")) {
				options.add(new Object[] { "above-maximum",
						new HostileInput.Raw(new java.math.BigDecimal(schema.get("maximum").asText())
							.add(pick(java.math.BigDecimal.ONE, new java.math.BigDecimal("0.01"),
									new java.math.BigDecimal("1e20")))
							.toPlainString()) });
			}
			if (type.equals("integer")) {
				options.add(new Object[] { "integer-overflow",
						new HostileInput.Raw(
								pick("2147483648", "-2147483649", "9223372036854775808", "1e10", "240.0")) });
			}
			if (type.equals("number")) {
				options.add(new Object[] { "number-odd", new HostileInput.Raw(pick("-0", "1E+3", "0.000000000000001",
						"1" + "0".repeat(40), "-1e-7", "1.0e308")) });
			}
			if (schema.has("maxLength")) {
				int max = schema.get("maxLength").asInt();
				options.add(new Object[] { "too-long", pick("长", "a", "𠀀").repeat(Math.min(max + 1, 100_000)) });
			}
			if (schema.has("pattern")) {
				options.add(new Object[] { "pattern-broken",
						pick("!", "１２３４５６７８", "12 34", "\u00a0", "--", "a b") });
			}
			if (type.equals("string")) {
				String format = schema.path("format").asText("");
				if (format.equals("date")) {
					options.add(new Object[] { "bad-date", pick("2026-02-30", "2026/01/01", "20260101", "today",
							"99999-01-01", "2026-1-1", "0000-00-00", "-2026-01-01", "2026-01-01T00:00:00") });
				}
				else if (format.equals("date-time")) {
					options.add(new Object[] { "bad-date-time", pick("2027-03-02T09:00:00", "2027-03-02",
							"2027-03-02T25:00:00+08:00", "2027-03-02T09:00:00+25:00", "1e10",
							"+999999999-12-31T23:59:59Z",
							"2027-03-02 09:00") });
				}
				options.add(new Object[] { "blank", pick("", " ", "\u3000", "\t") });
			}
			return pick(options);
		}

		private void collect(Object node, JsonNode schema, List<Leaf> leaves) {
			JsonNode resolved = schema == null ? null : resolve(schema);
			if (node instanceof Map<?, ?> map) {
				for (Object key : new ArrayList<>(map.keySet())) {
					JsonNode property = resolved == null ? null
							: resolved.path("properties").has((String) key) ? resolved.path("properties").get((String) key)
									: resolved.path("additionalProperties").isObject()
											? resolved.get("additionalProperties") : null;
					leaves.add(new Leaf(map, key, property));
					collect(map.get(key), property, leaves);
				}
			}
			else if (node instanceof List<?> list) {
				JsonNode items = resolved == null ? null : resolved.get("items");
				for (int i = 0; i < list.size(); i++) {
					leaves.add(new Leaf(list, i, items));
					collect(list.get(i), items, leaves);
				}
			}
		}

		private String spoilPath(Map<String, String> values) {
			String name = pick(new ArrayList<>(values.keySet()));
			Parameter parameter = this.operation.in("path")
				.stream()
				.filter(p -> p.name().equals(name))
				.findFirst()
				.orElseThrow();
			String type = type(parameter.schema());
			String value = switch (type) {
				case "integer", "number" -> pick("abc", "-1", "0", "1.5", "1e3", "99999999999999999999", enc("１２"),
						"0x10", "%20", "2147483648", "-9223372036854775809");
				default -> pick(HostileInput.PATH_VALUES);
			};
			if (chance(10)) {
				value = pick("%00", "%0a", "%C0%AE", enc("\u202e") + "x", enc("𠀀"), "%EF%BF%BF", "x".repeat(5000));
			}
			values.put(name, value);
			return "path-" + type;
		}

		private String spoilQuery(Map<String, List<String>> query) {
			List<Parameter> parameters = this.operation.in("query");
			Parameter parameter = pick(parameters);
			JsonNode schema = parameter.schema();
			String type = type(schema);
			int how = this.random.nextInt(100);
			if (how < 12 && parameter.required()) {
				query.remove(parameter.name());
				return "query-missing";
			}
			if (how < 20) {
				query.put(parameter.name(), List.of(queryValue(parameter), pick("", "x", queryValue(parameter))));
				return "query-repeated";
			}
			if (how < 26) {
				query.put(pick("x", "lang", "%00", "a%20b", enc("名字"), "page[", "__proto__", "x".repeat(2000)),
						List.of(pick("1", "zz", "%01", "")));
				return "query-unknown";
			}
			List<String> values = new ArrayList<>(List.of(HostileInput.QUERY_VALUES));
			switch (type) {
				case "integer", "number" -> values.addAll(List.of("abc", "1.5", "-1", "2147483648", "1e3", enc("１２"),
						"0x10", enc(" 1"), "1,000", "-0", "+5"));
				case "boolean" -> values.addAll(List.of("yes", "1", "TRUE", "on", "null"));
				default -> {
				}
			}
			if (schema.has("enum")) {
				values.addAll(List.of("no_such", texts(schema.get("enum")).get(0).toLowerCase(Locale.ROOT), "0"));
			}
			if (schema.has("minimum")) {
				values.add(new java.math.BigDecimal(schema.get("minimum").asText()).subtract(java.math.BigDecimal.ONE)
					.toPlainString());
			}
			if (schema.has("maximum")) {
				values.add(new java.math.BigDecimal(schema.get("maximum").asText()).add(java.math.BigDecimal.ONE)
					.toPlainString());
			}
			if (schema.has("maxLength")) {
				values.add("a".repeat(schema.get("maxLength").asInt() + 1));
			}
			if (schema.path("format").asText("").startsWith("date")) {
				values.addAll(
						List.of("2026-02-30", "2026%2F01%2F01", "20260101", "today", "99999-01-01", "2026-13-01"));
			}
			query.put(parameter.name(), List.of(pick(values)));
			return "query-" + type;
		}

		/** Spoils one header, and says which. */
		private String spoilHeaders(Map<String, byte[]> headers) {
			int which = this.random.nextInt(100);
			if (which < 22) {
				if (this.operation.createsSomething() && chance(25)) {
					headers.remove("Idempotency-Key");
					return "idempotency-key-missing";
				}
				Request spoiled = HostileInput.idempotencyKey(Request.of("GET", "/"), this.random, this::uuid);
				headers.put("Idempotency-Key", value(spoiled));
				if (chance(15)) {
					headers.put("Idempotency-Key#2", ascii(uuid().toString()));
				}
				if (chance(10)) {
					headers.put("Idempotency-Key", ascii("k".repeat(pick(1000, 10_000))));
				}
				return "idempotency-key";
			}
			if (which < 40) {
				String accept = pick(HostileInput.ACCEPTS);
				headers.put("Accept", accept == null ? null : ascii(accept));
				return "accept";
			}
			if (which < 62) {
				headers.put("Authorization", switch (this.random.nextInt(6)) {
					case 0 -> ("Bearer 令牌" + OpenApiFuzzIT.this.tokens.all()).getBytes(StandardCharsets.UTF_8);
					case 1 -> ascii("Bearer " + "x".repeat(pick(500, 7000)));
					case 2 -> concat(ascii("Bearer "), new byte[] { (byte) 0xff, (byte) 0xfe, 1, 0x7f });
					default -> ascii(HostileInput.badAuthorization(this.random, OpenApiFuzzIT.this.tokens.all()));
				});
				if (chance(15)) {
					headers.put("Authorization#2", ascii("Bearer " + OpenApiFuzzIT.this.tokens.all()));
				}
				return "authorization";
			}
			if (which < 78) {
				headers.put("Accept-Language", pick(ascii("zz"), ascii("*"), ascii("en;q=abc"), ascii("en-US,en;q=0.5"),
						ascii("zh-Hans-CN-x-private"), ascii("i-klingon"), new byte[] { (byte) 0xff, 'e', 'n' },
						ascii("a".repeat(500)), ascii(",,,"), ascii("en;q=2"), ascii("en_GB"), ascii("-")));
				return "accept-language";
			}
			if (which < 92) {
				headers.put("X-Forwarded-For", pick(ascii("not-an-ip"), ascii("1.2.3.4, evil"),
						ascii("999.999.999.999"),
						ascii("::1%eth0"), ascii(""), ascii("a".repeat(300)), "张伟".getBytes(StandardCharsets.UTF_8),
						ascii("1.2.3.4," + " 5.6.7.8,".repeat(100)), ascii("[::1]:80"), ascii("unknown")));
				if (chance(30)) {
					headers.put("X-Forwarded-Proto", ascii(pick("gopher", "", "HTTPS", "https, http")));
				}
				return "x-forwarded-for";
			}
			headers.put("X-Fuzz", ascii("v".repeat(pick(100, 9000, 20_000))));
			return "oversized-header";
		}

		private byte[] malformed(byte[] valid) {
			String text = new String(valid, StandardCharsets.UTF_8);
			return switch (this.random.nextInt(12)) {
				case 0, 1, 2 -> HostileInput.body(this.random);
				case 3 -> ascii(text.substring(0, this.random.nextInt(Math.max(1, text.length()))));
				case 4 -> ascii(text + pick("x", "}", ",{}", " 1", "\u0000", "//"));
				case 5 -> ascii(text.replace('"', '\''));
				case 6 -> ascii(text.replaceFirst("\\{", "{/* comment */").replaceFirst("}$", ",}"));
				case 7 -> ascii("[" + text + "]");
				case 8 -> text.getBytes(StandardCharsets.UTF_16LE);
				case 9 -> concat(ascii(text.substring(0, text.length() / 2)), new byte[] { (byte) 0xc0, (byte) 0xaf },
						ascii(text.substring(text.length() / 2)));
				case 10 -> ascii(text.replaceFirst("^\\{\"(\\w+)\":", "{\"$1\":null,\"$1\":"));
				default -> ascii(" ".repeat(pick(10, 100_000)) + text);
			};
		}

		/** A malformed upload: its kind, its content type and its body. */
		private String[] spoilUpload() {
			String ok = "multipart/form-data; boundary=" + BOUNDARY;
			return switch (this.random.nextInt(10)) {
				case 0 -> new String[] { "empty-file", ok,
						latin(multipart("file", "a.pdf", "application/pdf", new byte[0])) };
				case 1 -> new String[] { "wrong-part", ok,
						latin(multipart("upload", "a.pdf", "application/pdf", PDF)) };
				case 2 -> new String[] { "not-a-pdf", ok,
						latin(multipart("file", "a.pdf", "application/pdf", ascii("not a pdf at all"))) };
				case 3 -> new String[] { "hostile-name", ok, latin(multipart("file",
						pick("a\u0000.pdf", "../../etc/passwd", "\u202egpj.pdf", "x".repeat(2000) + ".pdf", "名字.pdf"),
						"application/pdf", PDF)) };
				case 4 -> new String[] { "no-boundary", "multipart/form-data",
						latin(multipart("file", "a.pdf", "application/pdf", PDF)) };
				case 5 -> new String[] { "cut-short", ok,
						"--" + BOUNDARY
								+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF" };
				case 6 -> new String[] { "no-body", ok, null };
				case 7 -> new String[] { "json-instead", "application/json", "{\"file\":\"JVBERi0=\"}" };
				case 8 -> new String[] { "png-named-pdf", ok, latin(multipart("file", "a.pdf", "image/png",
						new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0 })) };
				default -> new String[] { "two-files", ok,
						latin(concat(multipart("file", "a.pdf", "application/pdf", PDF),
								multipart("file", "b.pdf", "application/pdf", PDF))) };
			};
		}

		private String pathValue(Parameter parameter) {
			Object known = known(parameter.name(), this.operation, "path", this.random);
			if (known != null) {
				return enc(String.valueOf(known));
			}
			if (parameter.schema().has("enum")) {
				return pick(texts(parameter.schema().get("enum")));
			}
			Object value = instance(parameter.schema(), "", 0);
			return enc(value instanceof HostileInput.Raw raw ? raw.json() : String.valueOf(value));
		}

		private String queryValue(Parameter parameter) {
			Object known = known(parameter.name(), this.operation, "query", this.random);
			Object value = known != null ? known : instance(parameter.schema(), "", 0);
			return enc(value instanceof HostileInput.Raw raw ? raw.json() : String.valueOf(value));
		}

		private void weigh(List<String> kinds, String kind, int weight) {
			kinds.addAll(Collections.nCopies(weight, kind));
		}

		private UUID uuid() {
			return new UUID(this.random.nextLong(), this.random.nextLong());
		}

	}

	/** A place in a body: the map or list, the key or index, and the schema of what is there (if known). */
	record Leaf(Object container, Object key, JsonNode schema) {
	}

	private static final Object REMOVE = new Object();

	/** An id of nothing (a task, an upload), the same in every run. */
	private static final String NO_SUCH_ID = "00000000-0000-4000-8000-00000000f022";

	private static final String BOUNDARY = "----fuzz" + SEED;

	private static final byte[] PDF = ascii("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

	private static final String[] HOSTILE_UNICODE = { "\u202e张伟", "张\u200d伟", "e\u0301\u0301\u0301", "😀👨‍👩‍👧",
			"𠀀𪚥𰻞", "\ufeff张伟", "\u2028\u2029", "\ue000", "\uffff", "\ufffd", "Ａ＿ｂ", "ǅ", "ﷺ", "\u00a0\u3000",
			"ＳＥＬＥＣＴ", "İı", "ß".repeat(50) };

	private static String target(Operation operation, Map<String, String> pathValues, Map<String, List<String>> query) {
		String path = operation.path();
		for (Map.Entry<String, String> value : pathValues.entrySet()) {
			path = path.replace("{" + value.getKey() + "}", value.getValue());
		}
		StringBuilder target = new StringBuilder(path);
		query.forEach((name, values) -> values.forEach(value -> target.append(target.indexOf("?") < 0 ? '?' : '&')
			.append(name.contains("%") ? name : enc(name))
			.append('=')
			.append(value)));
		return target.toString();
	}

	private static byte[] multipart(String name, String filename, String type, byte[] content) {
		return concat(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
				+ filename + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8), content,
				("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
	}

	private static String latin(byte[] bytes) {
		return new String(bytes, StandardCharsets.ISO_8859_1);
	}

	private static byte[] value(Request request) {
		byte[] line = request.headers().get(0);
		int colon = 0;
		while (line[colon] != ':') {
			colon++;
		}
		return java.util.Arrays.copyOfRange(line, colon + 2, line.length);
	}

	/** A deep copy that can be changed, its fields in the order of their names (whatever order a Map.of has). */
	private static Object copy(Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> copy = new LinkedHashMap<>();
			new TreeMap<>(map).forEach((k, v) -> copy.put(String.valueOf(k), copy(v)));
			return copy;
		}
		if (value instanceof List<?> list) {
			return new ArrayList<>(list.stream().map(OpenApiFuzzIT::copy).toList());
		}
		return value;
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach(node -> texts.add(node.asText()));
		return texts;
	}

	// ------------------------------------------------------------------------------------------------------- tokens

	/** Tokens for the posts, made again before they expire (a test token lives five minutes). */
	private static final class Tokens {

		private final Map<String, String> made = new LinkedHashMap<>();

		private long madeAt;

		String all() {
			return token("*", () -> TestTokens.user("fuzz-admin", Groups.ALL.toArray(String[]::new)));
		}

		String agent() {
			return token("agent", () -> TestTokens.developerAgent("fuzz-agent", NewHouseSales.COMPANY_A));
		}

		String post(String group) {
			return token(group, () -> TestTokens.user("fuzz-" + group, group));
		}

		private String token(String key, java.util.function.Supplier<String> make) {
			if (System.nanoTime() - this.madeAt > 120_000_000_000L) {
				this.made.clear();
				this.madeAt = System.nanoTime();
			}
			return this.made.computeIfAbsent(key, k -> make.get());
		}

	}

	// -------------------------------------------------------------------------------------------------- the figures

	/** What came back, per status, operation and kind of request; the failures with the request that caused them. */
	private static final class Tally {

		final Map<Integer, Integer> byStatus = new TreeMap<>();

		final Map<String, Map<Integer, Integer>> perOperation = new TreeMap<>();

		final Map<String, Long> nanosPerOperation = new TreeMap<>();

		final Map<String, Map<Integer, Integer>> byKind = new TreeMap<>();

		final Map<Integer, Long> nanosPerStatus = new TreeMap<>();

		final List<String> failures = new ArrayList<>();

		int requests;

		int serverErrors;

		int clientErrors;

		int notProblems;

		int unhelpful;

		int sockets;

		synchronized void count(Probe probe, Response response, long nanos, Optional<String> verdict) {
			this.requests++;
			int status = response.status();
			this.byStatus.merge(status, 1, Integer::sum);
			this.perOperation.computeIfAbsent(probe.operation().name(), k -> new TreeMap<>())
				.merge(status, 1, Integer::sum);
			this.nanosPerOperation.merge(probe.operation().name(), nanos, Long::sum);
			this.byKind.computeIfAbsent(probe.kind().replaceFirst(" \\(.*", ""), k -> new TreeMap<>())
				.merge(status, 1, Integer::sum);
			this.nanosPerStatus.merge(status, nanos, Long::sum);
			if (status >= 500) {
				this.serverErrors++;
			}
			else if (status >= 400) {
				this.clientErrors++;
			}
			verdict.ifPresent(why -> {
				if (status >= 400 && status < 500) {
					if (response.isProblem()) {
						this.unhelpful++;
					}
					else {
						this.notProblems++;
					}
				}
				if (this.failures.size() < 200) {
					this.failures.add(status + " " + why + " — " + probe.kind() + ": " + probe.request().describe()
							+ " → " + abbreviate(response.body()));
				}
			});
		}

		void print(int operations, long seconds, int errorLines) {
			System.out.printf("%nOpenAPI fuzzing: %d operations, %,d requests (%,d per operation, seed %d) in %d s, "
					+ "%d at a time (%,d sockets); statuses %s; 5xx %d; 4xx %,d, of which not problem+json %d and "
					+ "without a message a person can act on %d; ERROR log lines %d%n", operations, this.requests,
					REQUESTS_PER_OPERATION, SEED, seconds, CONNECTIONS, this.sockets, this.byStatus, this.serverErrors,
					this.clientErrors, this.notProblems, this.unhelpful, errorLines);
			this.perOperation.forEach((operation, statuses) -> System.out.printf("  %-66s %6.1f ms %s%n", operation,
					this.nanosPerOperation.get(operation) / 1e6 / statuses.values().stream().mapToInt(i -> i).sum(),
					statuses));
			this.byKind.forEach((kind, statuses) -> System.out.printf("  %-40s %s%n", kind, statuses));
			this.nanosPerStatus.forEach((status, nanos) -> System.out.printf("  %d: %.1f ms on average%n", status,
					nanos / 1e6 / this.byStatus.get(status)));
			this.failures.stream().limit(80).forEach(failure -> System.out.println("  ✗ " + failure));
		}

	}

}
