package cn.example.servicehall.support;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.Job;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * Applications built from the fake systems' demo data (db/fakes): 张伟 and his wife 李娜 buy 王强's flat in Jiaozuo,
 * built 2008, with a 600,000 loan over 20 years.
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

	private LoanFixtures() {
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
		ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
			.processInstanceBusinessKey(caseNo)
			.singleResult();
		if (instance == null) {
			return List.of();
		}
		return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).executable().list();
	}

}
