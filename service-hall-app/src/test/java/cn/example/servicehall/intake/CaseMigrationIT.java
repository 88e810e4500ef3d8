package cn.example.servicehall.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 11's migrations keep every existing case readable: a loan case kept with a loan stage as its status and one
 * process on the case comes out with the shared lifecycle, its stage, and its process as the case's part 1; its
 * history reads the same. Runs the hall's migrations on a throw-away PostgreSQL up to the version before, writes the
 * old shape, then migrates to the end.
 */
class CaseMigrationIT {

	private static final String[] LOCATIONS = { "classpath:db/migration", "classpath:db/fakes" };

	@TempDir
	private Path data;

	@Test
	void movesTheLoansStagesOutOfTheStatusAndTheProcessIntoPartOne() throws Exception {
		try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(this.data).setCleanDataDirectory(true).start()) {
			Flyway.configure()
				.dataSource(pg.getPostgresDatabase())
				.locations(LOCATIONS)
				.target("2026.12.06.31")
				.load()
				.migrate();
			JdbcClient jdbc = JdbcClient.create(pg.getPostgresDatabase());
			oldCase(jdbc, "DK2026112300001", "APPROVED", "pi-approved", null);
			oldCase(jdbc, "DK2026112300002", "COMPLETED", "pi-completed", "2026-11-30T10:00:00+08:00");
			oldCase(jdbc, "DK2026112300003", "SUBMITTED", null, null);
			for (String status : List.of("SUBMITTED", "ACCEPTED", "ASSESSED", "FIRST_REVIEWED", "APPROVED")) {
				jdbc.sql("""
						insert into intake_case_event (case_no, occurred_at, status, action, actor_id, agency)
						values ('DK2026112300001', now(), ?, ?, 'clerk1', 'HPF')""").params(status, status).update();
			}

			Flyway.configure().dataSource(pg.getPostgresDatabase()).locations(LOCATIONS).load().migrate();

			assertThat(jdbc.sql("select case_no, status, stage from intake_case order by case_no").query().listOfRows())
				.containsExactly(row("DK2026112300001", "IN_PROGRESS", "APPROVED"),
						row("DK2026112300002", "COMPLETED", null), row("DK2026112300003", "SUBMITTED", null));
			assertThat(jdbc.sql("select coalesce(stage, status) from intake_case_event where case_no = 'DK2026112300001'"
					+ " order by id").query(String.class).list())
				.as("the history reads as it did")
				.containsExactly("SUBMITTED", "ACCEPTED", "ASSESSED", "FIRST_REVIEWED", "APPROVED");
			assertThat(jdbc.sql("select case_no, part_no, service_type, process_instance_id from intake_case_part"
					+ " order by case_no").query().listOfRows())
				.containsExactly(part("DK2026112300001", "pi-approved"), part("DK2026112300002", "pi-completed"),
						part("DK2026112300003", null));
			assertThat(jdbc.sql("select count(*) from information_schema.columns where table_name = 'intake_case'"
					+ " and column_name = 'process_instance_id'").query(Integer.class).single())
				.as("one place for a case's process").isZero();
			jdbc.sql("delete from intake_case where case_no = 'DK2026112300003'").update();
			assertThat(jdbc.sql("select count(*) from intake_case_part where case_no = 'DK2026112300003'")
				.query(Integer.class)
				.single()).as("a case deleted (a generated history's) takes its parts with it").isZero();
		}
	}

	private static void oldCase(JdbcClient jdbc, String caseNo, String status, String processInstanceId,
			String closedAt) {
		jdbc.sql("""
				insert into intake_case (case_no, service_type, channel, status, applicant_name, applicant_id_no,
				                         process_instance_id, branch, submitted_at, submitted_by, updated_at, closed_at)
				values (?, 'RESALE_LOAN', 'WINDOW', ?, '张伟', '410802198506150313', ?, 'HALL', now(), 'clerk1', now(),
				        cast(? as timestamptz))""")
			.params(caseNo, status, processInstanceId, closedAt)
			.update();
	}

	private static Map<String, Object> row(String caseNo, String status, String stage) {
		java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
		row.put("case_no", caseNo);
		row.put("status", status);
		row.put("stage", stage);
		return row;
	}

	private static Map<String, Object> part(String caseNo, String processInstanceId) {
		java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
		row.put("case_no", caseNo);
		row.put("part_no", 1);
		row.put("service_type", "RESALE_LOAN");
		row.put("process_instance_id", processInstanceId);
		return row;
	}

}
