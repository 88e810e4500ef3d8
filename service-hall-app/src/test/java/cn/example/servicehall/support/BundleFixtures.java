package cn.example.servicehall.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;

import org.springframework.http.ResponseEntity;

import cn.example.servicehall.support.WithdrawalFixtures.Depositor;

/** 一件事 as the counter submits it through the API. */
public final class BundleFixtures {

	private BundleFixtures() {
	}

	/**
	 * 退休一件事's one form for a depositor without a fund loan: the applicant with a mobile, the card, and every
	 * material of the parts that apply checked.
	 */
	public static Map<String, Object> retirementForm(Depositor who, String phone) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("applicant", Map.of("name", who.name(), "idNumber", who.id(), "phone", phone));
		form.put("bankCard", Map.of("cardNo", WithdrawalFixtures.CARD, "bankName", "中国建设银行焦作分行"));
		Map<String, Boolean> materials = new LinkedHashMap<>();
		for (String code : List.of("APPLICANT_ID", "OWN_BANK_CARD", "APPLICATION_FORM", "RETIREMENT_PROOF")) {
			materials.put(code, true);
		}
		form.put("materials", materials);
		return form;
	}

	/** Submits 退休一件事 as the clerk, runs its jobs, and answers its case number. */
	public static String submitRetirement(Api clerk, ProcessEngine engine, Depositor who, String phone) {
		ResponseEntity<Map<String, Object>> created = clerk.post("/api/bundles/RETIREMENT/applications",
				retirementForm(who, phone), WithdrawalFixtures.key());
		assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
		String caseNo = (String) created.getBody().get("caseNo");
		LoanFixtures.runJobs(engine, caseNo);
		return caseNo;
	}

	/** How many bundle cases the hall holds. */
	public static long bundleCases(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		return jdbc.sql("select count(*) from intake_case where service_type = 'BUNDLE'").query(Long.class).single();
	}

}
