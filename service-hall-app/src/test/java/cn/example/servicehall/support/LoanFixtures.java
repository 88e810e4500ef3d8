package cn.example.servicehall.support;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.Job;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Applications built from the fake systems' demo data (db/fakes): 张伟 and his wife 李娜 buy 王强's flat in Jiaozuo,
 * built 2008, with a 600,000 loan over 20 years.
 * <p>
 * The hall refuses a second open or paid loan for one person or one flat, and the integration tests share one
 * database per Spring context. So a test whose case must be accepted takes a household and a flat no other test has
 * used: {@link #newResaleApplication()}, {@link #newCouple()}, {@link #newFlat(Flat)} hand out the fakes' namesakes of
 * the demo couple and copies of 王强's flats, one by one (db/fakes {@code V2026_11_27_31}). The demo couple and
 * flats themselves ({@link #resaleApplication(String)}) are for applications the hall refuses anyway.
 */
public final class LoanFixtures {

	public static final String ZHANG_WEI = "410802198506150313";

	public static final String LI_NA = "410802198703080422";

	public static final String WANG_QIANG = "410803199004120158";

	public static final String ZHAO_MIN = "410811199209100273";

	/** 王强's flat, built 2008, neither sealed nor mortgaged. */
	public static final String FLAT_2008 = "豫(2018)焦作市不动产权第0012345号";

	/** 王强's flat, built 1996: with 20 years, 50 years old at maturity. */
	public static final String FLAT_1996 = "豫(2016)焦作市不动产权第0023456号";

	/** 王强's flat under a court seal (查封). */
	public static final String SEALED_FLAT = "豫(2019)焦作市不动产权第0034567号";

	/** 张燚 (U+71DA), whose name needs a character beyond GB 2312. */
	public static final String ZHANG_YI = "410804199001010013";

	/** 刘䶮 (U+4DAE, CJK extension A). */
	public static final String LIU_YAN = "410804199202020031";

	/** 张𪚥 (U+2A6A5, CJK extension B). */
	public static final String ZHANG_ZHE = "410804198803030054";

	/** How many namesakes of the demo couple and copies of the 2008 flat the fakes hold (200 of the others). */
	public static final int HOUSEHOLDS = 1000;

	private static final AtomicInteger couples = new AtomicInteger();

	private static final Map<Flat, AtomicInteger> flats = new EnumMap<>(Map.of(Flat.BUILT_2008, new AtomicInteger(),
			Flat.BUILT_1996, new AtomicInteger(), Flat.SEALED, new AtomicInteger()));

	private static final AtomicInteger buyers = new AtomicInteger();

	private LoanFixtures() {
	}

	/** The kinds of 王强's flats, as the registry has them. */
	public enum Flat {

		/** Built 2008, neither sealed nor mortgaged: the loan is granted. */
		BUILT_2008("豫(2018)焦作市不动产权第1%06d号", HOUSEHOLDS),
		/** Built 1996: with 20 years, 50 years old at maturity, above Jiaozuo's 40. */
		BUILT_1996("豫(2016)焦作市不动产权第2%06d号", 200),
		/** Under a court seal (查封). */
		SEALED("豫(2019)焦作市不动产权第3%06d号", 200);

		private final String certificateFormat;

		private final int copies;

		Flat(String certificateFormat, int copies) {
			this.certificateFormat = certificateFormat;
			this.copies = copies;
		}

	}

	/**
	 * A married couple no other case of this test run names: namesakes of 张伟 and 李娜, with their fund accounts.
	 * @param husband 张伟's namesake, the borrower
	 * @param wife 李娜's namesake, the co-borrower
	 */
	public record Couple(String husband, String wife) {
	}

	/** The next couple of the fakes' namesakes. */
	public static Couple newCouple() {
		int n = next(couples, HOUSEHOLDS, "couples");
		return new Couple(idNumber("410804", LocalDate.of(1985, 6, 15).plusDays(n), "031"),
				idNumber("410804", LocalDate.of(1987, 3, 8).plusDays(n), "042"));
	}

	/** The certificate number of the next copy of 王强's flat of this kind. */
	public static String newFlat(Flat kind) {
		return kind.certificateFormat.formatted(next(flats.get(kind), kind.copies, kind.name() + " flats"));
	}

	/** A new couple buying a new copy of 王强's 2008 flat: an application no other case collides with. */
	public static Map<String, Object> newResaleApplication() {
		return newResaleApplication(Flat.BUILT_2008);
	}

	/** A new couple buying a new copy of 王强's flat of this kind. */
	public static Map<String, Object> newResaleApplication(Flat kind) {
		return resaleApplication(newCouple(), newFlat(kind));
	}

	/** The couple's application for {@code certificateNo}, otherwise as the demo couple's. */
	public static Map<String, Object> resaleApplication(Couple couple, String certificateNo) {
		Map<String, Object> application = resaleApplication(certificateNo);
		application.put("borrower", applicant("张伟", couple.husband(), "MARRIED", "12000.00"));
		application.put("coBorrower", applicant("李娜", couple.wife(), "MARRIED", "8000.00"));
		return application;
	}

	/** A resident ID number no other case of this test run names and the fund has no account for (new-house buyers). */
	public static String newBuyerIdNumber() {
		return idNumber("360426", LocalDate.of(1991, 1, 1).plusDays(next(buyers, 10_000, "buyers")), "071");
	}

	/** An ID number in the form a receipt or a page shows it: {@code 410802********0313}. */
	public static String masked(String idNumber) {
		return idNumber.substring(0, 6) + "********" + idNumber.substring(14);
	}

	private static int next(AtomicInteger counter, int available, String what) {
		int n = counter.incrementAndGet();
		if (n > available) {
			throw new IllegalStateException("The fakes hold " + available + " " + what + "; add more in db/fakes");
		}
		return n;
	}

	/** GB 11643: address code, birth date, sequence and the ISO 7064 MOD 11-2 check character. */
	private static String idNumber(String area, LocalDate birth, String sequence) {
		String id17 = area + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + sequence;
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (id17.charAt(i) - '0') * weights[i];
		}
		return id17 + "10X98765432".charAt(sum % 11);
	}

	/** The married couple's application for {@code certificateNo}. */
	public static Map<String, Object> resaleApplication(String certificateNo) {
		Map<String, Object> application = new LinkedHashMap<>();
		application.put("borrower", applicant("张伟", ZHANG_WEI, "MARRIED", "12000.00"));
		application.put("coBorrower", applicant("李娜", LI_NA, "MARRIED", "8000.00"));
		application.put("property", new LinkedHashMap<>(Map.of("certificateNo", certificateNo, "contractPrice", "1200000.00",
				"assessedPrice", "1150000.00", "firstHome", true, "seller",
				Map.of("name", "王强", "idNumber", WANG_QIANG, "bank", "中国建设银行焦作分行", "accountNo",
						"6217000010012345678", "accountName", "王强"))));
		application.put("loan", new LinkedHashMap<>(Map.of("requestedAmount", "600000.00", "termMonths", 240,
				"repaymentMethod", "EQUAL_INSTALMENT", "repaymentAccount",
				Map.of("bank", "中国建设银行焦作人民路支行", "accountNo", "6217002370001586432"))));
		return application;
	}

	/** A single applicant, 赵敏, who has deposited for only 5 months. */
	public static Map<String, Object> singleApplicantShortOfMonths() {
		Map<String, Object> application = resaleApplication(FLAT_2008);
		application.put("borrower", applicant("赵敏", ZHAO_MIN, "UNMARRIED", "9000.00"));
		application.remove("coBorrower");
		return application;
	}

	public static Map<String, Object> applicant(String name, String idNumber, String marital, String income) {
		Map<String, Object> applicant = new HashMap<>();
		applicant.put("name", name);
		applicant.put("idNumber", idNumber);
		applicant.put("maritalStatus", marital);
		applicant.put("monthlyIncome", income);
		applicant.put("phone", "13800000000");
		return applicant;
	}

	/** The window's application page filled in for the couple buying the flat, as the demo couple's otherwise. */
	public static MockHttpServletRequestBuilder resaleForm(MockHttpServletRequestBuilder post, Couple couple,
			String certificateNo) {
		return post.param("borrower.name", "张伟")
			.param("borrower.idNumber", couple.husband())
			.param("borrower.maritalStatus", "MARRIED")
			.param("borrower.monthlyIncome", "12000.00")
			.param("coBorrower.name", "李娜")
			.param("coBorrower.idNumber", couple.wife())
			.param("coBorrower.maritalStatus", "MARRIED")
			.param("coBorrower.monthlyIncome", "8000.00")
			.param("property.certificateNo", certificateNo)
			.param("property.contractPrice", "1200000.00")
			.param("property.assessedPrice", "1150000.00")
			.param("property.firstHome", "true")
			.param("property.seller.name", "王强")
			.param("property.seller.idNumber", WANG_QIANG)
			.param("property.seller.bank", "中国建设银行焦作分行")
			.param("property.seller.accountNo", "6217000010012345678")
			.param("property.seller.accountName", "王强")
			.param("loan.requestedAmount", "600000.00")
			.param("loan.termMonths", "240")
			.param("loan.repaymentMethod", "EQUAL_INSTALMENT");
	}

	/** Submits at the window as clerk1 and returns the case number. */
	public static String submit(TestRestTemplate http, Map<String, Object> application) {
		ResponseEntity<Map<String, Object>> created = Api.as(http, TestTokens.user("clerk1", "hpf-acceptance-clerk"))
			.post("/api/loan/resale-applications", application, UUID.randomUUID().toString());
		if (!created.getStatusCode().is2xxSuccessful()) {
			throw new AssertionError("Submission refused: " + created.getBody());
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> caseFile = (Map<String, Object>) created.getBody().get("caseFile");
		return (String) caseFile.get("caseNo");
	}

	/** Submitted, accepted with every material, and agreed by the bank, the registry and the guarantor. */
	public static String afterAgencyReviews(TestRestTemplate http, ProcessEngine engine, Map<String, Object> application) {
		String caseNo = submit(http, application);
		String path = "/api/loan/applications/" + caseNo;
		expectOk(Api.as(http, TestTokens.user("clerk1", "hpf-acceptance-clerk")).post(path + "/acceptance",
				allMaterials(application.get("coBorrower") != null)));
		runJobs(engine, caseNo);
		Map<String, Object> agree = Map.of("outcome", "APPROVE", "opinion", "同意");
		expectOk(Api.as(http, TestTokens.user("bank1", "bank-loan-officer")).post(path + "/credit-review", agree));
		expectOk(Api.as(http, TestTokens.user("registry1", "registry-clerk")).post(path + "/title-review", agree));
		expectOk(Api.as(http, TestTokens.user("guarantor1", "guarantor-officer")).post(path + "/guarantee-assessment", agree));
		return caseNo;
	}

	/**
	 * Through assessment, both reviews, signing and the mortgage: the bank's payment is the next step
	 * ({@code Task_DisburseLoan}, a job the test runs).
	 */
	public static String atDisbursement(TestRestTemplate http, ProcessEngine engine, Map<String, Object> application) {
		String caseNo = afterAgencyReviews(http, engine, application);
		String path = "/api/loan/applications/" + caseNo;
		runJobs(engine, caseNo);
		expectOk(Api.as(http, TestTokens.user("reviewer1", "hpf-first-reviewer"))
			.post(path + "/first-review", Map.of("outcome", "APPROVE", "opinion", "同意")));
		expectOk(Api.as(http, TestTokens.user("approver1", "hpf-approver"))
			.post(path + "/approval", Map.of("outcome", "APPROVE", "approvedAmount", "600000.00", "opinion", "同意")));
		expectOk(Api.as(http, TestTokens.user("bank1", "bank-loan-officer")).post(path + "/contract-signing/bank", null));
		expectOk(Api.as(http, TestTokens.user("guarantor1", "guarantor-officer"))
			.post(path + "/contract-signing/guarantor", null));
		expectOk(Api.as(http, TestTokens.user("clerk1", "hpf-acceptance-clerk"))
			.post(path + "/contract-signing/fund-centre", null));
		runJobs(engine, caseNo);
		expectOk(Api.as(http, TestTokens.user("registry1", "registry-clerk"))
			.post(path + "/mortgage-registration", Map.of("certificateNo", "豫(2026)焦作市不动产证明第" + caseNo + "号")));
		return caseNo;
	}

	private static void expectOk(ResponseEntity<Map<String, Object>> answer) {
		if (!answer.getStatusCode().is2xxSuccessful()) {
			throw new AssertionError("Refused: " + answer.getBody());
		}
	}

	/** How many rows a submission writes, table by table: a refused one writes none. */
	public static Map<String, Integer> rowsOfSubmissions(JdbcClient jdbc) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (String table : List.of("intake_case", "intake_case_event", "loan_application", "loan_party", "loan_property",
				"platform_idempotent_request", "act_ru_execution")) {
			counts.put(table, jdbc.sql("select count(*) from " + table).query(Integer.class).single());
		}
		return counts;
	}

	/** Every material of the checklist, provided. */
	public static Map<String, Object> allMaterials(boolean withCoBorrower) {
		Map<String, Boolean> materials = new LinkedHashMap<>();
		for (String code : List.of("BORROWER_ID", "MARITAL_PROOF", "INCOME_PROOF", "PURCHASE_CONTRACT",
				"DOWN_PAYMENT_RECEIPT", "TITLE_CERTIFICATE", "SELLER_ID", "SELLER_ACCOUNT", "REPAYMENT_CARD")) {
			materials.put(code, true);
		}
		if (withCoBorrower) {
			materials.put("CO_BORROWER_ID", true);
		}
		return Map.of("materials", materials, "remark", "材料齐全");
	}

	/**
	 * Runs the case's due jobs until none is left (the job executor is off in tests), as the job executor would: a
	 * job's step may lead to the next asynchronous step. A failing job throws.
	 *
	 * @return the jobs run
	 */
	public static int runJobs(ProcessEngine engine, String caseNo) {
		ManagementService management = engine.getManagementService();
		int ran = 0;
		List<Job> due = jobsOf(engine, caseNo);
		while (!due.isEmpty()) {
			for (Job job : due) {
				management.executeJob(job.getId());
				ran++;
			}
			due = jobsOf(engine, caseNo);
		}
		return ran;
	}

	/** The activities of the case's due jobs, e.g. {@code Task_IssueAcceptanceReceipt}. */
	public static List<String> dueSteps(ProcessEngine engine, String caseNo) {
		return jobsOf(engine, caseNo).stream()
			.map(job -> engine.getManagementService()
				.createJobDefinitionQuery()
				.jobDefinitionId(job.getJobDefinitionId())
				.singleResult()
				.getActivityId())
			.sorted()
			.toList();
	}

	/** The case's jobs that are due and have retries left. */
	public static List<Job> jobsOf(ProcessEngine engine, String caseNo) {
		// every process of the case: a part's, and one a part started (a standing agreement's months)
		java.util.Set<String> instances = engine.getRuntimeService().createProcessInstanceQuery()
			.processInstanceBusinessKey(caseNo)
			.list()
			.stream()
			.map(ProcessInstance::getId)
			.collect(java.util.stream.Collectors.toSet());
		if (instances.isEmpty()) {
			return List.of();
		}
		return engine.getManagementService().createJobQuery().processInstanceIds(instances).executable().list();
	}

}
