package cn.example.servicehall.platform.web;

import static cn.example.servicehall.support.LoanFixtures.FLAT_2008;
import static cn.example.servicehall.support.LoanFixtures.resaleApplication;
import static cn.example.servicehall.support.LoanFixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.support.HtmlPage;
import cn.example.servicehall.support.RawHttp;
import cn.example.servicehall.support.RawHttp.Request;
import cn.example.servicehall.support.RawHttp.Response;
import cn.example.servicehall.support.TestTokens;

/**
 * What a careless or hostile client gets for what the fuzzing run found: 400 (or 415) naming what to
 * correct, as a problem for the API and as a page for a browser; never a 500, never Tomcat's HTML, and nothing
 * written.
 */
@ServiceHallIntegrationTest
@AutoConfigureMockMvc
class MalformedRequestsIT {

	@LocalServerPort
	private int port;

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MockMvc mvc;

	private final ObjectMapper json = new ObjectMapper();

	private final String clerk = TestTokens.user("clerk1", Groups.HPF_ACCEPTANCE_CLERK);

	static List<Arguments> spoiledApplications() {
		return List.of(
				Arguments.of("firstHome as a number", "property.firstHome",
						(Consumer<Map<String, Object>>) a -> part(a, "property").put("firstHome", 1), "“1” 格式不对"),
				Arguments.of("repaymentMethod as its position", "loan.repaymentMethod",
						(Consumer<Map<String, Object>>) a -> part(a, "loan").put("repaymentMethod", 0),
						"须为以下名称之一：EQUAL_INSTALMENT、EQUAL_PRINCIPAL"),
				Arguments.of("an amount in full-width digits", "loan.requestedAmount",
						(Consumer<Map<String, Object>>) a -> part(a, "loan").put("requestedAmount", "６０００００.００"),
						"须为用半角阿拉伯数字 0-9 书写的数字"),
				Arguments.of("a term in full-width digits", "loan.termMonths",
						(Consumer<Map<String, Object>>) a -> part(a, "loan").put("termMonths", "２４０"),
						"须为用半角阿拉伯数字 0-9 书写的数字"),
				Arguments.of("NUL in the borrower's name", "borrower.name",
						(Consumer<Map<String, Object>>) a -> part(a, "borrower").put("name", "张\u0000伟"),
						"含有不可见的控制字符 U+0000"),
				Arguments.of("a lone surrogate in the seller's bank", "property.seller.bank",
						(Consumer<Map<String, Object>>) a -> part(part(a, "property"), "seller").put("bank", "建行\ud800"),
						"含有不完整的字符 U+D800"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("spoiledApplications")
	@DisplayName("窗口申请中类型不对或含控制字符的字段：400，指明字段，不保存")
	void refusesAFieldOfTheWrongKindByName(String what, String field, Consumer<Map<String, Object>> spoil,
			String message) throws Exception {
		int cases = count("select count(*) from intake_case");
		Map<String, Object> application = resaleApplication(FLAT_2008);
		spoil.accept(application);

		Response answer = send(Request.of("POST", "/api/loan/resale-applications")
			.header("Authorization", "Bearer " + this.clerk)
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.header("Content-Type", "application/json")
			.body(this.json.writeValueAsBytes(application)));

		assertThat(answer.status()).as(answer.body()).isEqualTo(400);
		assertThat(answer.isProblem()).isTrue();
		assertThat(detail(answer)).startsWith("字段 " + field + " ").contains(message);
		assertThat(count("select count(*) from intake_case")).isEqualTo(cases);
	}

	@Test
	@DisplayName("撤回理由含 NUL：400 指明字段，案件不变（以前 PostgreSQL 拒绝写入，答复 500）")
	void refusesNulInAnyTextFieldBeforeTheDatabaseDoes() throws Exception {
		String caseNo = submit(this.http, resaleApplication(FLAT_2008));

		Response answer = send(Request.of("POST", "/api/loan/applications/" + caseNo + "/withdrawal")
			.header("Authorization", "Bearer " + this.clerk)
			.header("Content-Type", "application/json")
			.body("{\"reason\":\"申请人\\u0000撤回\"}".getBytes(StandardCharsets.UTF_8)));

		assertThat(answer.status()).as(answer.body()).isEqualTo(400);
		assertThat(detail(answer)).startsWith("字段 reason 含有不可见的控制字符 U+0000");
		assertThat(this.jdbc.sql("select status from intake_case where case_no = ?").param(caseNo).query(String.class)
			.single()).isEqualTo("SUBMITTED");
	}

	@Test
	void refusesControlCharactersInParametersAndTheAddressNamingThem() throws Exception {
		Response parameter = send(Request.of("GET", "/api/cases?status=%01ACCEPTED")
			.header("Authorization", "Bearer " + this.clerk)
			.header("Accept", "application/json"));
		assertThat(parameter.status()).isEqualTo(400);
		assertThat(detail(parameter)).startsWith("参数 status 含有不可见的控制字符 U+0001");

		Response path = send(Request.of("GET", "/api/cases/DK2026%07").header("Authorization", "Bearer " + this.clerk));
		assertThat(path.status()).isEqualTo(400);
		assertThat(detail(path)).startsWith("请求地址含有不可见的控制字符 U+0007");
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/*", "*/*", "application/json; charset=\"", ";;" })
	@DisplayName("Content-Type 为通配符或格式不对：415，不是 500")
	void refusesAContentTypeThatIsNotOne(String contentType) throws Exception {
		Response answer = send(Request.of("POST", "/api/loan/resale-applications")
			.header("Authorization", "Bearer " + this.clerk)
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.header("Content-Type", contentType)
			.body(this.json.writeValueAsBytes(resaleApplication(FLAT_2008))));

		assertThat(answer.status()).as(answer.body()).isEqualTo(415);
		assertThat(answer.isProblem()).isTrue();
		assertThat(detail(answer)).contains("application/json");
	}

	@Test
	@DisplayName("非 ASCII 的 Idempotency-Key：400，不是 500")
	void refusesAnIdempotencyKeyThatIsNotAscii() throws Exception {
		byte[] body = this.json.writeValueAsBytes(resaleApplication(FLAT_2008));
		int cases = count("select count(*) from intake_case");
		for (byte[] key : List.of("幂等键-1".getBytes(StandardCharsets.UTF_8), "clé-1".getBytes(StandardCharsets.ISO_8859_1),
				new byte[] { 'k', 1, 'y' })) {
			Response answer = send(Request.of("POST", "/api/loan/resale-applications")
				.header("Authorization", "Bearer " + this.clerk)
				.header("Idempotency-Key", key)
				.header("Content-Type", "application/json")
				.body(body));

			assertThat(answer.status()).as(answer.body()).isEqualTo(400);
			assertThat(answer.isProblem()).as(answer.contentType()).isTrue();
		}
		assertThat(count("select count(*) from intake_case")).isEqualTo(cases);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "{}", "{\"down\":null}", "{\"down\":1}", "{\"down\":\"true\"}" })
	@DisplayName("模拟系统停机开关：空内容或缺少 down：400，不是 500")
	void refusesAnOutageSwitchThatSaysNothing(String body) {
		Response answer = send(Request.of("PUT", "/api/admin/fake-systems/REGISTRY/outage")
			.header("Authorization", "Bearer " + TestTokens.user("admin1", Groups.SYSTEM_ADMIN))
			.header("Content-Type", "application/json")
			.body(body.getBytes(StandardCharsets.UTF_8)));

		assertThat(answer.status()).as(answer.body()).isEqualTo(400);
		assertThat(answer.isProblem()).isTrue();
		if (!body.isEmpty()) {
			assertThat(answer.body()).contains("down");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/cases/DK2026%00", "/api/loan%2Fapplications/DK2026120100001", "/api/cases/\u0007x",
			"/api/cases/中文", "/api/../../etc/passwd", "/api/cases;jsessionid=1", "//api/cases", "/api/cases/%25",
			"/api/cases/%5C..", "/verify/SL2026%00" })
	@DisplayName("Tomcat 和防火墙拒绝的地址：400 problem+json，不是 Tomcat 的 HTML")
	void answersWhatTheConnectorAndTheFirewallRefuseAsAProblem(String target) {
		for (String accept : List.of("application/json", "text/html")) {
			Response answer = send(new Request("GET", target.getBytes(StandardCharsets.UTF_8), List.of(), null)
				.header("Authorization", "Bearer " + this.clerk)
				.header("Accept", accept));

			assertThat(answer.status()).as(answer.body()).isEqualTo(400);
			assertThat(answer.contentType()).startsWith("application/problem+json");
			assertThat(answer.body()).contains("\"type\":\"/problems/malformed-request\"").doesNotContain("Tomcat");
		}
	}

	@Test
	void answersAWrongMethodOrAcceptAsAProblem() {
		Response trace = send(Request.of("TRACE", "/api/cases").header("Authorization", "Bearer " + this.clerk));
		assertThat(trace.status()).isEqualTo(400);
		assertThat(trace.isProblem()).isTrue();

		Response delete = send(Request.of("DELETE", "/api/loan/calculator").header("Authorization", "Bearer " + this.clerk));
		assertThat(delete.status()).isIn(403, 405);
		assertThat(delete.isProblem()).isTrue();

		Response xml = send(Request.of("GET", "/api/loan/rates").header("Authorization", "Bearer " + this.clerk)
			.header("Accept", "application/xml"));
		assertThat(xml.status()).isEqualTo(406);
		assertThat(xml.isProblem()).isTrue();

		Response garbage = send(Request.of("GET", "/api/loan/rates").header("Authorization", "Bearer " + this.clerk)
			.header("Accept", ";;;"));
		assertThat(garbage.status()).as(garbage.toString()).isEqualTo(406);
		assertThat(garbage.isProblem()).as(garbage.toString()).isTrue();
	}

	@Test
	@DisplayName("页面地址中的控制字符：浏览器看到说明原因的错误页面")
	void showsABrowserThePageWithTheReason() {
		Response answer = send(Request.of("GET", "/verify/SL2026000001?from=%01")
			.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"));

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.isHtml()).isTrue();
		assertThat(HtmlPage.parse(answer.body()).get("#error-detail").text())
			.startsWith("参数 from 含有不可见的控制字符 U+0001");
	}

	@Test
	@DisplayName("窗口页面表单中的控制字符：400，不是 500")
	void refusesAPageFormWithControlCharactersWithoutFailing() throws Exception {
		int cases = count("select count(*) from intake_case");

		MvcResult refused = this.mvc.perform(post("/applications/resale")
			.with(oidcLogin().authorities(new SimpleGrantedAuthority(Groups.HPF_ACCEPTANCE_CLERK))
				.idToken(token -> token.claim("preferred_username", "clerk1")))
			.with(csrf())
			.param("idempotencyKey", UUID.randomUUID().toString())
			.param("borrower.name", "张\u0000伟")
			.param("borrower.idNumber", "410802198506150313")).andReturn();

		assertThat(refused.getResponse().getStatus()).isEqualTo(400);
		assertThat(refused.getResponse().getErrorMessage()).startsWith("参数 borrower.name 含有不可见的控制字符 U+0000");
		assertThat(count("select count(*) from intake_case")).isEqualTo(cases);
	}

	private Response send(Request request) {
		return new RawHttp(this.port).send(request);
	}

	private String detail(Response answer) throws Exception {
		return String.valueOf(this.json.readValue(answer.body(), Map.class).get("detail"));
	}

	private int count(String sql) {
		return this.jdbc.sql(sql).query(Integer.class).single();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> part(Map<String, Object> map, String key) {
		Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map.get(key));
		map.put(key, copy);
		return copy;
	}

}
