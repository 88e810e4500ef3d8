package cn.example.servicehall.support;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * As many different borrowers and flats as a test or a benchmark needs, each known to the fake systems (a fund
 * account, a clean credit record, a registered flat of 王强's), so that each application is a case of its own: a day's
 * work at the window rather than the same couple again and again. Number {@code n} always gives the same citizen.
 */
public final class SyntheticCitizens {

	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马",
			"朱", "胡", "郭", "何", "高", "林", "罗" };

	private static final String[] GIVEN_NAMES = { "伟", "芳", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳",
			"杰", "娟", "涛", "明", "超", "秀兰", "霞", "平" };

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	/** Numbers handed out to tests, far from the benchmark's (0, 1, 2, ...), one JVM-wide sequence. */
	private static final AtomicInteger NEXT = new AtomicInteger(1_000_000);

	private SyntheticCitizens() {
	}

	/**
	 * A borrower and the flat they buy.
	 * @param name the borrower's name
	 * @param idNumber a resident ID number with a valid check character, born 1970 or later
	 * @param certificateNo the flat's certificate number at the registry
	 */
	public record Citizen(String name, String idNumber, String certificateNo) {
	}

	/** Citizen number {@code n}, with a common name (the same names come back: a name search finds several). */
	public static Citizen citizen(int n) {
		return citizen(n, SURNAMES[n % SURNAMES.length] + GIVEN_NAMES[(n / SURNAMES.length) % GIVEN_NAMES.length]);
	}

	/** Citizen number {@code n}, with the given name. */
	public static Citizen citizen(int n, String name) {
		String id17 = "410802" + LocalDate.of(1970, 1, 1).plusDays(n / 800).toString().replace("-", "")
				+ String.format("%03d", 100 + n % 800);
		return new Citizen(name, id17 + checkCharacter(id17), String.format("豫(2020)焦作市不动产权第%07d号", n));
	}

	/** A new citizen for a test, different from every other one handed out in this JVM. */
	public static Citizen next(String name) {
		return citizen(NEXT.getAndIncrement(), name);
	}

	/** Makes the fake systems know the citizen: fund account, credit record, the flat at the registry. */
	public static void register(JdbcClient jdbc, Citizen citizen) {
		jdbc.sql("""
				insert into fake_fund_account (id_no, account_no, holder_name, status, balance, continuous_months,
				                               monthly_deposit, outstanding_loan)
				values (:id, 'GJJ9' || substr(:id, 7, 11), :name, 'NORMAL', 56000.00, 48, 1500.00, false)
				on conflict do nothing""").param("id", citizen.idNumber()).param("name", citizen.name()).update();
		jdbc.sql("""
				insert into fake_credit_record (id_no, overdue_last_24_months, currently_overdue, existing_monthly_debt)
				values (?, 0, false, 0.00) on conflict do nothing""").param(citizen.idNumber()).update();
		jdbc.sql("""
				insert into fake_registry_title (certificate_no, address, floor_area, build_year, owner_names, sealed, mortgaged)
				values (?, '焦作市解放区建设路 ' || right(?, 4) || ' 号', 96.00, 2012, '王强', false, false)
				on conflict do nothing""").params(citizen.certificateNo(), citizen.certificateNo()).update();
	}

	/** The citizen's resale-loan application: single, buying their flat from 王强 (LoanFixtures' loan and seller). */
	public static Map<String, Object> application(Citizen citizen) {
		Map<String, Object> application = LoanFixtures.resaleApplication(citizen.certificateNo());
		application.put("borrower", LoanFixtures.applicant(citizen.name(), citizen.idNumber(), "UNMARRIED", "12000.00"));
		application.remove("coBorrower");
		return application;
	}

	/** Every material of a single borrower's checklist, provided. */
	public static Map<String, Object> allMaterials() {
		return LoanFixtures.allMaterials(false);
	}

	private static char checkCharacter(String id17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (id17.charAt(i) - '0') * WEIGHTS[i];
		}
		return "10X98765432".charAt(sum % 11);
	}

}
