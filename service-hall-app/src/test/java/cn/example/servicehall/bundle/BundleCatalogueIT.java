package cn.example.servicehall.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.web.servlet.MockMvc;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.support.Api;
import cn.example.servicehall.support.SignedIn;
import cn.example.servicehall.support.TestTokens;

/**
 * The catalogue as the online channel reads it ({@code GET /api/bundles}) and as a clerk reads it on the workbench
 * ({@code /bundles}, in Chinese and in English): every bundle with its parts, agencies, order, time limit, what a
 * refusal does and the merged checklist with one ID card.
 */
@ServiceHallIntegrationTest
@AutoConfigureMockMvc
class BundleCatalogueIT {

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ClientRegistrationRepository registrations;

	@Test
	@SuppressWarnings("unchecked")
	void theOnlineHallReadsTheCatalogue() {
		ResponseEntity<List<Map<String, Object>>> answer = Api.as(this.http, TestTokens.user("online", Groups.ONLINE_HALL))
			.getList("/api/bundles");

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		List<Map<String, Object>> bundles = answer.getBody();
		assertThat(bundles).extracting(b -> b.get("code"))
			.containsExactly("HOUSE_PURCHASE", "RESALE_PURCHASE_AND_LOAN", "RETIREMENT");
		Map<String, Object> retirement = bundles.get(2);
		assertThat(retirement).containsEntry("name", "退休一件事")
			.containsEntry("available", true)
			.containsEntry("timeLimitWorkingDays", 5)
			.containsEntry("onRefusal", "ask-to-continue");
		List<Map<String, Object>> parts = (List<Map<String, Object>>) retirement.get("parts");
		assertThat(parts).extracting(p -> p.get("key")).containsExactly("loan-payoff", "closing");
		assertThat(parts.get(1)).containsEntry("after", List.of("loan-payoff")).containsEntry("agency", "HPF");
		assertThat(parts.get(0)).containsEntry("when", "has-fund-loan");
		List<Map<String, Object>> materials = (List<Map<String, Object>>) retirement.get("materials");
		assertThat(materials).extracting(m -> m.get("code")).containsOnlyOnce("APPLICANT_ID");
		assertThat(materials.get(0)).containsEntry("neededBy", List.of("loan-payoff", "closing"));
		// available first, then by code; the loan part of 购房一件事 names its own codes for the same documents
		Map<String, Object> purchase = bundles.get(0);
		assertThat(purchase).containsEntry("available", true).containsEntry("timeLimitWorkingDays", 15);
		assertThat(((List<Map<String, Object>>) purchase.get("parts")).get(1)).containsEntry("key", "loan")
			.containsEntry("after", List.of("purchase-withdrawal"))
			.containsEntry("ownCodes", Map.of("APPLICANT_ID", "BORROWER_ID", "RESALE_CONTRACT", "PURCHASE_CONTRACT"));
		assertThat((List<Map<String, Object>>) purchase.get("materials")).extracting(m -> m.get("code"))
			.containsOnlyOnce("APPLICANT_ID");
		assertThat(bundles.get(1)).containsEntry("available", true)
			.containsEntry("name", "二手房买卖+公积金贷款");
	}

	@Test
	void aClerkSeesTheCatalogueInChineseAndInEnglish() throws Exception {
		var clerk = SignedIn.as(this.registrations, "clerk1", "王", "晓明", Groups.HPF_ACCEPTANCE_CLERK);

		String page = this.mvc.perform(get("/bundles").with(clerk))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		assertThat(page).contains("一件事一次办", "退休一件事", "购房一件事", "二手房买卖+公积金贷款",
				"5个工作日", "公积金贷款结清（以账户余额偿还）", "离休、退休提取并销户", "住建局", "税务局",
				"申请人有未结清的公积金贷款时办理", "须等“公积金贷款结清（以账户余额偿还）”办完",
				"某一事项不予办理时，由受理岗询问申请人是否继续办理其余事项");
		assertThat(page.split("申请人居民身份证", -1)).as("one ID card on retirement's merged checklist").hasSize(2);
		assertThat(page).contains("id=\"bundle-RETIREMENT\"", "id=\"bundle-HOUSE_PURCHASE\"", "id=\"bundle-RESALE_PURCHASE_AND_LOAN\"");
		assertThat(page).as("the header names who is signed in, as on every workbench page")
			.contains("id=\"officer-name\"");

		String english = this.mvc.perform(get("/bundles").param("lang", "en").with(clerk))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		assertThat(english).contains("One thing, one visit", "Retirement, one visit", "Resale purchase with a fund loan, one visit", "5 working days",
				"Housing authority", "Applicant&#39;s resident ID card");
	}

}
