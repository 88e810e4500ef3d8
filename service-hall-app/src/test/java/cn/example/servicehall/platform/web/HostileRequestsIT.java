package cn.example.servicehall.platform.web;

import static cn.example.servicehall.support.LoanFixtures.FLAT_1996;
import static cn.example.servicehall.support.LoanFixtures.FLAT_2008;
import static cn.example.servicehall.support.LoanFixtures.allMaterials;
import static cn.example.servicehall.support.LoanFixtures.resaleApplication;
import static cn.example.servicehall.support.LoanFixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.agencies.fake.FakeOutages;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.support.Api;
import cn.example.servicehall.support.LoanFixtures;
import cn.example.servicehall.support.NewHouseSales;
import cn.example.servicehall.support.RawHttp;
import cn.example.servicehall.support.RawHttp.Request;
import cn.example.servicehall.support.RawHttp.Response;
import cn.example.servicehall.support.TestTokens;

/**
 * The hall as a hostile or careless client meets it: a few thousand requests, drawn from a fixed seed so that a run
 * can be repeated, against every endpoint of the API (read from the handler mappings) and the public verification
 * page. Malformed addresses ({@code %00}, {@code %2F}, raw control and non-ASCII bytes, {@code ..}), odd content
 * types and {@code Accept} headers, JSON of the wrong shape or hostile content (NUL and other control characters,
 * lone surrogates, huge numbers, full-width digits, deep nesting, numbers for booleans and enums), bad
 * {@code Idempotency-Key}s and tokens, anonymous and signed in, sent over a plain socket because Java's HTTP clients
 * refuse to send most of them.
 * <p>
 * What must hold: <b>no answer is a 5xx</b>, and <b>every 4xx is an RFC 9457 problem</b>
 * ({@code application/problem+json}) — with one exception decided here: the public verification page is a page,
 * and answers its refusals (not found, too many lookups, a malformed upload) as the HTML page with the reason on it,
 * which is what a citizen with a browser should see; only a program posting a file with {@code Accept:
 * application/json} gets JSON there, and problems like the API. Requests refused before they reach the hall (by Tomcat's connector or Spring
 * Security's firewall) are problems too, whatever the path. The staff pages are not fuzzed here: anonymous, they
 * only lead to the sign-in; their forms are covered by {@code MalformedRequestsIT}.
 * <p>
 * The context is closed afterwards: the run enters calendar years, switches fake systems and withdraws cases that
 * the other tests should not inherit.
 */
@ServiceHallIntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class HostileRequestsIT {

	private static final long SEED = 20261122L;

	private static final int REQUESTS_PER_ENDPOINT = 40;

	private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

	@LocalServerPort
	private int port;

	@Autowired
	private TestRestTemplate http;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	@Autowired
	private FakeOutages outages;

	@Autowired
	private JdbcClient jdbc;

	private final String admin = TestTokens.user("fuzz-admin", Groups.ALL.toArray(String[]::new));

	private final String clerk = TestTokens.user("fuzz-clerk", Groups.HPF_ACCEPTANCE_CLERK);

	private final String agent = TestTokens.developerAgent("fuzz-agent", "91350100M000100Y43");

	private Random random;

	private final List<String> caseNumbers = new ArrayList<>();

	private String taskId = UUID.randomUUID().toString();

	/** One endpoint: verb, pattern and the query parameters it reads. */
	record Endpoint(String method, String pattern, List<String> parameters) {

		boolean hasBody() {
			return this.method.equals("POST") || this.method.equals("PUT");
		}

	}

	/** A request, why it was sent, and the {@code Accept} it sent (null for none). */
	record Probe(String kind, Endpoint endpoint, Request request, String accept) {

		/**
		 * The verification page, unless a program posts a file asking for JSON only: HTML (the page, with the reason)
		 * is a fine answer.
		 */
		boolean mayGetAPage() {
			String path = this.request.targetText().split("\\?")[0];
			boolean jsonOnly = this.accept != null && this.accept.contains("json") && !this.accept.contains("html")
					&& !this.accept.contains("*/*");
			return path.startsWith("/verify") && !(this.request.method().equals("POST") && jsonOnly);
		}

	}

	@Test
	void answersEveryHostileRequestWithAProblemAndNeverWithAFailure(CapturedOutput output) {
		this.random = new Random(SEED);
		prepareCases();
		NewHouseSales.registerAgent(this.jdbc, "fuzz-agent", NewHouseSales.COMPANY_A);
		long firstVerification = this.jdbc.sql("select coalesce(max(id), 0) from documents_verification")
			.query(Long.class)
			.single();
		int errorLinesBefore = errorLines(output);
		RawHttp raw = new RawHttp(this.port);
		List<Endpoint> endpoints = endpoints();
		List<Probe> probes = new ArrayList<>();
		for (Endpoint endpoint : endpoints) {
			for (int i = 0; i < REQUESTS_PER_ENDPOINT; i++) {
				probes.add(probe(endpoint));
			}
			for (int i = 0; i < 4; i++) {
				probes.add(malformedAddress(endpoint));
			}
		}
		probes.addAll(verificationProbes());
		java.util.Collections.shuffle(probes, this.random);

		Map<String, Integer> byStatus = new TreeMap<>();
		Map<String, Integer> byKind = new TreeMap<>();
		List<String> failures = new ArrayList<>();
		int clientErrors = 0;
		int notProblems = 0;
		long started = System.nanoTime();
		try {
			for (Probe probe : probes) {
				Response response = raw.send(probe.request());
				byStatus.merge(String.valueOf(response.status()), 1, Integer::sum);
				byKind.merge(probe.kind() + " " + response.status(), 1, Integer::sum);
				if (response.status() >= 500) {
					failures.add(response.status() + " " + probe.kind() + ": " + probe.request().describe() + " → "
							+ abbreviate(response.body()));
				}
				else if (response.status() >= 400) {
					clientErrors++;
					boolean acceptable = response.isProblem() || (probe.mayGetAPage() && response.isHtml())
							|| probe.request().method().equals("HEAD");
					if (!acceptable) {
						notProblems++;
						failures.add(response.status() + " not a problem (" + response.contentType() + ") "
								+ probe.kind() + ": " + probe.request().describe() + " → " + abbreviate(response.body()));
					}
				}
				if (probe.endpoint() != null && probe.endpoint().pattern().contains("fake-systems")) {
					// an outage switched on by a well-formed request would turn later answers into 503s
					Arrays.stream(FakeOutages.FakeSystem.values()).forEach(this.outages::up);
				}
			}
		}
		finally {
			Arrays.stream(FakeOutages.FakeSystem.values()).forEach(this.outages::up);
			this.jdbc.sql("delete from documents_verification where id > ?").param(firstVerification).update();
		}
		long seconds = (System.nanoTime() - started) / 1_000_000_000L;
		int errorLines = errorLines(output) - errorLinesBefore;

		System.out.printf("%nHostile requests: %d requests to %d endpoints in %d s; statuses %s; 4xx %d, of which not "
				+ "problem+json %d (%.1f %%); 5xx %d; ERROR log lines %d%n", probes.size(), endpoints.size(), seconds,
				byStatus, clientErrors, notProblems, clientErrors == 0 ? 0.0 : 100.0 * notProblems / clientErrors,
				failures.size() - notProblems, errorLines);
		byKind.forEach((kind, count) -> System.out.printf("  %-40s %5d%n", kind, count));
		failures.stream().limit(60).forEach(failure -> System.out.println("  ✗ " + failure));

		assertThat(failures).as("5xx answers and 4xx answers that are not problem details").isEmpty();
	}

	// ---------------------------------------------------------------------------------------------------------- setup

	private void prepareCases() {
		// households and flats no other case names, so the collision rules let both in
		this.caseNumbers.add(submit(this.http, LoanFixtures.newResaleApplication()));
		this.caseNumbers.add(submit(this.http, LoanFixtures.newResaleApplication(LoanFixtures.Flat.BUILT_1996)));
		String accepted = this.caseNumbers.get(this.caseNumbers.size() - 1);
		Api.as(this.http, this.clerk).post("/api/loan/applications/" + accepted + "/acceptance", allMaterials(true));
		List<Map<String, Object>> inbox = Api.as(this.http, this.admin).getList("/api/tasks").getBody();
		if (inbox != null && !inbox.isEmpty()) {
			this.taskId = (String) inbox.get(0).get("id");
		}
	}

	private List<Endpoint> endpoints() {
		Map<String, Endpoint> found = new TreeMap<>();
		this.mappings.getHandlerMethods().forEach((info, method) -> {
			List<String> parameters = new ArrayList<>();
			for (MethodParameter parameter : method.getMethodParameters()) {
				RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
				parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
				if (param != null && !MultipartFile.class.isAssignableFrom(parameter.getParameterType())) {
					String name = !param.name().isEmpty() ? param.name() : parameter.getParameterName();
					parameters.add(name);
				}
			}
			info.getPatternValues()
				.stream()
				.filter(pattern -> pattern.startsWith("/api/") || pattern.startsWith("/verify"))
				.forEach(pattern -> info.getMethodsCondition()
					.getMethods()
					.forEach(verb -> found.merge(verb.name() + " " + pattern,
							new Endpoint(verb.name(), pattern, parameters), (a, b) -> a)));
		});
		return List.copyOf(found.values());
	}

	// --------------------------------------------------------------------------------------------------- the requests

	private Probe probe(Endpoint endpoint) {
		String kind;
		String method = endpoint.method();
		if (chance(6)) {
			method = pick("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "FOO");
		}
		String target = fill(endpoint, method) + query(endpoint);
		Request request = Request.of(method, target);
		request = authorize(request, endpoint);
		String accept = chance(15) ? pick(ACCEPTS) : "application/json";
		if (accept != null) {
			request = request.header("Accept", accept);
		}
		if (endpoint.pattern().startsWith("/verify")) {
			kind = "verify-" + method;
			return new Probe(kind, endpoint, request, accept);
		}
		if (isCreation(endpoint) || chance(10)) {
			request = idempotencyKey(request);
		}
		if (endpoint.hasBody() || chance(5)) {
			int strategy = this.random.nextInt(100);
			byte[] body;
			if (strategy < 15) {
				kind = "json-baseline";
				body = json(baseline(endpoint));
			}
			else if (strategy < 70) {
				Map<String, Object> mutated = baseline(endpoint);
				kind = "json-field-" + mutate(mutated);
				body = json(mutated);
			}
			else if (strategy < 92) {
				kind = "body-hostile";
				body = hostileBody();
			}
			else {
				kind = "body-none";
				body = null;
			}
			if (body != null || chance(50)) {
				String type = chance(20) ? pick(CONTENT_TYPES) : "application/json";
				if (!"application/json".equals(type)) {
					kind = "content-type";
				}
				if (type != null) {
					request = request.header("Content-Type", type);
				}
			}
			request = request.body(body == null ? null : body);
		}
		else {
			kind = "query";
		}
		return new Probe(kind, endpoint, request, accept);
	}

	private boolean isCreation(Endpoint endpoint) {
		return endpoint.pattern().endsWith("-applications") || endpoint.pattern().endsWith("/visits");
	}

	private Request authorize(Request request, Endpoint endpoint) {
		int who = this.random.nextInt(100);
		if (endpoint.pattern().startsWith("/verify") || who < 8) {
			return request;
		}
		if (who < 12) {
			return request.header("Authorization", pick("Bearer", "Bearer ", "Bearer x.y.z", "Basic YWRtaW46YWRtaW4=",
					"Bearer " + this.admin + "x", "Bearer " + TestTokens.expired("late", Groups.SYSTEM_ADMIN),
					"Bearer " + TestTokens.forged("forger", Groups.SYSTEM_ADMIN), "bearer " + this.admin,
					"Bearer " + this.admin.substring(0, 40)));
		}
		if (who < 14) {
			return request.header("Authorization", ("Bearer 令牌" + this.admin).getBytes(StandardCharsets.UTF_8));
		}
		String token = endpoint.pattern().contains("new-house") ? this.agent : who < 20 ? this.clerk : this.admin;
		return request.header("Authorization", "Bearer " + token);
	}

	private Request idempotencyKey(Request request) {
		int kind = this.random.nextInt(100);
		if (kind < 75) {
			return request.header("Idempotency-Key", UUID.randomUUID().toString());
		}
		return switch (kind % 8) {
			case 0 -> request.header("Idempotency-Key", "幂等键-" + UUID.randomUUID());
			case 1 -> request.header("Idempotency-Key", ("clé-" + UUID.randomUUID()).getBytes(StandardCharsets.ISO_8859_1));
			case 2 -> request.header("Idempotency-Key", "");
			case 3 -> request.header("Idempotency-Key", "k".repeat(300));
			case 4 -> request.header("Idempotency-Key", "a\tb");
			case 5 -> request.header("Idempotency-Key", new byte[] { 'k', 1, 'y' });
			case 6 -> request.header("Idempotency-Key", "%00" + UUID.randomUUID());
			default -> request.header("Idempotency-Key", new byte[] { 'k', (byte) 0x85, (byte) 0xff });
		};
	}

	/** The pattern with its variables filled in, mostly with real values, sometimes with hostile ones. */
	private String fill(Endpoint endpoint, String method) {
		Matcher variables = VARIABLE.matcher(endpoint.pattern());
		StringBuilder path = new StringBuilder();
		while (variables.find()) {
			String value = switch (variables.group(1)) {
				case "caseNo" -> chance(70) ? pick(this.caseNumbers) : pick(HOSTILE_PATH_VALUES);
				case "taskId" -> chance(60) ? this.taskId : pick(HOSTILE_PATH_VALUES);
				case "year" -> method.equals("PUT") || chance(50) ? pick("2099", "2098", "0", "-1", "99999999999", "abc",
						enc("２０９９"), "2099.5", "1e3") : pick("2026", "2025", "2099");
				case "system" -> chance(60) ? pick(Arrays.stream(FakeOutages.FakeSystem.values()).map(Enum::name).toList())
						: pick("NO_SUCH_SYSTEM", "registry", "0", "%00", enc("登记"));
				case "documentNo" -> chance(50) ? pick("SL2026000001", "SL2099000001") : pick(HOSTILE_PATH_VALUES);
				default -> pick(HOSTILE_PATH_VALUES);
			};
			variables.appendReplacement(path, Matcher.quoteReplacement(value));
		}
		variables.appendTail(path);
		return path.toString();
	}

	private String query(Endpoint endpoint) {
		List<String> names = new ArrayList<>(endpoint.parameters());
		if (chance(10)) {
			names.add(pick("lang", "page", "x", "%00", "a b", "名字"));
		}
		if (names.isEmpty()) {
			return "";
		}
		StringBuilder query = new StringBuilder();
		for (String name : names) {
			if (chance(25)) {
				continue;
			}
			query.append(query.isEmpty() ? "?" : "&").append(name.contains("%") ? name : enc(name)).append('=');
			query.append(chance(50) ? sensible(name) : pick(HOSTILE_QUERY_VALUES));
		}
		return query.toString();
	}

	private String sensible(String parameter) {
		return switch (parameter) {
			case "amount" -> pick("600000", "600000.00", "1000");
			case "months", "size" -> pick("240", "12", "20");
			case "rate" -> pick("3.1", "2.85");
			case "method" -> pick("EQUAL_INSTALMENT", "EQUAL_PRINCIPAL");
			case "firstHome" -> pick("true", "false");
			case "date", "from", "to" -> pick("2026-01-01", "2026-06-30");
			case "status" -> pick("SUBMITTED", "ACCEPTED");
			case "agency" -> pick("HPF", "BANK");
			case "branch" -> "HQ";
			case "page" -> "0";
			case "documentNo" -> "SL2026000001";
			default -> "1";
		};
	}

	/** A request whose address is malformed: refused by Tomcat's connector or Spring Security's firewall. */
	private Probe malformedAddress(Endpoint endpoint) {
		String path = fill(endpoint, endpoint.method());
		int cut = 1 + this.random.nextInt(Math.max(1, path.length() - 1));
		byte[] target;
		String kind;
		switch (this.random.nextInt(14)) {
			case 0 -> {
				kind = "url-%00";
				target = ascii(path.substring(0, cut) + "%00" + path.substring(cut));
			}
			case 1 -> {
				kind = "url-%2F";
				target = ascii(path.substring(0, cut) + "%2F" + path.substring(cut));
			}
			case 2 -> {
				kind = "url-%25";
				target = ascii(path + "%25");
			}
			case 3 -> {
				kind = "url-ctl";
				target = ascii(path + "%0" + pick("1", "7", "a", "d", "b") + "x");
			}
			case 4 -> {
				kind = "url-raw-ctl";
				target = concat(ascii(path), new byte[] { (byte) (int) pick(1, 7, 0x7f) }, ascii("x"));
			}
			case 5 -> {
				kind = "url-raw-utf8";
				target = concat(ascii(path + "/"), "中文".getBytes(StandardCharsets.UTF_8));
			}
			case 6 -> {
				kind = "url-dots";
				target = ascii(pick("/api/../../etc/passwd", path + "/../../..", "/api/%2e%2e/x", path + "/./.",
						"/..;/api/cases", "/api/cases/..%3B/x"));
			}
			case 7 -> {
				kind = "url-semicolon";
				target = ascii(path + pick(";jsessionid=x", ";", "%3B", ";a=b/c"));
			}
			case 8 -> {
				kind = "url-backslash";
				target = ascii(path + pick("\\x", "%5C", "%5c..%5c"));
			}
			case 9 -> {
				kind = "url-double-slash";
				target = ascii("/" + path);
			}
			case 10 -> {
				kind = "url-bad-escape";
				target = ascii(path + pick("%", "%Z", "%ZZ", "%c0%ae", "%ff%fe", "%ED%A0%80"));
			}
			case 11 -> {
				kind = "url-long";
				target = ascii(path + "/" + "a".repeat(pick(3000, 9000, 70000)));
			}
			case 12 -> {
				kind = "url-query";
				target = ascii(path + pick("?a=%00", "?%00=1", "?a=%ZZ", "?a=%ED%A0%80", "?a=%0a%0d", "?" + "a=1&".repeat(20000),
						"?a=" + "%E4%B8%AD".repeat(500), "?a=\u0001"));
			}
			default -> {
				kind = "url-target";
				target = ascii(pick("*", "http://elsewhere.example/api/cases", "api/cases", "/%", "//api/cases",
						"/api/cases#fragment", "/api/cases?#"));
			}
		}
		Request request = new Request(endpoint.method(), target, List.of(), null);
		if (chance(50)) {
			request = request.header("Authorization", "Bearer " + this.admin);
		}
		String accept = chance(70) ? "application/json" : "text/html";
		request = request.header("Accept", accept);
		if (endpoint.hasBody()) {
			request = request.header("Content-Type", "application/json").body(json(baseline(endpoint)));
		}
		return new Probe(kind, null, request, accept);
	}

	/** The public verification page: every malformed upload a program or a browser might send. */
	private List<Probe> verificationProbes() {
		Endpoint verify = new Endpoint("POST", "/verify", List.of());
		List<Probe> probes = new ArrayList<>();
		String boundary = "----fuzz" + SEED;
		for (String accept : List.of("application/json", "text/html", "*/*")) {
			List<byte[]> bodies = List.of(
					multipart(boundary, "file", "doc.pdf", "%PDF-1.7\n garbage".getBytes(StandardCharsets.US_ASCII)),
					multipart(boundary, "file", "doc.pdf", new byte[0]),
					multipart(boundary, "upload", "doc.pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII)),
					multipart(boundary, "file", "doc.txt", "not a pdf".getBytes(StandardCharsets.UTF_8)),
					multipart(boundary, "documentNo", null, "SL2026000001".getBytes(StandardCharsets.US_ASCII)),
					multipart(boundary, "documentNo", null, "SL\u0000".getBytes(StandardCharsets.UTF_8)),
					multipart(boundary, "file", "a\u0000.pdf", "%PDF-".getBytes(StandardCharsets.US_ASCII)),
					("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nunterminated")
						.getBytes(StandardCharsets.US_ASCII),
					("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII),
					"not multipart at all".getBytes(StandardCharsets.US_ASCII),
					new byte[0]);
			for (byte[] body : bodies) {
				for (String type : List.of("multipart/form-data; boundary=" + boundary, "multipart/form-data",
						"multipart/form-data; boundary=other")) {
					Request request = Request.of("POST", "/verify")
						.header("Accept", accept)
						.header("Content-Type", type)
						.body(body);
					probes.add(new Probe("verify-multipart", verify, request, accept));
				}
			}
			probes.add(new Probe("verify-no-type", verify,
					Request.of("POST", "/verify").header("Accept", accept).body("x".getBytes(StandardCharsets.US_ASCII)),
					accept));
			probes.add(new Probe("verify-form", verify,
					Request.of("POST", "/verify")
						.header("Accept", accept)
						.header("Content-Type", "application/x-www-form-urlencoded")
						.body("documentNo=%00".getBytes(StandardCharsets.US_ASCII)),
					accept));
		}
		byte[] huge = new byte[22 * 1024 * 1024];
		byte[] pdfHead = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(pdfHead, 0, huge, 0, pdfHead.length);
		for (String accept : List.of("application/json", "text/html")) {
			probes.add(new Probe("verify-huge", verify,
					Request.of("POST", "/verify")
						.header("Accept", accept)
						.header("Content-Type", "multipart/form-data; boundary=" + boundary)
						.body(multipart(boundary, "file", "big.pdf", huge)),
					accept));
			probes.add(new Probe("verify-large", verify,
					Request.of("POST", "/verify")
						.header("Accept", accept)
						.header("Content-Type", "multipart/form-data; boundary=" + boundary)
						.body(multipart(boundary, "file", "big.pdf", Arrays.copyOf(huge, 11 * 1024 * 1024))),
					accept));
		}
		return probes;
	}

	private static byte[] multipart(String boundary, String name, String filename, byte[] content) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
				+ (filename == null ? "" : "; filename=\"" + filename + "\"") + "\r\n"
				+ (filename == null ? "" : "Content-Type: application/pdf\r\n") + "\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
		return body.toByteArray();
	}

	// ----------------------------------------------------------------------------------------------------- the bodies

	/** A well-formed body for the endpoint, which the mutations then spoil. */
	private Map<String, Object> baseline(Endpoint endpoint) {
		String pattern = endpoint.pattern();
		Map<String, Object> body = new LinkedHashMap<>();
		if (pattern.endsWith("/resale-applications")) {
			body.putAll(resaleApplication(pick(FLAT_2008, FLAT_1996)));
		}
		else if (pattern.endsWith("/new-house-applications")) {
			body.put("applicant", new LinkedHashMap<>(Map.of("name", "张伟", "idNumber", "410802198506150313")));
			body.put("requestedAmount", "500000.00");
			body.put("termMonths", 240);
			body.put("project", "FZ-BJHY");
			body.put("unitNo", "3-1-502");
			body.put("contractFilingNo", "WQ2026-FZ-000102");
		}
		else if (pattern.endsWith("/acceptance")) {
			body.putAll(allMaterials(true));
		}
		else if (pattern.endsWith("/materials-supplemented") || pattern.endsWith("/resubmission")) {
			body.put("remark", "补齐了收入证明");
		}
		else if (pattern.endsWith("/withdrawal")) {
			body.put("reason", "申请人决定不买了");
		}
		else if (pattern.endsWith("/approval")) {
			body.put("outcome", "APPROVE");
			body.put("approvedAmount", "500000.00");
			body.put("opinion", "同意");
		}
		else if (pattern.endsWith("-review") || pattern.endsWith("/guarantee-assessment")) {
			body.put("outcome", pick("APPROVE", "REJECT", "RETURN"));
			body.put("opinion", "同意");
		}
		else if (pattern.endsWith("mortgage-registration") || pattern.endsWith("/pre-mortgage-conversion")) {
			body.put("certificateNo", "豫(2026)焦作市不动产证明第0000001号");
		}
		else if (pattern.endsWith("/visits")) {
			body.put("purpose", "ENQUIRY");
		}
		else if (pattern.startsWith("/api/sla/calendar")) {
			body.put("source", "国务院办公厅关于2099年部分节假日安排的通知");
			body.put("days", new ArrayList<>(List.of(
					new LinkedHashMap<>(Map.of("date", "2099-01-01", "kind", "OFF", "name", "元旦")),
					new LinkedHashMap<>(Map.of("date", "2099-01-04", "kind", "MAKEUP", "name", "元旦")))));
		}
		else if (pattern.endsWith("/outage")) {
			body.put("down", false);
		}
		return body;
	}

	/** Spoils one value of the body (or adds or removes a field) and says how. */
	@SuppressWarnings("unchecked")
	private String mutate(Map<String, Object> body) {
		if (body.isEmpty() || chance(5)) {
			String how = pick(HOSTILE_VALUES.keySet().stream().toList());
			body.put(pick("unknown", "__proto__", "a\u0000b", ""), HOSTILE_VALUES.get(how).apply(this.random));
			return "added";
		}
		List<Object[]> leaves = new ArrayList<>();
		collect(body, leaves);
		Object[] leaf = leaves.get(this.random.nextInt(leaves.size()));
		Object container = leaf[0];
		Object key = leaf[1];
		String how;
		Object value;
		if (chance(8)) {
			how = "removed";
			value = REMOVE;
		}
		else {
			how = pick(HOSTILE_VALUES.keySet().stream().toList());
			value = HOSTILE_VALUES.get(how).apply(this.random);
		}
		if (container instanceof Map<?, ?> map) {
			if (value == REMOVE) {
				((Map<String, Object>) map).remove(key);
			}
			else {
				((Map<String, Object>) map).put((String) key, value);
			}
		}
		else {
			List<Object> list = (List<Object>) container;
			if (value == REMOVE) {
				list.remove((int) key);
			}
			else {
				list.set((int) key, value);
			}
		}
		return how;
	}

	private static final Object REMOVE = new Object();

	@SuppressWarnings("unchecked")
	private static void collect(Object node, List<Object[]> leaves) {
		if (node instanceof Map<?, ?> map) {
			Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map);
			copy.forEach((key, value) -> {
				if (value instanceof Map<?, ?> || value instanceof List<?>) {
					Object mutable = value instanceof Map<?, ?> inner ? new LinkedHashMap<>((Map<String, Object>) inner)
							: new ArrayList<>((List<Object>) value);
					((Map<String, Object>) map).put(key, mutable);
					collect(mutable, leaves);
				}
				leaves.add(new Object[] { map, key });
			});
		}
		else if (node instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				Object value = list.get(i);
				if (value instanceof Map<?, ?> inner) {
					Map<String, Object> mutable = new LinkedHashMap<>((Map<String, Object>) inner);
					((List<Object>) list).set(i, mutable);
					collect(mutable, leaves);
				}
				leaves.add(new Object[] { list, i });
			}
		}
	}

	/** JSON written literally, e.g. a number no Java type holds. */
	record Raw(String json) {
	}

	private static final Map<String, Function<Random, Object>> HOSTILE_VALUES = new LinkedHashMap<>();

	static {
		HOSTILE_VALUES.put("nul", r -> "张\u0000伟");
		HOSTILE_VALUES.put("control", r -> "a" + (char) (1 + r.nextInt(31)) + "b");
		HOSTILE_VALUES.put("delete", r -> "a\u007fb");
		HOSTILE_VALUES.put("lone-surrogate", r -> r.nextBoolean() ? "\ud800" : "x\udc00y");
		HOSTILE_VALUES.put("full-width-digits", r -> r.nextBoolean() ? "６０００００.００" : "２４０");
		HOSTILE_VALUES.put("other-digits", r -> "٦٠٠٠٠٠");
		HOSTILE_VALUES.put("full-width-number-raw", r -> new Raw("\"１２３\""));
		HOSTILE_VALUES.put("huge-number", r -> new Raw(
				r.nextBoolean() ? "1e999999999" : "123456789012345678901234567890123456789012345678901234567890"));
		HOSTILE_VALUES.put("tiny-number", r -> new Raw("1e-999999999"));
		HOSTILE_VALUES.put("huge-exponent-string", r -> "1e999999999");
		HOSTILE_VALUES.put("long-number", r -> new Raw("1" + "0".repeat(1500)));
		HOSTILE_VALUES.put("negative", r -> new Raw("-1"));
		HOSTILE_VALUES.put("zero", r -> new Raw("0"));
		HOSTILE_VALUES.put("one", r -> new Raw("1"));
		HOSTILE_VALUES.put("fraction", r -> new Raw("240.5"));
		HOSTILE_VALUES.put("int-overflow", r -> new Raw("2147483648"));
		HOSTILE_VALUES.put("true", r -> Boolean.TRUE);
		HOSTILE_VALUES.put("string-true", r -> "true");
		HOSTILE_VALUES.put("null", r -> null);
		HOSTILE_VALUES.put("empty", r -> "");
		HOSTILE_VALUES.put("blank", r -> "   ");
		HOSTILE_VALUES.put("array", r -> new ArrayList<>(List.of(1, "a")));
		HOSTILE_VALUES.put("object", r -> new LinkedHashMap<>(Map.of("a", 1)));
		HOSTILE_VALUES.put("deep", r -> new Raw("[".repeat(3000) + "]".repeat(3000)));
		HOSTILE_VALUES.put("long-text", r -> "长".repeat(20_000));
		HOSTILE_VALUES.put("ordinal", r -> new Raw("0"));
		HOSTILE_VALUES.put("lower-case-enum", r -> "approve");
		HOSTILE_VALUES.put("enum-with-nul", r -> "APPROVE\u0000");
		HOSTILE_VALUES.put("injection", r -> "'; drop table intake_case; --");
		HOSTILE_VALUES.put("template", r -> "${jndi:ldap://x}{{7*7}}");
		HOSTILE_VALUES.put("bad-date", r -> "2026-02-30");
		HOSTILE_VALUES.put("rtl", r -> "\u202e张伟");
	}

	private byte[] hostileBody() {
		return switch (this.random.nextInt(20)) {
			case 0 -> new byte[0];
			case 1 -> ascii("null");
			case 2 -> ascii("[]");
			case 3 -> ascii("{");
			case 4 -> ascii("{\"a\":");
			case 5 -> ascii("[".repeat(100_000));
			case 6 -> ascii("{\"a\":".repeat(5000) + "1" + "}".repeat(5000));
			case 7 -> concat(new byte[] { (byte) 0xef, (byte) 0xbb, (byte) 0xbf }, ascii("{}"));
			case 8 -> new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}' };
			case 9 -> "{\"reason\":\"撤回\"}".getBytes(StandardCharsets.UTF_16);
			case 10 -> new byte[] { '{', '"', 'a', '"', ':', '"', 0, '"', '}' };
			case 11 -> ascii("{\"a\":1,\"a\":2}");
			case 12 -> ascii("{}x");
			case 13 -> ascii("1e999999999");
			case 14 -> ascii("\"string\"");
			case 15 -> ascii("NaN");
			case 16 -> ascii("{\"a\":\"\\u0000\"}");
			case 17 -> ascii("<?xml version=\"1.0\"?><a/>");
			case 18 -> ascii("a=1&b=%00");
			default -> ascii("{\"down\":1,\"outcome\":0,\"firstHome\":1,\"reason\":\"\\ud800\"}");
		};
	}

	private static byte[] json(Object value) {
		StringBuilder out = new StringBuilder();
		write(value, out);
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static void write(Object value, StringBuilder out) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof Raw raw) {
			out.append(raw.json());
		}
		else if (value instanceof Map<?, ?> map) {
			out.append('{');
			boolean first = true;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				out.append(first ? "" : ",");
				first = false;
				write(String.valueOf(entry.getKey()), out);
				out.append(':');
				write(entry.getValue(), out);
			}
			out.append('}');
		}
		else if (value instanceof List<?> list) {
			out.append('[');
			for (int i = 0; i < list.size(); i++) {
				out.append(i == 0 ? "" : ",");
				write(list.get(i), out);
			}
			out.append(']');
		}
		else if (value instanceof String text) {
			out.append('"');
			for (char c : text.toCharArray()) {
				if (c == '"' || c == '\\') {
					out.append('\\').append(c);
				}
				else if (c < 0x20 || Character.isSurrogate(c)) {
					// escaped: a lone surrogate cannot be written as UTF-8, only as \\uXXXX
					out.append(String.format("\\u%04x", (int) c));
				}
				else {
					out.append(c);
				}
			}
			out.append('"');
		}
		else {
			out.append(value);
		}
	}

	// ----------------------------------------------------------------------------------------------------- palettes

	private static final String[] ACCEPTS = { "*/*", "application/*", "text/html", "application/xml", "application/pdf",
			"image/png", ";;;", "application/json;q=abc", "text/*", "application/problem+json", "", null };

	private static final String[] CONTENT_TYPES = { "application/*", "*/*", "application/json; charset=NOPE",
			"application/json; charset=UTF-16", "text/plain", "application/xml", "application/x-www-form-urlencoded",
			"multipart/form-data", "multipart/form-data; boundary=x", "application/problem+json",
			"application/merge-patch+json", ";;", "application/json;", "", "application", "text/html; charset=utf-8",
			"application/json; charset=\"", "application/cbor", "application/json; charset=ISO-8859-1", null };

	private static final String[] HOSTILE_PATH_VALUES = { "DK2026010199999", "abc", enc("中文"), "DK" + "9".repeat(60),
			"%20", "%01", "%7F", enc("１２３"), "'%20or%201=1", "%3Cscript%3E", "-1", "0", "a".repeat(300) };

	private static final String[] HOSTILE_QUERY_VALUES = { "", "-1", "0", "1e999999999", "99999999999999999999999",
			"abc", "%01", "%0a", "%ZZ", "%", enc("６０００００"), enc("١٢"), "1", "true", "TRUE", "yes", "2026-13-45",
			enc("中文"), "x".repeat(5000), "EQUAL_INSTALMENT%00", "0x10", "NaN", "Infinity", "1.5", enc("\u202e") };

	// ----------------------------------------------------------------------------------------------------- plumbing

	private boolean chance(int percent) {
		return this.random.nextInt(100) < percent;
	}

	@SafeVarargs
	private <T> T pick(T... values) {
		return values[this.random.nextInt(values.length)];
	}

	private <T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	private static String abbreviate(String text) {
		String oneLine = text.replaceAll("\\s+", " ");
		return oneLine.length() > 240 ? oneLine.substring(0, 240) + "…" : oneLine;
	}

	private static int errorLines(CapturedOutput output) {
		return (int) output.getAll().lines().filter(line -> line.contains(" ERROR ")).count();
	}

}
