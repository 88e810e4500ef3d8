package cn.example.servicehall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.support.Api;
import cn.example.servicehall.support.TestTokens;

/**
 * Who may call what, post by post: every endpoint of {@code /api} against every hall group, a user with no group
 * and no user at all. The matrix must name every endpoint the hall serves, so a new endpoint without a rule of its
 * own fails here; and the hall denies whatever no rule names.
 */
@ServiceHallIntegrationTest
class ApiAccessMatrixIT {

	private static final String CLERK = Groups.HPF_ACCEPTANCE_CLERK;

	private static final String REVIEWER = Groups.HPF_FIRST_REVIEWER;

	private static final String APPROVER = Groups.HPF_APPROVER;

	private static final String BANK = Groups.BANK_LOAN_OFFICER;

	private static final String REGISTRY = Groups.REGISTRY_CLERK;

	private static final String GUARANTOR = Groups.GUARANTOR_OFFICER;

	private static final String AGENT = Groups.DEVELOPER_AGENT;

	private static final String MANAGER = Groups.HALL_MANAGER;

	private static final String ADMIN = Groups.SYSTEM_ADMIN;

	private static final String ONLINE = Groups.ONLINE_HALL;

	private static final String AUDITOR = Groups.AUDITOR;

	private static final String FORBIDDEN_TYPE = "\"type\":\"/problems/forbidden\"";

	/** Endpoint → the groups that may call it. Everyone else: 403; nobody signed in: 401. */
	static final Map<String, Set<String>> MATRIX = new LinkedHashMap<>();

