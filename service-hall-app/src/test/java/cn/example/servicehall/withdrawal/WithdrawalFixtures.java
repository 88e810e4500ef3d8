package cn.example.servicehall.withdrawal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Depositors the fake systems know, made for one test each, and withdrawal applications as the API takes them. */
final class WithdrawalFixtures {

	/** A Luhn-valid card number. */
	static final String CARD = "6212345678901234569";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private WithdrawalFixtures() {
	}

	/**
	 * A depositor.
	 * @param name the name
	 * @param id the resident ID number
	 */
	record Person(String name, String id) {
	}

	/** A depositor with an account holding {@code balance}, opened on 2025-07-01, 60 months of deposits. */
	static Person person(JdbcClient jdbc, String name, LocalDate born, boolean male, String balance, String status) {
		int n = SEQUENCE.incrementAndGet();
		String sequence = String.format("%02d", n % 100) + (male ? (1 + 2 * (n / 100 % 5)) : (2 * (n / 100 % 5)));
		String id17 = "410821" + born.toString().replace("-", "") + sequence;
		String id = id17 + check(id17);
		jdbc.sql("""
				insert into fake_fund_account (id_no, account_no, holder_name, status, balance, continuous_months,
				                               monthly_deposit, outstanding_loan)
				values (?, ?, ?, ?, ?, 60, 1800.00, false)""")
			.params(id, "GJJ8" + id.substring(6, 17), name, status, new BigDecimal(balance))
			.update();
		return new Person(name, id);
	}

	/** A home registered to the person at the registry, on {@code registeredOn}. */
	static String home(JdbcClient jdbc, Person owner, LocalDate registeredOn) {
		String certificate = "豫(2026)焦作市不动产权第7" + owner.id().substring(8, 17) + "号";
		jdbc.sql("""
				insert into fake_registry_title (certificate_no, address, floor_area, build_year, owner_names, sealed, mortgaged)
				values (?, '焦作市解放区民主路 8 号', 88.00, 2010, ?, false, false)""")
			.params(certificate, owner.name())
			.update();
		jdbc.sql("insert into fake_registry_owner (certificate_no, id_no, registered_on) values (?, ?, ?)")
			.params(certificate, owner.id(), registeredOn)
			.update();
		return certificate;
	}

	/** A fund loan of the person's, repaid on time since 2023-01. */
	static String fundLoan(JdbcClient jdbc, Person borrower) {
		String contract = "JKT" + borrower.id().substring(6);
		jdbc.sql("""
				insert into fake_housing_loan (contract_no, kind, lender, borrower_id_no, principal, annual_rate, term_months,
				                               first_due, monthly_instalment)
				values (?, 'FUND', '焦作市住房公积金管理中心', ?, 300000.00, 0.03100, 240, date '2023-01-15', 1681.02)""")
			.params(contract, borrower.id())
			.update();
		return contract;
	}

	static Map<String, Object> application(String type, Person who, Map<String, Object> claim) {
		Map<String, Object> application = new LinkedHashMap<>();
		application.put("type", type);
		application.put("applicant", Map.of("name", who.name(), "idNumber", who.id(), "phone", "13800138000"));
		application.put("bankCard", Map.of("cardNo", CARD, "bankName", "中国建设银行焦作分行"));
		application.put("claim", new HashMap<>(claim));
		return application;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Boolean> allMaterials(Map<String, Object> assessment) {
		Map<String, Boolean> materials = new LinkedHashMap<>();
		((List<Map<String, Object>>) assessment.get("materials")).forEach(m -> materials.put((String) m.get("code"), true));
		return materials;
	}

	static String key() {
		return UUID.randomUUID().toString();
	}

	private static char check(String id17) {
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (id17.charAt(i) - '0') * weights[i];
		}
		return "10X98765432".charAt(sum % 11);
	}

}
