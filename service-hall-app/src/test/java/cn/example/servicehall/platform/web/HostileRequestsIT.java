package cn.example.servicehall.platform.web;

import static cn.example.servicehall.platform.web.HostileInput.ACCEPTS;
import static cn.example.servicehall.platform.web.HostileInput.CONTENT_TYPES;
import static cn.example.servicehall.platform.web.HostileInput.abbreviate;
import static cn.example.servicehall.platform.web.HostileInput.ascii;
import static cn.example.servicehall.platform.web.HostileInput.concat;
import static cn.example.servicehall.platform.web.HostileInput.enc;
import static cn.example.servicehall.platform.web.HostileInput.errorLines;
import static cn.example.servicehall.platform.web.HostileInput.json;
import static cn.example.servicehall.support.LoanFixtures.FLAT_1996;
import static cn.example.servicehall.support.LoanFixtures.FLAT_2008;
import static cn.example.servicehall.support.LoanFixtures.allMaterials;
import static cn.example.servicehall.support.LoanFixtures.resaleApplication;
import static cn.example.servicehall.support.LoanFixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
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
			request = HostileInput.idempotencyKey(request, this.random, UUID::randomUUID);
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
				body = HostileInput.body(this.random);
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
			return request.header("Authorization", HostileInput.badAuthorization(this.random, this.admin));
		}
		if (who < 14) {
			return request.header("Authorization", ("Bearer 令牌" + this.admin).getBytes(StandardCharsets.UTF_8));
		}
		String token = endpoint.pattern().contains("new-house") ? this.agent : who < 20 ? this.clerk : this.admin;
		return request.header("Authorization", "Bearer " + token);
	}


	/** The pattern with its variables filled in, mostly with real values, sometimes with hostile ones. */
	private String fill(Endpoint endpoint, String method) {
		Matcher variables = VARIABLE.matcher(endpoint.pattern());
		StringBuilder path = new StringBuilder();
		while (variables.find()) {
			String value = switch (variables.group(1)) {
				case "caseNo" -> chance(70) ? pick(this.caseNumbers) : pick(HostileInput.PATH_VALUES);
				case "taskId" -> chance(60) ? this.taskId : pick(HostileInput.PATH_VALUES);
				case "year" -> method.equals("PUT") || chance(50) ? pick("2099", "2098", "0", "-1", "99999999999", "abc",
						enc("２０９９"), "2099.5", "1e3") : pick("2026", "2025", "2099");
				case "system" -> chance(60) ? pick(Arrays.stream(FakeOutages.FakeSystem.values()).map(Enum::name).toList())
						: pick("NO_SUCH_SYSTEM", "registry", "0", "%00", enc("登记"));
				case "documentNo" -> chance(50) ? pick("SL2026000001", "SL2099000001") : pick(HostileInput.PATH_VALUES);
				default -> pick(HostileInput.PATH_VALUES);
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
			query.append(chance(50) ? sensible(name) : pick(HostileInput.QUERY_VALUES));
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
			String how = pick(HostileInput.VALUES.keySet().stream().toList());
			body.put(pick("unknown", "__proto__", "a\u0000b", ""), HostileInput.VALUES.get(how).apply(this.random));
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
			how = pick(HostileInput.VALUES.keySet().stream().toList());
			value = HostileInput.VALUES.get(how).apply(this.random);
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

	// ----------------------------------------------------------------------------------------------------- plumbing

	private boolean chance(int percent) {
		return new HostileInput.Dice(this.random).chance(percent);
	}

	@SafeVarargs
	private <T> T pick(T... values) {
		return new HostileInput.Dice(this.random).pick(values);
	}

	private <T> T pick(List<T> values) {
		return new HostileInput.Dice(this.random).pick(values);
	}

}