	static {
		MATRIX.put("GET /api/cases", Set.of(CLERK, REVIEWER, APPROVER, BANK, REGISTRY, GUARANTOR, AGENT, MANAGER, ADMIN));
		MATRIX.put("GET /api/cases/{caseNo}",
				Set.of(CLERK, REVIEWER, APPROVER, BANK, REGISTRY, GUARANTOR, AGENT, MANAGER, ADMIN));
		MATRIX.put("GET /api/cases/{caseNo}/documents",
				Set.of(CLERK, REVIEWER, APPROVER, BANK, REGISTRY, GUARANTOR, AGENT, MANAGER, ADMIN));
		MATRIX.put("GET /api/cases/{caseNo}/documents/{documentNo}",
				Set.of(CLERK, REVIEWER, APPROVER, BANK, REGISTRY, GUARANTOR, AGENT, MANAGER, ADMIN));
		MATRIX.put("GET /api/cases/{caseNo}/visits",
				Set.of(CLERK, REVIEWER, APPROVER, BANK, REGISTRY, GUARANTOR, AGENT, MANAGER, ADMIN));
		MATRIX.put("POST /api/cases/{caseNo}/visits", Set.of(CLERK, REVIEWER, APPROVER, BANK, REGISTRY, GUARANTOR));
		MATRIX.put("GET /api/cases/{caseNo}/materials",
				Set.of(CLERK, REVIEWER, APPROVER, BANK, REGISTRY, GUARANTOR, AGENT, MANAGER, ADMIN, ONLINE));
		MATRIX.put("GET /api/cases/{caseNo}/materials/{uploadId}",
				Set.of(CLERK, REVIEWER, APPROVER, BANK, REGISTRY, GUARANTOR, AGENT, MANAGER, ADMIN, ONLINE));
		MATRIX.put("POST /api/cases/{caseNo}/materials/{material}", Set.of(CLERK, AGENT, ONLINE));
		MATRIX.put("POST /api/cases/{caseNo}/materials/{uploadId}/withdrawal", Set.of(CLERK, AGENT, ONLINE));
		MATRIX.put("POST /api/cases/{caseNo}/materials/{uploadId}/replacement", Set.of(CLERK, AGENT, ONLINE));
		MATRIX.put("GET /api/cases/{caseNo}/sla", Set.of(CLERK, REVIEWER, APPROVER, BANK, REGISTRY, GUARANTOR, AGENT,
				MANAGER, ADMIN));
		MATRIX.put("GET /api/tasks", Set.of(CLERK, REVIEWER, APPROVER, BANK, REGISTRY, GUARANTOR));
		MATRIX.put("POST /api/tasks/{taskId}/claim", Set.of(CLERK, REVIEWER, APPROVER, BANK, REGISTRY, GUARANTOR));
		MATRIX.put("POST /api/tasks/{taskId}/unclaim", Set.of(CLERK, REVIEWER, APPROVER, BANK, REGISTRY, GUARANTOR));
		Set<String> readers = Set.of(CLERK, REVIEWER, APPROVER, BANK, REGISTRY, GUARANTOR, AGENT, MANAGER, ADMIN);
		MATRIX.put("POST /api/loan/resale-applications", Set.of(CLERK));
		MATRIX.put("POST /api/loan/new-house-applications", Set.of(AGENT));
		MATRIX.put("POST /api/loan/new-house-applications/{caseNo}/resubmission", Set.of(AGENT));
		MATRIX.put("POST /api/loan/new-house-applications/{caseNo}/withdrawal", Set.of(AGENT));
		MATRIX.put("GET /api/loan/applications/{caseNo}", readers);
		MATRIX.put("GET /api/loan/applications/{caseNo}/schedule", readers);
		MATRIX.put("GET /api/loan/applications/{caseNo}/checklist", readers);
		MATRIX.put("GET /api/loan/calculator", readers);
		MATRIX.put("GET /api/loan/rates", readers);
		MATRIX.put("POST /api/loan/applications/{caseNo}/acceptance", Set.of(CLERK));
		MATRIX.put("POST /api/loan/applications/{caseNo}/materials-supplemented", Set.of(CLERK));
		MATRIX.put("POST /api/loan/applications/{caseNo}/withdrawal", Set.of(CLERK));
		MATRIX.put("POST /api/loan/applications/{caseNo}/credit-review", Set.of(BANK));
		MATRIX.put("POST /api/loan/applications/{caseNo}/title-review", Set.of(REGISTRY));
		MATRIX.put("POST /api/loan/applications/{caseNo}/guarantee-assessment", Set.of(GUARANTOR));
		MATRIX.put("POST /api/loan/applications/{caseNo}/first-review", Set.of(REVIEWER));
		MATRIX.put("POST /api/loan/applications/{caseNo}/approval", Set.of(APPROVER));
		MATRIX.put("POST /api/loan/applications/{caseNo}/contract-signing/fund-centre", Set.of(CLERK));
		MATRIX.put("POST /api/loan/applications/{caseNo}/contract-signing/bank", Set.of(BANK));
		MATRIX.put("POST /api/loan/applications/{caseNo}/contract-signing/guarantor", Set.of(GUARANTOR));
		MATRIX.put("POST /api/loan/applications/{caseNo}/mortgage-registration", Set.of(REGISTRY));
		MATRIX.put("POST /api/loan/applications/{caseNo}/pre-mortgage-registration", Set.of(REGISTRY));
		MATRIX.put("POST /api/loan/applications/{caseNo}/pre-mortgage-conversion", Set.of(REGISTRY));
		MATRIX.put("POST /api/withdrawals", Set.of(CLERK, ONLINE));
		MATRIX.put("POST /api/withdrawals/assessment", Set.of(CLERK, ONLINE));
		MATRIX.put("GET /api/withdrawals/{caseNo}",
				Set.of(CLERK, REVIEWER, APPROVER, BANK, REGISTRY, GUARANTOR, MANAGER, ADMIN, ONLINE));
		MATRIX.put("POST /api/withdrawals/{caseNo}/review", Set.of(REVIEWER));
		MATRIX.put("POST /api/withdrawals/{caseNo}/approval", Set.of(APPROVER));
		MATRIX.put("POST /api/withdrawals/{caseNo}/offset-agreement/termination", Set.of(CLERK, ONLINE));
		MATRIX.put("GET /api/bundles",
				Set.of(CLERK, REVIEWER, APPROVER, BANK, REGISTRY, GUARANTOR, MANAGER, ADMIN, ONLINE));
		MATRIX.put("POST /api/bundles/{code}/applications", Set.of(CLERK));
		MATRIX.put("POST /api/bundles/cases/{caseNo}/after-refusal", Set.of(CLERK));
		MATRIX.put("POST /api/bundles/cases/{caseNo}/deed-tax-paid", Set.of(CLERK));
		Set<String> bookers = Set.of(CLERK, REVIEWER, APPROVER, BANK, REGISTRY, GUARANTOR, AGENT, ONLINE);
		Set<String> bookingReaders = Set.of(CLERK, REVIEWER, APPROVER, BANK, REGISTRY, GUARANTOR, AGENT, ONLINE, MANAGER,
				ADMIN);
		MATRIX.put("GET /api/bookings/branches", bookingReaders);
		MATRIX.put("GET /api/bookings/slots", bookingReaders);
		MATRIX.put("GET /api/bookings", bookingReaders);
		MATRIX.put("GET /api/bookings/{bookingId}", bookingReaders);
		MATRIX.put("POST /api/bookings", bookers);
		MATRIX.put("POST /api/bookings/{bookingId}/reschedule", bookers);
		MATRIX.put("POST /api/bookings/{bookingId}/cancellation", bookers);
		Set<String> counters = Set.of(CLERK, REVIEWER, APPROVER, BANK, REGISTRY, GUARANTOR);
		MATRIX.put("POST /api/queue/check-ins", counters);
		MATRIX.put("POST /api/queue/walk-ins", counters);
		MATRIX.put("POST /api/queue/{branch}/calls", counters);
		MATRIX.put("GET /api/queue/{branch}", Set.of(CLERK, REVIEWER, APPROVER, BANK, REGISTRY, GUARANTOR, MANAGER));
		Set<String> staff = Set.of(CLERK, REVIEWER, APPROVER, BANK, REGISTRY, GUARANTOR, MANAGER, ADMIN);
		MATRIX.put("GET /api/sla/calendar", staff);
		MATRIX.put("GET /api/sla/calendar/{year}", staff);
		MATRIX.put("PUT /api/sla/calendar/{year}", Set.of(ADMIN));
		MATRIX.put("GET /api/developers", Set.of(MANAGER, ADMIN));
		MATRIX.put("POST /api/developers", Set.of(MANAGER));
		MATRIX.put("GET /api/developers/{uscc}", Set.of(MANAGER, ADMIN));
		MATRIX.put("PUT /api/developers/{uscc}", Set.of(MANAGER));
		MATRIX.put("PUT /api/developers/{uscc}/projects/{code}", Set.of(MANAGER));
		MATRIX.put("PUT /api/developers/{uscc}/agents/{username}", Set.of(MANAGER));
		MATRIX.put("DELETE /api/developers/{uscc}/agents/{username}", Set.of(MANAGER));
		MATRIX.put("GET /api/sla/dashboard", Set.of(MANAGER, ADMIN));
		MATRIX.put("GET /api/audit/entries", Set.of(AUDITOR, MANAGER));
		MATRIX.put("GET /api/audit/days/{day}", Set.of(AUDITOR, MANAGER));
		MATRIX.put("GET /api/admin/fake-systems", Set.of(ADMIN));
		MATRIX.put("PUT /api/admin/fake-systems/{system}/outage", Set.of(ADMIN));
	}

