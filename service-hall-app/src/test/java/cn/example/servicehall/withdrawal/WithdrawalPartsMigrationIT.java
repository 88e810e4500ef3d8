package cn.example.servicehall.withdrawal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 14's migration keeps every withdrawal readable once its records are kept per part of the case: a withdrawal
 * case alone comes out as its part 1, a retirement bundle's only withdrawal part as that part (2), with its
 * application, decision, flag, opinion and payment; and a case may then hold a second withdrawal part. Runs the
 * hall's migrations on a throw-away PostgreSQL up to the version before, writes the old shape, then migrates to the
 * end.
 */
class WithdrawalPartsMigrationIT {

	private static final String[] LOCATIONS = { "classpath:db/migration", "classpath:db/fakes" };

	@TempDir
	private Path data;

	@Test
	void aWithdrawalAloneBecomesPartOneAndABundlesWithdrawalItsOwnPart() throws Exception {
		try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(this.data).setCleanDataDirectory(true).start()) {
			Flyway.configure()
				.dataSource(pg.getPostgresDatabase())
				.locations(LOCATIONS)
				.target("2026.12.10.81")
				.load()
				.migrate();
			JdbcClient jdbc = JdbcClient.create(pg.getPostgresDatabase());
			oldCase(jdbc, "TQ2026120700001", "WITHDRAWAL");
			part(jdbc, "TQ2026120700001", 1, "WITHDRAWAL", null);
			oldWithdrawal(jdbc, "TQ2026120700001");
			oldCase(jdbc, "YS2026120700002", "BUNDLE");
			part(jdbc, "YS2026120700002", 1, "BUNDLE", null);
			part(jdbc, "YS2026120700002", 2, "WITHDRAWAL", 1);
			oldWithdrawal(jdbc, "YS2026120700002");

			Flyway.configure().dataSource(pg.getPostgresDatabase()).locations(LOCATIONS).load().migrate();

			for (String table : new String[] { "withdrawal_application", "withdrawal_decision", "withdrawal_flag",
					"withdrawal_review", "withdrawal_payment" }) {
				assertThat(jdbc.sql("select case_no || '-' || part_no from " + table + " order by case_no")
					.query(String.class)
					.list()).as(table).containsExactly("TQ2026120700001-1", "YS2026120700002-2");
			}
			assertThat(jdbc.sql("select type || '/' || amount || '/' || bank_reference || '/' || coalesce(paid_to_loan, 'card')"
					+ " from withdrawal_application join withdrawal_payment using (case_no, part_no)"
					+ " where case_no = 'YS2026120700002' and part_no = 2").query(String.class).single())
				.as("the old row reads as before, paid to the card").isEqualTo("RETIREMENT/128600.00/BK001/card");

			// a second withdrawal part of the same case now has its own records; the same part twice is refused
			part(jdbc, "YS2026120700002", 3, "WITHDRAWAL", 1);
			jdbc.sql("""
					insert into withdrawal_application (case_no, part_no, type, retirement_kind, bank_name, card_no, claim,
					                                    submitted_at)
					values ('YS2026120700002', 3, 'LOAN_PAYOFF', 'M60', '中国建设银行', '6212345678901234569', '{}', now())""")
				.update();
			assertThat(jdbc.sql("select count(*) from withdrawal_application where case_no = 'YS2026120700002'")
				.query(Integer.class).single()).isEqualTo(2);
			assertThatThrownBy(() -> jdbc.sql("""
					insert into withdrawal_payment (case_no, part_no, account_no, balance_before, amount, balance_after,
					                                closed_account, booked_on)
					values ('YS2026120700002', 2, 'GJJ1', 1, 1, 0, false, current_date)""").update())
				.hasMessageContaining("withdrawal_payment_pkey");
		}
	}

	private static void oldCase(JdbcClient jdbc, String caseNo, String service) {
		jdbc.sql("""
				insert into intake_case (case_no, service_type, channel, status, applicant_name, applicant_id_no, branch,
				                         submitted_at, submitted_by, updated_at)
				values (?, ?, 'WINDOW', 'IN_PROGRESS', '孙建国', '410802196503120515', 'HALL', now(), 'clerk1', now())""")
			.params(caseNo, service)
			.update();
	}

	private static void part(JdbcClient jdbc, String caseNo, int partNo, String service, Integer parent) {
		jdbc.sql("""
				insert into intake_case_part (case_no, part_no, service_type, parent_part_no, opened_at)
				values (?, ?, ?, ?, now())""")
			.params(caseNo, partNo, service, parent)
			.update();
	}

	/** A withdrawal's records as they were kept before: by the case number alone. */
	private static void oldWithdrawal(JdbcClient jdbc, String caseNo) {
		jdbc.sql("""
				insert into withdrawal_application (case_no, type, retirement_kind, bank_name, card_no, claim, submitted_at)
				values (?, 'RETIREMENT', 'M60', '中国建设银行', '6212345678901234569', '{}', now())""")
			.param(caseNo)
			.update();
		jdbc.sql("""
				insert into withdrawal_decision (case_no, policy_id, accepted_on, route, eligible, amount, amount_basis, unmet,
				                                 reviews, flags, decided_at)
				values (?, 'JIAOZUO-2026', current_date, 'REVIEW', true, 128600.00, '余额', '[]', '[]', '[]', now())""")
			.param(caseNo)
			.update();
		jdbc.sql("""
				insert into withdrawal_flag (case_no, rule, type, words, flagged_at)
				values (?, 'ACCOUNT_CLOSED_TWICE', 'RETIREMENT', '测试', now())""")
			.param(caseNo)
			.update();
		jdbc.sql("""
				insert into withdrawal_review (case_no, stage, outcome, opinion, reviewer, reviewed_at)
				values (?, 'REVIEW', 'APPROVE', '同意', 'reviewer1', now())""")
			.param(caseNo)
			.update();
		jdbc.sql("""
				insert into withdrawal_payment (case_no, account_no, balance_before, amount, balance_after, closed_account,
				                                booked_on, bank_reference)
				values (?, 'GJJ4108000301', 128600.00, 128600.00, 0, true, current_date, 'BK001')""")
			.param(caseNo)
			.update();
	}

}
