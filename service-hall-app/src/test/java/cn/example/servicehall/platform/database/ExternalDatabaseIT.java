package cn.example.servicehall.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With {@code spring.datasource.url} (as {@code SPRING_DATASOURCE_URL}) naming an external PostgreSQL, the hall
 * uses it and starts no server of its own. The hall is not kept for later tests ({@code @DirtiesContext}): its pool
 * would knock at the stopped server for the rest of the run, into the log later tests read.
 */
@SpringBootTest
@ActiveProfiles("test")
@DirtiesContext
class ExternalDatabaseIT {

	/** Stands for the operator's PostgreSQL: started outside the hall, before it. */
	private static final EmbeddedPostgres external = startExternal();

	@Autowired
	private ApplicationContext context;

	@DynamicPropertySource
	static void pointAtTheExternalDatabase(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> external.getJdbcUrl("postgres", "postgres"));
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "");
	}

	@AfterAll
	static void stopExternal() throws IOException {
		external.close();
	}

	@Test
	void usesTheExternalDatabaseAndStartsNone() throws Exception {
		assertThat(this.context.getBeansOfType(EmbeddedPostgresConfiguration.EmbeddedPostgresServer.class)).isEmpty();
		try (Connection connection = external.getPostgresDatabase().getConnection();
				ResultSet tables = connection.createStatement()
					.executeQuery("select count(*) from information_schema.tables where table_name in "
							+ "('intake_case', 'act_ru_task', 'flyway_schema_history')")) {
			tables.next();
			assertThat(tables.getInt(1)).isEqualTo(3);
		}
	}

	private static EmbeddedPostgres startExternal() {
		try {
			return EmbeddedPostgres.builder()
				.setDataDirectory(Files.createTempDirectory("external-pg"))
				.setCleanDataDirectory(true)
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