	@Autowired
	private TestRestTemplate http;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	@Test
	void theMatrixNamesEveryEndpointOfTheApi() {
		Set<String> served = new TreeSet<>();
		this.mappings.getHandlerMethods().forEach((info, method) -> info.getPatternValues().stream()
			.filter(pattern -> pattern.startsWith("/api/"))
			.forEach(pattern -> info.getMethodsCondition().getMethods()
				.forEach(verb -> served.add(verb.name() + " " + pattern))));

		assertThat(served).isEqualTo(new TreeSet<>(MATRIX.keySet()));
	}

	@Test
	@SuppressWarnings("unchecked")
	void theOpenApiDescriptionNamesTheSameEndpoints() {
		Map<String, Object> description = Api.as(this.http, TestTokens.user("clerk1", CLERK)).get("/v3/api-docs").getBody();
		Set<String> described = new TreeSet<>();
		((Map<String, Map<String, Object>>) description.get("paths")).forEach((path, operations) -> operations.keySet()
			.stream()
			.filter(verb -> List.of("get", "put", "post", "delete", "patch").contains(verb))
			.filter(verb -> path.startsWith("/api/"))
			.forEach(verb -> described.add(verb.toUpperCase(java.util.Locale.ROOT) + " " + path)));

		assertThat(described).as("every operation the OpenAPI description offers has its row in the matrix, and back")
			.isEqualTo(new TreeSet<>(MATRIX.keySet()));
	}

