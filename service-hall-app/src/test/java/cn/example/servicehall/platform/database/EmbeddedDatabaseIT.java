package cn.example.servicehall.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.example.servicehall.ServiceHallIntegrationTest;

/** The hall runs on a real PostgreSQL, its own schema migrated by Flyway before the engine's tables appeared. */
@ServiceHallIntegrationTest
class EmbeddedDatabaseIT {

	@Autowired
	private JdbcClient jdbc;

	@Test
	void runsOnARealPostgresql() {
		assertThat(this.jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL 17.");
		assertThat(this.jdbc.sql("select current_database()").query(String.class).single()).isEqualTo("servicehall");
	}

	@Test
	void migratesTheHallsSchemaWithFlywayBeforeTheEngineCreatesItsTables() {
		assertThat(this.jdbc.sql("select count(*) from flyway_schema_history where success and version is not null")
			.query(Integer.class).single()).isGreaterThanOrEqualTo(3);
		// the first migration ran against an empty schema: installed_rank 1 is a real migration, not a baseline
		assertThat(this.jdbc.sql("select type from flyway_schema_history where installed_rank = 1").query(String.class)
			.single()).isEqualTo("SQL");
		assertThat(this.jdbc.sql("select count(*) from information_schema.tables where table_name = 'act_ru_task'")
			.query(Integer.class).single()).isEqualTo(1);
	}

}
