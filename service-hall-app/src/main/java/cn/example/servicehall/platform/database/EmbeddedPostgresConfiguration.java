package cn.example.servicehall.platform.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.FileSystemUtils;

/**
 * Starts the hall's own PostgreSQL server (real server binaries from Maven Central) unless an external database is
 * configured. The data directory survives restarts, fsync and synchronous commit are on, and Spring stops the
 * server last: the pool depends on it, and the engine depends on the pool, so both are closed before it. What a
 * killed hall left running on the data directory is stopped first ({@link DeadHallCleanup}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ExternalDatabaseAbsent.class)
class EmbeddedPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgresServer embeddedPostgres(EmbeddedDatabaseSettings settings,
			ObjectProvider<LeftoverDatabaseClients> leftovers) throws IOException {
		Path dataDir = settings.dataDir().toAbsolutePath().normalize();
		if (settings.ephemeral()) {
			FileSystemUtils.deleteRecursively(dataDir);
		}
		Files.createDirectories(dataDir);
		DeadHallCleanup.run(dataDir, leftovers.orderedStream().toList());
		boolean durable = !settings.ephemeral();
		EmbeddedPostgres server = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(settings.ephemeral())
			.setPort(settings.port() == 0 ? freePort() : settings.port())
			// zonky's own hook would stop the server while Spring is still closing the engine and the pool
			.setRegisterShutdownHook(false)
			.setPGStartupWait(settings.startupWait())
			.setServerConfig("fsync", durable ? "on" : "off")
			.setServerConfig("synchronous_commit", durable ? "on" : "off")
			.setServerConfig("full_page_writes", durable ? "on" : "off")
			.setServerConfig("listen_addresses", "localhost")
			.setServerConfig("max_connections", "100")
			.start();
		new DatabaseServer(server.getJdbcUrl("postgres", "postgres"), "postgres", "")
			.createDatabaseIfMissing(settings.database());
		log.info("Embedded PostgreSQL is up on localhost:{} with data in {}", server.getPort(), dataDir);
		return new EmbeddedPostgresServer(server, dataDir);
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedPostgresServer server, EmbeddedDatabaseSettings settings,
			DataSourceProperties properties) {
		properties.setUrl(server.jdbcUrl(settings.database()));
		properties.setUsername("postgres");
		properties.setPassword("");
		HikariDataSource dataSource = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
		dataSource.setPoolName("service-hall");
		return dataSource;
	}

	/** The running server; closing it stops PostgreSQL (Spring does so after the pool that depends on it). */
	static final class EmbeddedPostgresServer implements AutoCloseable {

		private final EmbeddedPostgres server;

		private final Path dataDir;

		EmbeddedPostgresServer(EmbeddedPostgres server, Path dataDir) {
			this.server = server;
			this.dataDir = dataDir;
		}

		String jdbcUrl(String database) {
			return this.server.getJdbcUrl("postgres", database);
		}

		@Override
		public void close() throws IOException {
			this.server.close();
			log.info("Embedded PostgreSQL stopped; data kept in {}", this.dataDir);
		}

	}

	private static int freePort() throws IOException {
		try (var socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
