package cn.example.servicehall.loan;

import static cn.example.servicehall.support.LoanFixtures.allMaterials;
import static cn.example.servicehall.support.LoanFixtures.applicant;
import static cn.example.servicehall.support.LoanFixtures.masked;
import static cn.example.servicehall.support.LoanFixtures.newCouple;
import static cn.example.servicehall.support.LoanFixtures.newFlat;
import static cn.example.servicehall.support.LoanFixtures.resaleApplication;
import static cn.example.servicehall.support.LoanFixtures.runJobs;
import static cn.example.servicehall.support.LoanFixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.support.NewHouseSales;
import cn.example.servicehall.support.Api;
import cn.example.servicehall.support.LoanFixtures;
import cn.example.servicehall.support.LoanFixtures.Couple;
import cn.example.servicehall.support.LoanFixtures.Flat;
import cn.example.servicehall.support.TestTokens;

/**
 * The hall consults its own records: one open or paid fund loan per borrower and spouse, one per flat, one payment
 * per case; checked at submission, at acceptance and before the bank pays, also when the requests come at once. A
 * refusal names the earlier case when the officer may see it, and only then. Names must be those of the fund accounts.
 */
@ServiceHallIntegrationTest
@AutoConfigureMockMvc
class LoanCollisionsIT {

	private static final String RESALE = "/api/loan/resale-applications";

	private static final String NEW_HOUSE = "/api/loan/new-house-applications";

	private static final String COMPANY_A = "91350100M000100Y43";

	private static final String COMPANY_B = "91110000600037341L";

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ProcessEngine engine;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ClientRegistrationRepository registrations;

	@Autowired
	private LoanSettlements settlements;

