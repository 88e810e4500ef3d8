package cn.example.servicehall.workbench;

import static cn.example.servicehall.support.LoanFixtures.runJobs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
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
import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.support.SignedIn;
import cn.example.servicehall.withdrawal.WithdrawalApplication;
import cn.example.servicehall.withdrawal.WithdrawalType;
import cn.example.servicehall.withdrawal.Withdrawals;

/**
 * The withdrawal's steps on the case page, signed in, without a browser: above the city's amount the review form
 * says a second person approves, an opinion left out is said at its field, and the reviewer who also holds the
 * approver's post is refused the approval in words (four-eyes) until another approver approves and it is paid.
 */
@ServiceHallIntegrationTest
@AutoConfigureMockMvc
class WithdrawalPagesIT {

	/** A Monday in office hours, Beijing time. */
	private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-07T10:00:00+08:00");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ClientRegistrationRepository registrations;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ProcessEngine engine;

	@Autowired
	private Withdrawals withdrawals;

	@AfterEach
	void realTime() {
		ClockUtil.reset();
	}

	@Test
	void theReviewerMayNotAlsoApproveAndIsToldSoInWords() throws Exception {
		ClockUtil.setCurrentTime(java.util.Date.from(NOW.toInstant()));
		String caseNo = aPurchaseAboveTheFourEyesAmount();
		OidcLoginRequestPostProcessor both = SignedIn.as(this.registrations, "boss1", "周", "大伟",
				Groups.HPF_FIRST_REVIEWER, Groups.HPF_APPROVER);

		String page = page(get("/cases/" + caseNo).with(both), 200);
		assertThat(page).contains("id=\"withdrawal-review-form\"", "提取审核（初审岗）", "id=\"wd-decision-four-eyes\"",
				"须两人审批（四眼）");

		String unanswered = page(post("/cases/" + caseNo + "/withdrawal-review").with(both).with(csrf())
			.param("opinion", " "), 400);
		assertThat(unanswered).contains("请选择“同意”或“不同意”", "请填写审核意见");

		MvcResult reviewed = this.mvc.perform(post("/cases/" + caseNo + "/withdrawal-review").with(both).with(csrf())
			.param("outcome", "APPROVE")
			.param("opinion", "购房合同、发票与不动产登记一致")).andReturn();
		assertThat(reviewed.getResponse().getRedirectedUrl()).isEqualTo("/cases/" + caseNo);
		assertThat(page(get("/cases/" + caseNo).with(both), 200)).contains("id=\"withdrawal-approval-form\"",
				"提取复核（审批岗，四眼）");

		String refused = page(post("/cases/" + caseNo + "/withdrawal-approval").with(both).with(csrf())
			.param("outcome", "APPROVE")
			.param("opinion", "同意"), 403);
		assertThat(refused).contains("id=\"step-problem\"", "四眼原则：您已审核案件 " + caseNo);

		OidcLoginRequestPostProcessor approver = SignedIn.as(this.registrations, "approver1", "吴", "审批",
				Groups.HPF_APPROVER);
		assertThat(this.mvc.perform(post("/cases/" + caseNo + "/withdrawal-approval").with(approver).with(csrf())
			.param("outcome", "APPROVE")
			.param("opinion", "同意支付")).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/cases/" + caseNo);
		runJobs(this.engine, caseNo);
		String paid = page(get("/cases/" + caseNo).with(approver), 200);
		assertThat(paid).contains("id=\"wd-payment-reference\"", "data-stage=\"REVIEW\"", "data-stage=\"APPROVAL\"",
				"购房合同、发票与不动产登记一致", "同意支付", "id=\"wd-messages-list\"");
	}

	@Test
	void theCounterSeesAStandingRepaymentOffsetMonthByMonthAndEndsItAtTheCitizensRequest() throws Exception {
		ClockUtil.setCurrentTime(java.util.Date.from(NOW.toInstant()));
		cn.example.servicehall.support.WithdrawalFixtures.Depositor borrower = cn.example.servicehall.support.WithdrawalFixtures
			.depositor(this.jdbc, "郑按月", LocalDate.of(1987, 7, 7), false, "20000.00");
		String loan = cn.example.servicehall.support.WithdrawalFixtures.fundLoan(this.jdbc, borrower);
		Map<String, Boolean> materials = new LinkedHashMap<>();
		WithdrawalType.LOAN_REPAYMENT_MONTHLY.checklist(Set.of())
			.items()
			.forEach(i -> materials.put(i.material().code(), true));
		String caseNo = this.withdrawals.submit(new WithdrawalApplication(WithdrawalType.LOAN_REPAYMENT_MONTHLY,
				new WithdrawalApplication.Applicant(borrower.name(), borrower.id(), "13700137001", false), null,
				new WithdrawalApplication.Card("6212345678901234569", "中国建设银行焦作分行"),
				new WithdrawalApplication.Claim(null, null, null, loan, null, List.of(), null, null), materials),
				new CurrentOfficer("clerk1", "王晓明", List.of(Groups.HPF_ACCEPTANCE_CLERK), Optional.empty()))
			.value();
		runJobs(this.engine, caseNo);
		ClockUtil.setCurrentTime(java.util.Date.from(OffsetDateTime.parse("2026-12-15T09:00:00+08:00").toInstant()));
		runJobs(this.engine, caseNo);

		OidcLoginRequestPostProcessor clerk = SignedIn.as(this.registrations, "clerk1", "王", "晓明",
				Groups.HPF_ACCEPTANCE_CLERK);
		String page = page(get("/cases/" + caseNo).with(clerk), 200);
		assertThat(page).contains("id=\"wd-offset\"", "委托按月提取还贷协议", "生效中", loan, "每月15日", "2026-12 — 2042-12",
				"data-period=\"2026-12\"", "1,681.02", "18,318.98", "id=\"offset-end-form\"")
			.doesNotContain("id=\"wd-payment\"")
			.as("the next due day's timer is a wait, not a step in progress").doesNotContain("还款日");
		OidcLoginRequestPostProcessor reviewer = SignedIn.as(this.registrations, "reviewer1", "李", "审核",
				Groups.HPF_FIRST_REVIEWER);
		assertThat(page(get("/cases/" + caseNo).with(reviewer), 200)).as("only the counter ends it")
			.contains("id=\"wd-offset\"").doesNotContain("id=\"offset-end-form\"");

		String tooLong = page(post("/cases/" + caseNo + "/offset-agreement-termination").with(clerk).with(csrf())
			.param("note", "长".repeat(201)), 400);
		assertThat(tooLong).contains("终止说明不能超过 200 个字");
		MvcResult ended = this.mvc.perform(post("/cases/" + caseNo + "/offset-agreement-termination").with(clerk)
			.with(csrf())
			.param("note", "本人申请，改为自行还款")).andReturn();
		assertThat(ended.getResponse().getRedirectedUrl()).isEqualTo("/cases/" + caseNo);
		assertThat(page(get("/cases/" + caseNo).with(clerk), 200)).contains("已终止", "本人申请终止")
			.doesNotContain("id=\"offset-end-form\"");
		assertThat(this.jdbc.sql("select ended_by || '/' || ended_note from withdrawal_offset_agreement where case_no = ?")
			.param(caseNo).query(String.class).single()).isEqualTo("clerk1/本人申请，改为自行还款");
	}

	private String aPurchaseAboveTheFourEyesAmount() {
		String id17 = "41080319850303811";
		String id = id17 + checkCharacter(id17);
		String home = "豫(2026)焦作市不动产权第9" + id.substring(11, 17) + "号";
		this.jdbc.sql("""
				insert into fake_fund_account (id_no, account_no, holder_name, status, balance, continuous_months,
				                               monthly_deposit, outstanding_loan)
				values (?, ?, '王买房', 'NORMAL', 260000.00, 60, 1800.00, false)""")
			.params(id, "GJJ7" + id.substring(6, 17))
			.update();
		this.jdbc.sql("""
				insert into fake_registry_title (certificate_no, address, floor_area, build_year, owner_names, sealed, mortgaged)
				values (?, '焦作市山阳区新华街 9 号', 120.00, 2015, '王买房', false, false)""").param(home).update();
		this.jdbc.sql("insert into fake_registry_owner (certificate_no, id_no, registered_on) values (?, ?, ?)")
			.params(home, id, LocalDate.of(2026, 9, 1))
			.update();
		Map<String, Boolean> materials = new LinkedHashMap<>();
		WithdrawalType.PURCHASE_RESALE_HOME.checklist(Set.of())
			.items()
			.forEach(i -> materials.put(i.material().code(), true));
		String caseNo = this.withdrawals.submit(new WithdrawalApplication(WithdrawalType.PURCHASE_RESALE_HOME,
				new WithdrawalApplication.Applicant("王买房", id, "13700137000", false), null,
				new WithdrawalApplication.Card("6212345678901234569", "中国建设银行焦作分行"),
				new WithdrawalApplication.Claim(null,
						new WithdrawalApplication.Home(home, LocalDate.of(2026, 8, 20), new BigDecimal("900000.00"),
								BigDecimal.ZERO),
						null, null, null, List.of(), null, null),
				materials), new CurrentOfficer("clerk1", "王晓明", List.of(Groups.HPF_ACCEPTANCE_CLERK), Optional.empty()))
			.value();
		runJobs(this.engine, caseNo);
		return caseNo;
	}

	private String page(MockHttpServletRequestBuilder request, int expectedStatus) throws Exception {
		MvcResult result = this.mvc.perform(request).andReturn();
		String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(result.getResponse().getStatus()).as(body).isEqualTo(expectedStatus);
		return body;
	}

	private static char checkCharacter(String id17) {
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (id17.charAt(i) - '0') * weights[i];
		}
		return "10X98765432".charAt(sum % 11);
	}

}
