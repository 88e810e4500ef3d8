package cn.example.servicehall.loan;

import static cn.example.servicehall.support.LoanFixtures.FLAT_2008;
import static cn.example.servicehall.support.LoanFixtures.resaleApplication;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.support.Api;
import cn.example.servicehall.support.LoanFixtures;
import cn.example.servicehall.support.TestTokens;

/**
 * Bad input at the window gets a 4xx problem that names what to correct, in words a clerk can act on, and writes
 * nothing: no case, no party, no idempotency key, no process.
 */
@ServiceHallIntegrationTest
class LoanInputValidationIT {

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private JdbcClient jdbc;

	static java.util.stream.Stream<Arguments> badApplications() {
		return java.util.stream.Stream.of(
				bad("an ID number with a wrong check character", 400, "borrower.idNumber",
						a -> borrower(a).put("idNumber", "410802198506150314"), "身份证号码校验位（最后一位）不符，请逐位核对"),
				bad("an ID number with an impossible birth date", 400, "borrower.idNumber",
						a -> borrower(a).put("idNumber", "410802198502300312"), "身份证号码中的出生日期（第 7 至 14 位）不是真实日期"),
				bad("a negative amount", 400, "loan.requestedAmount", a -> loan(a).put("requestedAmount", "-100"),
						"申请贷款金额须大于 0"),
				bad("an absurd amount", 400, "loan.requestedAmount", a -> loan(a).put("requestedAmount", "99999999999"),
						"申请贷款金额不能超过 1000 万元"),
				bad("fractions of a fen", 400, "loan.requestedAmount", a -> loan(a).put("requestedAmount", "600000.001"),
						"申请贷款金额最多两位小数（精确到分）"),
				bad("a term over the limit", 400, "loan.termMonths", a -> loan(a).put("termMonths", 420),
						"贷款期限须在 12 至 360 个月之间"),
				bad("an absurd price", 400, "property.contractPrice",
						a -> property(a).put("contractPrice", "500000000000"), "房屋价格超出合理范围（1 亿元以内），请核对"),
				bad("an amount above the price", 400, "withinThePrice", a -> loan(a).put("requestedAmount", "1160000"),
						"申请贷款金额不能超过合同价与评估价中的较低者"),
				bad("a married borrower without the spouse", 400, "spouseTheCoBorrower", a -> a.remove("coBorrower"),
						"已婚借款人须由配偶作为共同借款人（双方婚姻状况均为已婚、身份证号不同）；未婚、离异、丧偶者不填共同借款人"),
				bad("a payment to someone else's account", 400, "paidToTheSeller",
						a -> seller(a).put("accountName", "李四"),
						"收款账户须为卖方本人账户（户名与卖方姓名一致），且卖方不能是借款人或共同借款人"),
				bad("an unknown property", 422, null, a -> property(a).put("certificateNo", "豫(2020)焦作市不动产权第9999999号"),
						"不动产登记簿中没有不动产权证书号为“豫(2020)焦作市不动产权第9999999号”的房产，请核对证书号。"),
				bad("no repayment method", 400, "loan.repaymentMethod", a -> loan(a).remove("repaymentMethod"),
						"请选择还款方式（等额本息或等额本金）"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badApplications")
	void refusesBadInputWithAClearProblemAndWritesNothing(String what, int status, String field,
			Consumer<Map<String, Object>> spoil, String message) {
		Map<String, Integer> before = counts();
		Map<String, Object> application = resaleApplication(FLAT_2008);
		spoil.accept(application);

		ResponseEntity<Map<String, Object>> refused = clerk().post("/api/loan/resale-applications", application,
				UUID.randomUUID().toString());

		assertThat(refused.getStatusCode().value()).as(String.valueOf(refused.getBody())).isEqualTo(status);
		assertThat(refused.getHeaders().getContentType()).matches(t -> t.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		if (field != null) {
			assertThat(refused.getBody().get("errors")).asList()
				.extracting(e -> ((Map<?, ?>) e).get("field") + ": " + ((Map<?, ?>) e).get("message"))
				.contains(field + ": " + message);
		}
		else {
			assertThat((String) refused.getBody().get("detail")).startsWith(message);
		}
		assertThat(String.valueOf(refused.getBody())).doesNotContain("Exception").doesNotContain("at cn.example");
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void answersAStepOnAnUnknownCaseWithNotFound() {
		ResponseEntity<Map<String, Object>> unknown = clerk().post("/api/loan/applications/DK2026010199999/acceptance",
				Map.of("materials", Map.of()));

		assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(unknown.getBody()).containsEntry("type", "/problems/case-not-found");
	}

	@Test
	void refusesAChecklistThatLeavesAnItemUnanswered() {
		String caseNo = cn.example.servicehall.support.LoanFixtures.submit(this.http,
				cn.example.servicehall.support.LoanFixtures.newResaleApplication());

		ResponseEntity<Map<String, Object>> partial = clerk().post("/api/loan/applications/" + caseNo + "/acceptance",
				Map.of("materials", Map.of("BORROWER_ID", true, "NOT_A_MATERIAL", true)));

		assertThat(partial.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) partial.getBody().get("detail")).contains("尚未核对：共同借款人（配偶）居民身份证")
			.contains("清单中没有这些材料：NOT_A_MATERIAL");
		assertThat(this.jdbc.sql("select status from intake_case where case_no = ?").param(caseNo).query(String.class)
			.single()).isEqualTo("SUBMITTED");
	}

	@Test
	void refusesACalculatorQuestionOutOfRange() {
		ResponseEntity<Map<String, Object>> quote = clerk().get("/api/loan/calculator?amount=100&months=400");

		assertThat(quote.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(quote.getBody().get("errors")).asList()
			.extracting(e -> (String) ((Map<?, ?>) e).get("message"))
			.contains("试算金额须在 1,000 至 10,000,000 元之间", "期限须在 1 至 360 个月之间");
	}

	private Api clerk() {
		return Api.as(this.http, TestTokens.user("clerk1", "hpf-acceptance-clerk"));
	}

	private Map<String, Integer> counts() {
		return LoanFixtures.rowsOfSubmissions(this.jdbc);
	}

	private static Arguments bad(String what, int status, String field, Consumer<Map<String, Object>> spoil,
			String message) {
		return Arguments.of(what, status, field, spoil, message);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> borrower(Map<String, Object> application) {
		return (Map<String, Object>) application.get("borrower");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> loan(Map<String, Object> application) {
		return (Map<String, Object>) application.get("loan");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> property(Map<String, Object> application) {
		return (Map<String, Object>) application.get("property");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> seller(Map<String, Object> application) {
		Map<String, Object> seller = new LinkedHashMap<>((Map<String, Object>) property(application).get("seller"));
		property(application).put("seller", seller);
		return seller;
	}

}