	@Test
	void refusesASecondApplicationForTheSameFlatAndNamesTheEarlierCase() {
		String flat = newFlat(Flat.BUILT_2008);
		String earlier = submit(this.http, resaleApplication(newCouple(), flat));
		Map<String, Integer> before = counts();

		ResponseEntity<Map<String, Object>> second = clerk().post(RESALE, resaleApplication(newCouple(), flat), key());

		assertCollision(second, earlier);
		assertThat((String) second.getBody().get("detail")).contains("该房产").contains(flat).contains(earlier);
		assertThat(counts()).isEqualTo(before);

		// the same certificate typed with full-width brackets and spaces is the same flat
		String typedOtherwise = flat.replace("(", "（").replace(")", "）").replace("第", " 第 ");
		assertCollision(clerk().post(RESALE, resaleApplication(newCouple(), typedOtherwise), key()), earlier);
		assertThat(this.jdbc.sql("select loan_certificate_key(?) = loan_certificate_key(?)")
			.params(typedOtherwise, flat)
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void fourClerksAskingForOneFlatAtOnceOpenOneCase() throws Exception {
		String flat = newFlat(Flat.BUILT_2008);
		List<Callable<ResponseEntity<Map<String, Object>>>> requests = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			Map<String, Object> application = resaleApplication(newCouple(), flat);
			requests.add(() -> clerk().post(RESALE, application, key()));
		}

		List<ResponseEntity<Map<String, Object>>> answers = atOnce(requests);

		assertThat(answers).extracting(a -> a.getStatusCode().value()).containsExactlyInAnyOrder(201, 409, 409, 409);
		String opened = (String) caseFile(answers.stream().filter(a -> a.getStatusCode().value() == 201).findFirst()
			.orElseThrow()).get("caseNo");
		answers.stream().filter(a -> a.getStatusCode().value() == 409).forEach(a -> assertCollision(a, opened));
		assertThat(this.jdbc.sql("select count(*) from loan_property where certificate_no = ?").param(flat)
			.query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void oneCoupleAskingForFourFlatsAtOnceGetsOneCase() throws Exception {
		Couple couple = newCouple();
		List<Callable<ResponseEntity<Map<String, Object>>>> requests = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			Map<String, Object> application = resaleApplication(couple, newFlat(Flat.BUILT_2008));
			requests.add(() -> clerk().post(RESALE, application, key()));
		}

		List<ResponseEntity<Map<String, Object>>> answers = atOnce(requests);

		assertThat(answers).extracting(a -> a.getStatusCode().value()).containsExactlyInAnyOrder(201, 409, 409, 409);
		assertThat(this.jdbc.sql("select count(*) from loan_party where id_no in (?, ?)")
			.params(couple.husband(), couple.wife())
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	void refusesTheBorrowerOfAnOpenCaseAsTheSpouseInAnotherUntilThatCaseIsWithdrawn() {
		Couple first = newCouple();
		String earlier = submit(this.http, resaleApplication(first, newFlat(Flat.BUILT_2008)));
		Couple other = newCouple();
		Map<String, Object> asSpouse = resaleApplication(other, newFlat(Flat.BUILT_2008));
		asSpouse.put("borrower", applicant("李娜", other.wife(), "MARRIED", "8000.00"));
		asSpouse.put("coBorrower", applicant("张伟", first.husband(), "MARRIED", "12000.00"));

		ResponseEntity<Map<String, Object>> refused = clerk().post(RESALE, asSpouse, key());

		assertCollision(refused, earlier);
		assertThat((String) refused.getBody().get("detail")).contains("共同借款人")
			.contains(masked(first.husband()))
			.contains(earlier)
			.doesNotContain(first.husband());

		// withdrawn, the earlier case no longer stands in the way
		assertThat(clerk().post("/api/loan/applications/" + earlier + "/withdrawal", Map.of("reason", "申请人改买别处"))
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(clerk().post(RESALE, asSpouse, key()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
	}

	@Test
	void refusesANameThatIsNotTheFundAccountHoldersWithoutSayingWhoseItIs() {
		Couple couple = newCouple();
		Map<String, Object> application = resaleApplication(couple, newFlat(Flat.BUILT_2008));
		application.put("borrower", applicant("张三", couple.husband(), "MARRIED", "12000.00"));
		application.put("coBorrower", applicant("王芳", couple.wife(), "MARRIED", "8000.00"));
		Map<String, Integer> before = counts();

		ResponseEntity<Map<String, Object>> refused = clerk().post(RESALE, application, key());

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(refused.getHeaders().getContentType()).matches(t -> t.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		assertThat(refused.getBody()).containsEntry("type", "/problems/name-mismatch");
		assertThat(refused.getBody().get("errors")).asList()
			.extracting(e -> ((Map<?, ?>) e).get("field") + ": " + ((Map<?, ?>) e).get("message"))
			.containsExactly("borrower.name: 借款人姓名与身份证号对应的公积金账户不符，请核对姓名和身份证号",
					"coBorrower.name: 共同借款人姓名与身份证号对应的公积金账户不符，请核对姓名和身份证号");
		assertThat(String.valueOf(refused.getBody())).doesNotContain("张伟").doesNotContain("李娜");
		assertThat(counts()).isEqualTo(before);

		// a developer's buyer too
		ResponseEntity<Map<String, Object>> online = agent("agent-a", COMPANY_A).post(NEW_HOUSE,
				newHouse(COMPANY_A, "张一", LoanFixtures.ZHANG_YI), key());
		assertThat(online.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(online.getBody().get("errors")).asList()
			.extracting(e -> (Object) ((Map<?, ?>) e).get("field"))
			.containsExactly("applicant.name");
		assertThat(String.valueOf(online.getBody())).doesNotContain("张燚");
	}

	@Test
	void aDeveloperAgentIsToldOnlyThatAnOpenCaseExistsWhenItIsAnotherCompanys() {
		String buyer = LoanFixtures.newBuyerIdNumber();
		ResponseEntity<Map<String, Object>> created = agent("agent-a", COMPANY_A).post(NEW_HOUSE, newHouse(COMPANY_A, "钱七", buyer),
				key());
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String ofA = (String) caseFile(created).get("caseNo");

		ResponseEntity<Map<String, Object>> atB = agent("agent-b", COMPANY_B).post(NEW_HOUSE, newHouse(COMPANY_B, "钱七", buyer), key());
		assertThat(atB.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(atB.getBody()).containsEntry("type", "/problems/loan-collision").doesNotContainKey("conflictingCaseNo");
		assertThat(String.valueOf(atB.getBody())).doesNotContain(ofA);
		assertThat((String) atB.getBody().get("detail")).contains("已有在办或已放款的公积金贷款案件");

		// their own company's case, and any case for the fund centre's clerk, is named
		NewHouseSales.registerAgent(this.jdbc, "agent-a2", COMPANY_A);
		assertCollision(agent("agent-a2", COMPANY_A).post(NEW_HOUSE, newHouse(COMPANY_A, "钱七", buyer), key()), ofA);
		Map<String, Object> atTheWindow = resaleApplication(newCouple(), newFlat(Flat.BUILT_2008));
		atTheWindow.put("borrower", applicant("钱七", buyer, "UNMARRIED", "9000.00"));
		atTheWindow.remove("coBorrower");
		assertCollision(clerk().post(RESALE, atTheWindow, key()), ofA);
	}

	@Test
	void theApplicationPageSaysWhichEarlierCaseTheFlatIsIn() throws Exception {
		String flat = newFlat(Flat.BUILT_2008);
		String earlier = submit(this.http, resaleApplication(newCouple(), flat));
		Couple couple = newCouple();

		MvcResult result = this.mvc.perform(LoanFixtures.resaleForm(post("/applications/resale").with(clerkSignedIn())
			.with(csrf())
			.param("idempotencyKey", key()), couple, flat)).andReturn();

		String page = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(result.getResponse().getStatus()).as(page).isEqualTo(409);
		assertThat(page).contains(earlier).contains("该房产").contains("value=\"" + couple.husband() + "\"");
	}

	@Test
	void theWindowDoesNotAcceptACaseThatCollidesWithAnEarlierOne() {
		// two open cases for one flat can only come from before these checks: made here by closing the first in the
		// database alone while the second is submitted
		String flat = newFlat(Flat.BUILT_2008);
		String earlier = submit(this.http, resaleApplication(newCouple(), flat));
		String later = whileClosed(earlier, () -> submit(this.http, resaleApplication(newCouple(), flat)));

		ResponseEntity<Map<String, Object>> refused = clerk().post("/api/loan/applications/" + later + "/acceptance",
				allMaterials(true));

		assertCollision(refused, earlier);
		assertThat(status(later)).isEqualTo("SUBMITTED");
		assertThat(this.jdbc.sql("select count(*) from intake_case_event where case_no = ? and action = 'ACCEPTED'")
			.param(later).query(Integer.class).single()).isZero();
	}

	@Test
	void theAssessmentCountsAnotherOpenCaseOfTheHallAsAnOutstandingFundLoan() {
		Couple couple = newCouple();
		String assessed = LoanFixtures.afterAgencyReviews(this.http, this.engine,
				resaleApplication(couple, newFlat(Flat.BUILT_2008)));
		whileClosed(assessed, () -> submit(this.http, resaleApplication(couple, newFlat(Flat.BUILT_2008))));

		runJobs(this.engine, assessed);

		Map<String, Object> decision = this.jdbc.sql("select eligible, reasons::text as reasons from loan_decision "
				+ "where case_no = ?").param(assessed).query().singleRow();
		assertThat(decision.get("eligible")).isEqualTo(false);
		assertThat((String) decision.get("reasons")).contains("OUTSTANDING_FUND_LOAN")
			.contains("尚有未结清的住房公积金贷款")
			.contains("本中心另有在办或已放款的公积金贷款案件");
	}

	@Test
	void aSecondDisbursementOfOneCasePaysNothingMore() throws Exception {
		String caseNo = LoanFixtures.atDisbursement(this.http, this.engine, LoanFixtures.newResaleApplication());
		CaseNo number = new CaseNo(caseNo);

		// the step, and at the same moment a second attempt (a retry on another node)
		atOnce(List.of(() -> this.settlements.disburse(number), () -> this.settlements.disburse(number)));
		runJobs(this.engine, caseNo);

		assertThat(status(caseNo)).isEqualTo("COMPLETED");
		assertThat(payments(caseNo)).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from intake_case_event where case_no = ? and action = 'DISBURSED'")
			.param(caseNo).query(Integer.class).single()).isEqualTo(1);
		// and the database itself keeps one payment per case
		assertThatThrownBy(() -> this.jdbc.sql("""
				insert into loan_disbursement (case_no, order_id, amount, payee_name, payee_bank, payee_account_no,
				                               bank_reference, disbursed_at)
				values (?, 'FK-again', 1, '王强', '中国建设银行焦作分行', '6217000010012345678', 'LS-again', now())""")
			.param(caseNo)
			.update()).isInstanceOf(DuplicateKeyException.class);
	}

	@Test
	void aCollisionFoundBeforeThePaymentStopsItAndTellsTheClerkWhy() {
		String flat = newFlat(Flat.BUILT_2008);
		String other = submit(this.http, resaleApplication(newCouple(), flat));
		String caseNo = whileClosed(other,
				() -> LoanFixtures.atDisbursement(this.http, this.engine, resaleApplication(newCouple(), flat)));
		Job job = this.engine.getManagementService().createJobQuery()
			.processInstanceId(this.jdbc.sql("select process_instance_id from intake_case_part where case_no = ? and part_no = 1").param(caseNo)
				.query(String.class).single())
			.activityId("Task_DisburseLoan")
			.singleResult();

		assertThatThrownBy(() -> this.engine.getManagementService().executeJob(job.getId())).hasMessageContaining(other)
			.hasMessageContaining("未付款");
		assertThatThrownBy(() -> this.engine.getManagementService().executeJob(job.getId())).hasMessageContaining(other);

		assertThat(payments(caseNo)).isZero();
		assertThat(status(caseNo)).isEqualTo("MORTGAGE_REGISTERED");
		List<String> held = this.jdbc.sql("""
				select remark from intake_case_event where case_no = ? and action = 'DISBURSEMENT_HELD'""")
			.param(caseNo).query(String.class).list();
		assertThat(held).as("noted once for the clerk, not once per attempt").singleElement()
			.satisfies(remark -> assertThat(remark).contains(other).contains("撤回"));

		// the other case is withdrawn; the step is retried: the seller is paid once
		assertThat(clerk().post("/api/loan/applications/" + other + "/withdrawal", Map.of("reason", "重复申请"))
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		this.engine.getManagementService().executeJob(job.getId());
		assertThat(status(caseNo)).isEqualTo("DISBURSED");
		assertThat(payments(caseNo)).isEqualTo(1);
	}

	/** Runs {@code work} while {@code caseNo} looks closed in the database, as a case from before these checks. */
	private <T> T whileClosed(String caseNo, Callable<T> work) {
		String status = status(caseNo);
		this.jdbc.sql("update intake_case set status = 'WITHDRAWN' where case_no = ?").param(caseNo).update();
		try {
			return work.call();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			this.jdbc.sql("update intake_case set status = ? where case_no = ?").params(status, caseNo).update();
		}
	}

	private static void assertCollision(ResponseEntity<Map<String, Object>> answer, String earlier) {
		assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.CONFLICT);
		assertThat(answer.getHeaders().getContentType()).matches(t -> t.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		assertThat(answer.getBody()).containsEntry("type", "/problems/loan-collision")
			.containsEntry("conflictingCaseNo", earlier);
		assertThat((String) answer.getBody().get("detail")).contains(earlier);
	}

	/** Starts every call at the same moment, on threads of its own, and waits for all. */
	private static <T> List<T> atOnce(List<Callable<T>> calls) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(calls.size());
		try {
			CyclicBarrier start = new CyclicBarrier(calls.size());
			List<Future<T>> running = new ArrayList<>();
			for (Callable<T> call : calls) {
				running.add(threads.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			List<T> results = new ArrayList<>();
			for (Future<T> result : running) {
				results.add(result.get(60, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			threads.shutdownNow();
		}
	}

	private Api clerk() {
		return Api.as(this.http, TestTokens.user("clerk1", "hpf-acceptance-clerk"));
	}

	private Api agent(String name, String company) {
		return Api.as(this.http, TestTokens.developerAgent(name, company));
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor clerkSignedIn() {
		return oidcLogin().clientRegistration(this.registrations.findByRegistrationId("keycloak"))
			.idToken(token -> token.subject("clerk1")
				.claim("preferred_username", "clerk1")
				.claim("family_name", "王")
				.claim("given_name", "晓明")
				.claim("groups", List.of("hpf-acceptance-clerk")))
			.userInfoToken(info -> info.claim("preferred_username", "clerk1"))
			.authorities(new SimpleGrantedAuthority("hpf-acceptance-clerk"));
	}

	private Map<String, Object> newHouse(String company, String name, String idNumber) {
		return NewHouseSales.application(this.jdbc, company, name, idNumber);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> caseFile(ResponseEntity<Map<String, Object>> created) {
		return (Map<String, Object>) created.getBody().get("caseFile");
	}

	private static String key() {
		return UUID.randomUUID().toString();
	}

	private String status(String caseNo) {
		return this.jdbc.sql("select coalesce(stage, status) from intake_case where case_no = ?").param(caseNo).query(String.class).single();
	}

	private int payments(String caseNo) {
		return this.jdbc.sql("select count(*) from fake_bank_payment where order_id = ?").param("FK" + caseNo)
			.query(Integer.class).single();
	}

	private Map<String, Integer> counts() {
		return LoanFixtures.rowsOfSubmissions(this.jdbc);
	}

}
