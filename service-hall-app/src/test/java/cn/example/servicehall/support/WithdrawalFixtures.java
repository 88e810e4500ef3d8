package cn.example.servicehall.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Depositors the fake systems know, and withdrawal applications as the API takes them, for tests and benchmarks of
 * withdrawals: an account with a balance in {@code fake_fund_account}, a retirement in social security, a rent
 * withdrawal's lease. Their ID numbers are of 沁阳市 (410882), which no other fixture uses, numbered from a counter.
 */
public final class WithdrawalFixtures {

	/** A Luhn-valid bank card number. */
	public static final String CARD = "6212345678901234569";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private WithdrawalFixtures() {
	}

	/** A depositor of the fake fund account system. */
	public record Depositor(String name, String id) {
	}

	/**
	 * A depositor with an account in status NORMAL and 60 months' deposits, born on {@code born} plus a day per 500
	 * depositors made so far (so every ID number is new).
	 */
	public static Depositor depositor(JdbcClient jdbc, String name, LocalDate born, boolean male, String balance) {
		return depositor(jdbc, name, born, male, balance, "NORMAL");
	}

	/** The same, with the account in {@code status} ({@code SEALED} for a retired or departed depositor). */
	public static Depositor depositor(JdbcClient jdbc, String name, LocalDate born, boolean male, String balance,
			String status) {
		int n = SEQUENCE.getAndIncrement();
		String id17 = "410882" + born.plusDays(n / 500).toString().replace("-", "")
				+ String.format("%03d", (n % 500) * 2 + (male ? 1 : 0));
		String id = id17 + check(id17);
		jdbc.sql("""
				insert into fake_fund_account (id_no, account_no, holder_name, status, balance, continuous_months,
				                               monthly_deposit, outstanding_loan)
				values (?, ?, ?, ?, ?, 60, 1800.00, false)""")
			.params(id, "GJJ7" + id.substring(6, 17), name, status, new BigDecimal(balance))
			.update();
		return new Depositor(name, id);
	}

	/** A home registered to the depositor at the registry on {@code registeredOn}; its certificate number. */
	public static String home(JdbcClient jdbc, Depositor owner, LocalDate registeredOn) {
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

	/** A fund loan of the depositor's, repaid on time since 2023-01; its contract number. */
	public static String fundLoan(JdbcClient jdbc, Depositor borrower) {
		String contract = "JKT" + borrower.id().substring(6);
		jdbc.sql("""
				insert into fake_housing_loan (contract_no, kind, lender, borrower_id_no, principal, annual_rate, term_months,
				                               first_due, monthly_instalment)
				values (?, 'FUND', '焦作市住房公积金管理中心', ?, 300000.00, 0.03100, 240, date '2023-01-15', 1681.02)""")
			.params(contract, borrower.id())
			.update();
		return contract;
	}

	/** A fresh Idempotency-Key. */
	public static String key() {
		return java.util.UUID.randomUUID().toString();
	}

	/** A man born in 1960 whom social security records as retired in 2020: his retirement withdrawal is rule-decided. */
	public static Depositor retired(JdbcClient jdbc, String name) {
		Depositor retired = depositor(jdbc, name, LocalDate.of(1960, 5, 10), true, "128600.00");
		jdbc.sql("insert into fake_social_security_retirement (id_no, retired_on, certificate_no) values (?, ?, ?)")
			.params(retired.id(), LocalDate.of(2020, 5, 10), "TX" + retired.id())
			.update();
		return retired;
	}

	/** A woman born in 1992 who owns no home in the city: her rent withdrawal is rule-decided. */
	public static Depositor renter(JdbcClient jdbc, String name) {
		return depositor(jdbc, name, LocalDate.of(1992, 3, 3), false, "30000.00");
	}

	/** A retirement withdrawal's application (no claim). */
	public static Map<String, Object> retirement(Depositor who) {
		return application("RETIREMENT", who, Map.of());
	}

	/** A rent withdrawal's application: a filed lease of 1,500 yuan a month from 2026-06-01. */
	public static Map<String, Object> rent(Depositor who) {
		return application("RENT", who,
				Map.of("lease", Map.of("monthlyRent", "1500.00", "startsOn", "2026-06-01", "filed", true)));
	}

	/** An application as {@code POST /api/withdrawals} takes it. */
	public static Map<String, Object> application(String type, Depositor who, Map<String, Object> claim) {
		Map<String, Object> application = new LinkedHashMap<>();
		application.put("type", type);
		application.put("applicant", Map.of("name", who.name(), "idNumber", who.id(), "phone", "13800138000"));
		application.put("bankCard", Map.of("cardNo", CARD, "bankName", "中国建设银行焦作分行"));
		application.put("claim", new HashMap<>(claim));
		return application;
	}

	/** The counter's checklist with every material of an assessment's answer checked. */
	@SuppressWarnings("unchecked")
	public static Map<String, Boolean> allMaterials(Map<String, Object> assessment) {
		Map<String, Boolean> materials = new LinkedHashMap<>();
		((List<Map<String, Object>>) assessment.get("materials")).forEach(m -> materials.put((String) m.get("code"), true));
		return materials;
	}

	/** The case number of {@code POST /api/withdrawals}'s answer. */
	@SuppressWarnings("unchecked")
	public static String caseNo(Map<String, Object> created) {
		return (String) ((Map<String, Object>) created.get("caseFile")).get("caseNo");
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
