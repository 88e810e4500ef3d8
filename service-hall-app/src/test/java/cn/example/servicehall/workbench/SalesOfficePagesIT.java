package cn.example.servicehall.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.support.HtmlPage;
import cn.example.servicehall.support.LoanFixtures;
import cn.example.servicehall.support.NewHouseSales;
import cn.example.servicehall.support.SignedIn;

/**
 * The sales office's pages without a browser: the form refuses bad input in words and keeps what was typed, a refusal
 * of the housing authority's check saves nothing, withdrawal needs a reason and ends the case, and staff do not get in.
 */
@ServiceHallIntegrationTest
@AutoConfigureMockMvc
class SalesOfficePagesIT {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ClientRegistrationRepository registrations;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void theFormRefusesInWordsAndKeepsWhatWasTyped() throws Exception {
		OidcLoginRequestPostProcessor agent = agentA();
		HtmlPage form = HtmlPage.parse(page(get("/sales-office/applications/new").with(agent), 200));
		assertThat(form.all("#so-project option")).extracting(o -> o.attr("value")).contains(NewHouseSales.PROJECT_A)
			.doesNotContain(NewHouseSales.PROJECT_B);

		long cases = count();
		HtmlPage refused = HtmlPage.parse(page(application("钱七", "110101199003070000", "不是备案号").with(agent), 400));
		assertThat(refused.get("#application-problem").text()).contains("身份证");
		// each error beside its field, which says so to a screen reader; the others untouched
		assertThat(refused.get("#so-id-number-error").text()).contains("身份证");
		assertThat(refused.get("#so-id-number").attr("aria-invalid")).isEqualTo("true");
		assertThat(refused.get("#so-id-number").attr("aria-describedby")).isEqualTo("so-id-number-error");
		assertThat(refused.all("#so-name-error")).isEmpty();
		assertThat(refused.get("#so-name").attr("aria-invalid")).isNull();
		// the keyboard starts at the first field in error
		assertThat(refused.get("#so-id-number").attr("autofocus")).isNotNull();
		assertThat(refused.get("#so-project").attr("autofocus")).isNull();
		assertThat(refused.get("#so-name").value()).isEqualTo("钱七");
		assertThat(refused.get("#so-filing").value()).isEqualTo("不是备案号");

		// well-formed, but no such contract at the housing authority: refused, nothing saved
		HtmlPage unfiled = HtmlPage.parse(page(application("钱七", LoanFixtures.newBuyerIdNumber(), "WQ-NOT-FILED-1"),
				agent, 422));
		assertThat(unfiled.get("#application-problem").text()).isNotBlank();
		assertThat(unfiled.get("#so-filing-error").text()).contains("WQ-NOT-FILED-1");
		assertThat(count()).isEqualTo(cases);
	}

	@Test
	void withdrawalNeedsAReasonAndEndsTheCase() throws Exception {
		OidcLoginRequestPostProcessor agent = agentA();
		String buyer = LoanFixtures.newBuyerIdNumber();
		String unit = "8-" + (System.nanoTime() % 100000) + "-101";
		String filingNo = NewHouseSales.fileContract(this.jdbc, "滨江花园", NewHouseSales.PERMIT_A, unit, "钱七", buyer,
				"FILED");
		MvcResult submitted = this.mvc.perform(post("/sales-office/applications").with(agent).with(csrf())
			.param("project", NewHouseSales.PROJECT_A).param("unitNo", unit).param("contractFilingNo", filingNo)
			.param("applicant.name", "钱七").param("applicant.idNumber", buyer).param("requestedAmount", "600000")
			.param("termMonths", "300")).andReturn();
		String location = submitted.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/sales-office/cases/DK");
		String caseNo = location.substring("/sales-office/cases/".length());

		MvcResult noReason = this.mvc.perform(post(location + "/withdrawal").with(agent).with(csrf())).andReturn();
		assertThat(noReason.getFlashMap().get("flashProblem")).isEqualTo("请填写撤回原因。");
		assertThat(status(caseNo)).isEqualTo("SUBMITTED");

		this.mvc.perform(post(location + "/withdrawal").param("reason", "购房人放弃购房").with(agent).with(csrf()));
		assertThat(status(caseNo)).isEqualTo("WITHDRAWN");
		HtmlPage after = HtmlPage.parse(page(get(location).with(agent), 200));
		assertThat(after.get("#so-status").text()).isEqualTo("已撤回");
		assertThat(after.all("#withdraw-form")).isEmpty();
		assertThat(after.all(".upload-form")).isEmpty();

		// staff have their own pages; another company's agent finds nothing here
		page(get("/sales-office").with(SignedIn.as(this.registrations, "clerk1", "王", "晓明", Groups.HPF_ACCEPTANCE_CLERK)),
				403);
		page(get(location).with(SignedIn.developerAgent(this.registrations, "agent-b", NewHouseSales.COMPANY_B)), 404);
	}

	private OidcLoginRequestPostProcessor agentA() {
		return SignedIn.developerAgent(this.registrations, "agent-a", NewHouseSales.COMPANY_A);
	}

	private static MockHttpServletRequestBuilder application(String name, String idNumber, String filingNo) {
		return post("/sales-office/applications").with(csrf())
			.param("project", NewHouseSales.PROJECT_A)
			.param("unitNo", "9-9-901")
			.param("contractFilingNo", filingNo)
			.param("applicant.name", name)
			.param("applicant.idNumber", idNumber)
			.param("requestedAmount", "600000")
			.param("termMonths", "300");
	}

	private String page(MockHttpServletRequestBuilder request, OidcLoginRequestPostProcessor who, int status)
			throws Exception {
		return page(request.with(who), status);
	}

	private String page(MockHttpServletRequestBuilder request, int status) throws Exception {
		MvcResult result = this.mvc.perform(request).andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.isEqualTo(status);
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private long count() {
		return this.jdbc.sql("select count(*) from intake_case").query(Long.class).single();
	}

	private String status(String caseNo) {
		return this.jdbc.sql("select coalesce(stage, status) from intake_case where case_no = ?").param(caseNo)
			.query(String.class).single();
	}

}