	static Stream<Arguments> everyEndpointForEveryGroup() {
		List<Arguments> cases = new ArrayList<>();
		for (String endpoint : MATRIX.keySet()) {
			for (String group : Groups.ALL) {
				cases.add(Arguments.of(endpoint, group));
			}
			cases.add(Arguments.of(endpoint, "(no group)"));
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} as {1}")
	@MethodSource("everyEndpointForEveryGroup")
	void letsEachPostReachWhatItShouldAndNothingElse(String endpoint, String group) {
		String token = switch (group) {
			case "(no group)" -> TestTokens.user("nobody");
			case Groups.DEVELOPER_AGENT -> TestTokens.developerAgent("agent-a", "91350100M000100Y43");
			default -> TestTokens.user("officer", group);
		};
		ResponseEntity<String> response = call(Api.as(this.http, token), endpoint);

		if (MATRIX.get(endpoint).contains(group)) {
			// through the door: whatever the business answers (200, 201, 400, 404, 409...), it is not a refusal of the post
			assertThat(response.getStatusCode()).as(endpoint + " as " + group + ": " + response.getBody())
				.isNotEqualTo(HttpStatus.UNAUTHORIZED);
			assertThat(String.valueOf(response.getBody())).as(endpoint + " as " + group)
				.doesNotContain(FORBIDDEN_TYPE);
		}
		else {
			assertThat(response.getStatusCode()).as(endpoint + " as " + group).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(response.getBody()).contains(FORBIDDEN_TYPE);
		}
	}

	@ParameterizedTest(name = "{0} anonymously")
	@MethodSource("endpoints")
	void refusesEveryEndpointToAnonymousCallers(String endpoint) {
		ResponseEntity<String> response = call(Api.anonymous(this.http), endpoint);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void deniesWhatNoRuleNames() {
		Api admin = Api.as(this.http, TestTokens.user("admin1", Groups.ALL.toArray(String[]::new)));

		assertThat(admin.get("/api/not-an-endpoint").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(admin.exchange(HttpMethod.DELETE, "/api/cases/DK2026112300001", null, null).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
	}

	static Stream<String> endpoints() {
		return MATRIX.keySet().stream();
	}

	private static ResponseEntity<String> call(Api api, String endpoint) {
		String[] parts = endpoint.split(" ", 2);
		String path = parts[1].replace("{caseNo}", "DK2026010199999")
			.replace("{taskId}", UUID.randomUUID().toString())
			.replace("{documentNo}", "SL2026000001")
			.replace("{uploadId}", UUID.randomUUID().toString())
			.replace("{material}", "BORROWER_ID")
			// a seeded year: reading it answers 200; replacing it with the empty body {} is refused 400, nothing changed
			.replace("{year}", "2026")
			// a day of the audit trail: walked, nothing changed
			.replace("{day}", "2026-01-05")
			// an unknown system: a request that passes the door is answered 400 and changes nothing
			.replace("{system}", "NO_SUCH_SYSTEM")
			// no such booking (404); a branch whose queue a call with the empty body {} leaves alone (400)
			.replace("{bookingId}", "999999999")
			.replace("{branch}", "HQ")
			// no such developer: a request that passes the door is answered 400 or 404 and changes nothing
			.replace("{uscc}", "91000000NOSUCH0000")
			.replace("{code}", "NO-SUCH")
			.replace("{username}", "no-such-agent");
		HttpMethod method = HttpMethod.valueOf(parts[0]);
		return api.raw(method, path, method == HttpMethod.GET ? null : Map.of(), UUID.randomUUID().toString());
	}

}
