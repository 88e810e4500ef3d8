package cn.example.servicehall.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
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
import cn.example.servicehall.platform.idempotency.IdempotentRequests;
import cn.example.servicehall.platform.web.ProblemException;
import cn.example.servicehall.withdrawal.WithdrawalApplication;
import cn.example.servicehall.withdrawal.WithdrawalDecision;
import cn.example.servicehall.withdrawal.WithdrawalType;
import cn.example.servicehall.withdrawal.Withdrawals;

/**
 * The counter's withdrawal form on its own (a slice of the web layer, no hall behind it): it binds to the API's
 * record, so each field says what the API would say; what the clerk typed stays; empty invoice rows are no invoices;
 * the live assessment asks the rules only once the form can be read, and shows their answer in words.
 */
@WebMvcTest(controllers = WithdrawalFormController.class,
		excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
				pattern = "cn\\.example\\.servicehall\\.(workflow|intake\\.web|identity\\.keycloak)\\..*"))
@Import({ WorkbenchPages.class, PageFormats.class, ClockBanner.class, CalendarAccess.class, CurrentOfficers.class,
		CaseServices.class, PrintableText.class, DocumentRenderer.class, WithdrawalInvoiceRows.class,
		ResaleApplicationFormTest.FixedClock.class })
class WithdrawalFormTest {

	/** Luhn-valid. */
	private static final String CARD = "6212345678901234569";

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private Withdrawals withdrawals;

	@MockitoBean
	private IdempotentRequests idempotent;

	@Test
	void offersEveryTypeInItsGroupAndOnlyTheChosenTypesParts() throws Exception {
		String form = page(get("/withdrawals/new").with(clerk()), 200);
		for (WithdrawalType type : WithdrawalType.values()) {
			if (type.onlyInBundle()) {
				// a loan's payoff is applied for only inside 退休一件事
				assertThat(form).doesNotContain("value=\"" + type.name() + "\"");
				continue;
			}
			assertThat(form).contains("value=\"" + type.name() + "\"");
		}
		assertThat(form).contains("label=\"销户类（支付余额及利息并销户）\"", "label=\"部分提取（账户继续缴存）\"")
			.contains("name=\"idempotencyKey\"", "for=\"wd-rent\"", "name=\"claim.invoices[4].amount\"")
			.contains("autofocus");
		// nothing chosen yet: every type's part is hidden and disabled, so nothing of it is sent
		assertThat(form).containsPattern("data-part=\"lease\"[^>]*disabled").doesNotContain("??");
		String english = page(get("/withdrawals/new").with(clerk()).param("lang", "en"), 200);
		assertThat(english).contains("New housing fund withdrawal", "Closing the account (balance and interest paid")
			.doesNotContain("??");
	}

	@Test
	void keepsWhatTheClerkTypedAndShowsTheApisMessageAtEachField() throws Exception {
		String refused = page(asTheBrowserSends(post("/withdrawals"))
			.param("idempotencyKey", UUID.randomUUID().toString())
			.param("type", "RENT")
			.param("applicant.name", "周晓燕")
			.param("applicant.idNumber", "410802199605200641")
			.param("applicant.phone", "1380000")
			.param("bankCard.cardNo", "6212345678901234560")
			.param("bankCard.bankName", "中国建设银行焦作分行")
			.param("claim.lease.monthlyRent", "1500")
			.param("claim.lease.startsOn", "2026-06-01")
			.param("_claim.lease.filed", "on")
			.param("materials[LEASE]", "true"), 400);
		assertThat(refused).contains("value=\"周晓燕\"", "value=\"1500\"", "value=\"6212345678901234560\"")
			.contains("身份证号码校验位（最后一位）不符")
			.contains("银行卡号校验位（最后一位）不符")
			.contains("id=\"wd-card-no-error\"")
			.contains("id=\"wd-phone-error\"");
		// the rent's part is shown again, with the lease ticked material still ticked
		assertThat(refused).doesNotContainPattern("data-part=\"lease\"[^>]*disabled")
			.containsPattern("id=\"wd-material-LEASE\"[^>]*checked");
		verifyNoInteractions(this.withdrawals, this.idempotent);
	}

	@Test
	void aRefusalIsShownOnTheFormWithEverythingTypedStillThere() throws Exception {
		when(this.idempotent.once(any(), any(), any(), any()))
			.thenAnswer(call -> call.<java.util.function.Supplier<?>>getArgument(3).get());
		when(this.withdrawals.submit(any(), any())).thenThrow(ProblemException.refusal(HttpStatus.BAD_REQUEST,
				"materials-missing", "problem.withdrawal.materials-missing", "房屋租赁合同"));
		String refused = page(asTheBrowserSends(post("/withdrawals"))
			.param("idempotencyKey", UUID.randomUUID().toString())
			.param("type", "RENT")
			.param("applicant.name", "周晓燕")
			.param("applicant.idNumber", "410802199605200640")
			.param("applicant.phone", "13800138000")
			.param("bankCard.cardNo", CARD)
			.param("bankCard.bankName", "中国建设银行焦作分行")
			.param("claim.lease.monthlyRent", "1500")
			.param("claim.lease.startsOn", "2026-06-01")
			.param("claim.lease.filed", "true")
			.param("_claim.lease.filed", "on")
			.param("materials[APPLICANT_ID]", "true"), 400);
		assertThat(refused).contains("id=\"form-problem\"", "房屋租赁合同")
			.contains("value=\"周晓燕\"", "value=\"1500\"", "value=\"2026-06-01\"", "value=\"" + CARD + "\"")
			.containsPattern("id=\"wd-lease-filed\"[^>]*checked")
			.containsPattern("id=\"wd-material-APPLICANT_ID\"[^>]*checked")
			.containsPattern("<option value=\"RENT\"[^>]*selected");
	}

