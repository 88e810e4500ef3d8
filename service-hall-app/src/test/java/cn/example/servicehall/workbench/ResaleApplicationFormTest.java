package cn.example.servicehall.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.example.servicehall.documents.PrintableText;
import cn.example.servicehall.documents.render.DocumentRenderer;
import cn.example.servicehall.identity.CurrentOfficers;
import cn.example.servicehall.intake.CaseServices;
import cn.example.servicehall.loan.LoanApplications;
import cn.example.servicehall.platform.idempotency.IdempotentRequests;
import cn.example.servicehall.platform.time.ClockSettings;

/**
 * The resale application form on its own (a slice of the web layer, no hall behind it): what the clerk typed stays
 * and each field says what is wrong, with the rules the API applies. Nothing reaches the domain: the application
 * and the idempotency store are stand-ins that must not be called.
 */
@WebMvcTest(controllers = ResaleApplicationController.class,
		excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
				pattern = "cn\\.example\\.servicehall\\.(workflow|intake\\.web|identity\\.keycloak)\\..*"))
@Import({ ResaleApplicationCheck.class, WorkbenchPages.class, PageFormats.class, ClockBanner.class,
		CalendarAccess.class, CurrentOfficers.class, CaseServices.class, PrintableText.class, DocumentRenderer.class,
		ResaleApplicationFormTest.FixedClock.class })
class ResaleApplicationFormTest {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private LoanApplications applications;

	@MockitoBean
	private IdempotentRequests idempotent;

	@Test
	void keepsWhatTheClerkTypedAndShowsEachFieldsMessage() throws Exception {
		String form = page(get("/applications/resale/new").with(clerk()), 200);
		assertThat(form).contains("autofocus").contains("name=\"idempotencyKey\"").contains("for=\"borrower-name\"");

		String refused = page(post("/applications/resale").with(clerk()).with(csrf())
			.param("idempotencyKey", UUID.randomUUID().toString())
			.param("borrower.name", "张伟")
			.param("borrower.idNumber", "410802198506150314")
			.param("borrower.maritalStatus", "MARRIED")
			.param("borrower.monthlyIncome", "一万二")
			.param("loan.requestedAmount", "600000.00")
			.param("loan.termMonths", "240")
			.param("loan.repaymentMethod", "EQUAL_INSTALMENT"), 400);
		assertThat(refused).contains("value=\"张伟\"")
			.contains("value=\"一万二\"")
			.contains("身份证号码校验位（最后一位）不符")
			.contains("请填写数字")
			.contains("已婚借款人须由配偶作为共同借款人")
			.contains("请填写不动产权证书号")
			.contains("请选择是否首套住房");
		verifyNoInteractions(this.applications, this.idempotent);
	}

	private String page(MockHttpServletRequestBuilder request, int expectedStatus) throws Exception {
		MvcResult result = this.mvc.perform(request).andReturn();
		String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(result.getResponse().getStatus()).as(body).isEqualTo(expectedStatus);
		return body;
	}

	private static OidcLoginRequestPostProcessor clerk() {
		return oidcLogin().idToken(token -> token.subject("clerk1")
			.claim("preferred_username", "clerk1")
			.claim("family_name", "王")
			.claim("given_name", "晓明"))
			.authorities(new SimpleGrantedAuthority("hpf-acceptance-clerk"));
	}

	/** The hall's clock, fixed: the page shows no date that depends on the machine's. */
	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ClockSettings.class)
	static class FixedClock {

		@Bean
		Clock clock() {
			return Clock.fixed(Instant.parse("2026-03-02T01:00:00Z"), ZoneId.of("Asia/Shanghai"));
		}

	}

}
