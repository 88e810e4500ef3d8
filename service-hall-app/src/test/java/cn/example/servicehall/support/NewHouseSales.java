package cn.example.servicehall.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.example.servicehall.intake.UnifiedSocialCreditCode;

/**
 * New-house sales for tests: the seeded developer companies and their projects (db/fakes), a purchase contract filed
 * at the fake housing authority for a buyer, and the application a sales office posts for it.
 */
public final class NewHouseSales {

	/** 福州示例房地产开发有限公司 (agent-a), project {@link #PROJECT_A} 滨江花园. */
	public static final String COMPANY_A = "91350100M000100Y43";

	/** 北京示例房地产开发有限公司 (agent-b), project {@link #PROJECT_B} 京北家园. */
	public static final String COMPANY_B = "91110000600037341L";

	public static final String PROJECT_A = "FZ-BJHY";

	public static final String PROJECT_B = "BJ-JBJY";

	public static final String PERMIT_A = "榕房许字（2026）第018号";

	public static final String PERMIT_B = "京房售证字（2026）第035号";

	private static final AtomicInteger units = new AtomicInteger();

	private NewHouseSales() {
	}

	/**
	 * An application by the company's agent for the buyer, at a new unit of the company's seeded project, with a
	 * contract filed for it at the housing authority.
	 */
	public static Map<String, Object> application(JdbcClient jdbc, String company, String name, String idNumber) {
		boolean a = COMPANY_A.equals(company);
		String unit = "9-" + units.incrementAndGet() + "-101";
		String filingNo = fileContract(jdbc, a ? "滨江花园" : "京北家园", a ? PERMIT_A : PERMIT_B, unit, name, idNumber,
				"FILED");
		return application(a ? PROJECT_A : PROJECT_B, unit, filingNo, name, idNumber);
	}

	/** The online acceptance's body with every material of a new-house case (without a co-borrower) provided. */
	public static Map<String, Object> everyMaterialProvided() {
		Map<String, Boolean> materials = new LinkedHashMap<>();
		cn.example.servicehall.loan.MaterialChecklist.forNewHouseLoan(false)
			.forEach(material -> materials.put(material.code(), true));
		return Map.of("materials", materials, "remark", "材料齐全");
	}

	/** The body of {@code POST /api/loan/new-house-applications}. */
	public static Map<String, Object> application(String project, String unit, String filingNo, String name,
			String idNumber) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("applicant", Map.of("name", name, "idNumber", idNumber));
		body.put("requestedAmount", "600000");
		body.put("termMonths", 300);
		body.put("project", project);
		body.put("unitNo", unit);
		body.put("contractFilingNo", filingNo);
		return body;
	}

	/** A purchase contract at the fake housing authority (网签备案); its filing number. */
	public static String fileContract(JdbcClient jdbc, String projectName, String permit, String unit, String buyerName,
			String buyerIdNumber, String status) {
		String filingNo = "WQT-" + System.nanoTime() + "-" + units.incrementAndGet();
		jdbc.sql("""
				insert into fake_contract_filing (filing_no, buyer_names, buyer_id_numbers, project_name, presale_permit_no,
				                                  unit_no, floor_area, price, filed_on, status)
				values (?, ?, ?, ?, ?, ?, 98.60, 1200000.00, date '2026-11-01', ?)""")
			.params(filingNo, buyerName, buyerIdNumber, projectName, permit, unit, status)
			.update();
		return filingNo;
	}

	/** A valid GB 32100 code: the first 16 characters, a 17th digit and the check character the code calls for. */
	public static String validCreditCode(String first16) {
		for (char c : "0123456789".toCharArray()) {
			for (char check : "0123456789ABCDEFGHJKLMNPQRTUWXY".toCharArray()) {
				if (UnifiedSocialCreditCode.defectOf(first16 + c + check).isEmpty()) {
					return first16 + c + check;
				}
			}
		}
		throw new IllegalStateException(first16);
	}

	/** Lists the agent for the company, as the fund centre would on its page. */
	public static void registerAgent(JdbcClient jdbc, String username, String company) {
		jdbc.sql("""
				insert into developer_agent (username, company_uscc, added_at, added_by) values (?, ?, now(), 'test')
				on conflict (username) do nothing""").params(username, company).update();
	}

}