	@Test
	void aDayOrANumberThatIsNotOneIsSaidAtItsField() throws Exception {
		String refused = page(asTheBrowserSends(post("/withdrawals"))
			.param("type", "RENT")
			.param("claim.lease.monthlyRent", "一千五")
			.param("claim.lease.startsOn", "2026-02-30"), 400);
		assertThat(refused).contains("value=\"2026-02-30\"", "value=\"一千五\"")
			.contains("请按“年-月-日”填写日期")
			.contains("请填写数字");
	}

	@Test
	void assessesTheApplicationAsTheApiReadsItWithTheEmptyInvoiceRowsLeftOut() throws Exception {
		when(this.withdrawals.assess(any())).thenReturn(new Withdrawals.Assessment(WithdrawalType.SERIOUS_ILLNESS,
				WithdrawalDecision.Route.REVIEW, true, new BigDecimal("9000.00"), "自付医疗费用", new BigDecimal("30000.00"),
				new BigDecimal("86.12"), List.of(),
				List.of(new WithdrawalDecision.Reason("INVOICES", "医疗费用发票须人工核对", "")), Optional.empty(),
				List.of(), "JIAOZUO-2026-07", List.of()));
		String answer = page(asTheBrowserSends(post("/withdrawals/assessment"))
			.param("type", "SERIOUS_ILLNESS")
			.param("applicant.name", "周晓燕")
			.param("applicant.idNumber", "410802199605200640")
			.param("bankCard.cardNo", CARD)
			.param("bankCard.bankName", "中国建设银行焦作分行")
			.param("claim.invoices[0].amount", "")
			.param("claim.invoices[0].reimbursed", "")
			.param("claim.invoices[1].amount", "12000")
			.param("claim.invoices[1].reimbursed", "3000")
			.param("claim.invoices[2].amount", "")
			.param("claim.papers.illnessListed", "true")
			.param("materials[DIAGNOSIS]", "true"), 200);
		assertThat(answer).contains("id=\"wd-assessment-answer\"", "转人工审核后支付", "9,000.00", "医疗费用发票须人工核对",
				"30,000.00", "86.12").doesNotContain("??");
		ArgumentCaptor<WithdrawalApplication> asked = ArgumentCaptor.forClass(WithdrawalApplication.class);
		verify(this.withdrawals).assess(asked.capture());
		WithdrawalApplication application = asked.getValue();
		assertThat(application.claim().invoices()).singleElement()
			.isEqualTo(new WithdrawalApplication.Invoice(new BigDecimal("12000"), new BigDecimal("3000")));
		assertThat(application.claim().papers().illnessListed()).isTrue();
		assertThat(application.claim().lease()).isNull();
		assertThat(application.materials()).containsEntry("DIAGNOSIS", true);
		assertThat(application.applicant().name()).isEqualTo("周晓燕");
	}

	@Test
	void aMonthlyRepaymentOffsetIsAnnouncedAsAnAgreementNotAPayment() throws Exception {
		when(this.withdrawals.assess(any())).thenReturn(new Withdrawals.Assessment(WithdrawalType.LOAN_REPAYMENT_MONTHLY,
				WithdrawalDecision.Route.PAY_AUTOMATICALLY, true, new BigDecimal("2611.24"), "本月应还本息",
				new BigDecimal("80000.00"), new BigDecimal("499.11"), List.of(), List.of(), Optional.empty(), List.of(),
				"JIAOZUO-2026", List.of()));
		String answer = page(asTheBrowserSends(post("/withdrawals/assessment"))
			.param("type", "LOAN_REPAYMENT_MONTHLY")
			.param("applicant.name", "陈静")
			.param("applicant.idNumber", "410822198207070642")
			.param("bankCard.cardNo", CARD)
			.param("bankCard.bankName", "中国建设银行焦作分行")
			.param("claim.loanNo", "JK2020011000021"), 200);
		assertThat(answer).contains("签订委托按月提取还贷协议", "每月冲还额", "2,611.24")
			.doesNotContain("即时扣划并转账", "可提取金额");
	}

	@Test
	void anIncompleteFormIsNotAssessedAndSaysWhatIsMissing() throws Exception {
		String answer = page(asTheBrowserSends(post("/withdrawals/assessment"))
			.param("type", "RETIREMENT")
			.param("applicant.name", "孙建国"), 200);
		assertThat(answer).contains("data-field=\"applicant.idNumber\"", "data-field=\"bankCard\"")
			.contains("处需要填写或更正");
		verifyNoInteractions(this.withdrawals);
	}

	/** A post of the form as the browser sends it: signed in, with its CSRF token and its checkboxes' markers. */
	private static MockHttpServletRequestBuilder asTheBrowserSends(MockHttpServletRequestBuilder post) {
		post.with(clerk()).with(csrf()).param("_applicant.femaleCadre", "on");
		WithdrawalForm.PAPERS.keySet().forEach(paper -> post.param("_claim.papers." + paper, "on"));
		return post;
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

}
