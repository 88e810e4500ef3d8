package cn.example.servicehall.processes.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL server per test JVM for the model tests (no H2 anywhere). It runs from the PostgreSQL server
 * binaries on Maven Central, in a throw-away data directory that is removed when the JVM exits.
 */
public final class TestPostgres {

	private static EmbeddedPostgres server;

	private TestPostgres() {
	}

	public static synchronized String jdbcUrl() {
		if (server == null) {
			try {
				Path dataDir = Files.createTempDirectory("service-hall-model-test-pg");
				server = EmbeddedPostgres.builder()
					.setDataDirectory(dataDir)
					.setCleanDataDirectory(true)
					// durability is irrelevant for a throw-away test database
					.setServerConfig("fsync", "off")
					.setServerConfig("synchronous_commit", "off")
					.start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start the embedded PostgreSQL for the model tests", ex);
			}
		}
		return server.getJdbcUrl("postgres", "postgres");
	}

}
