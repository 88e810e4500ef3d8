package cn.example.servicehall.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.example.servicehall.platform.database.OrphanedPostmaster.ShutdownMode;

/**
 * A hall killed with {@code kill -9} leaves its PostgreSQL running. The next start finds it, stops it, and starts a
 * fresh server on the same data, which has kept every committed row: with a smart shutdown when nothing is connected
 * any more, with a fast one when a client of the dead hall still is. A server held by a live hall is left alone.
 */
class OrphanedPostmasterIT {

	@TempDir
	Path dataDir;

	@Test
	void stopsTheServerOfAKilledHallAndKeepsItsData() throws Exception {
		long orphanPid = orphanAServer();

		Optional<OrphanedPostmaster.Stopped> stopped = OrphanedPostmaster.stopIfPresent(this.dataDir);

		assertThat(stopped).hasValueSatisfying(s -> assertThat(s.mode()).isEqualTo(ShutdownMode.SMART));
		assertThat(stopped.get().describe()).contains("pid " + orphanPid, "smart shutdown (SIGTERM)");
		assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
		assertCommittedRowKept();
	}

	@Test
	void stopsItFastWhenAClientOfTheDeadHallIsStillConnected() throws Exception {
		long orphanPid = orphanAServer();
		int port = Integer.parseInt(Files.readAllLines(this.dataDir.resolve("postmaster.pid")).get(3).trim());
		try (Connection stillConnected = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres",
				"postgres", "")) {
			Optional<OrphanedPostmaster.Stopped> stopped = OrphanedPostmaster.stopIfPresent(this.dataDir);

			assertThat(stopped).as("a smart shutdown waits for the client; the fast one does not")
				.hasValueSatisfying(s -> assertThat(s.mode()).isEqualTo(ShutdownMode.FAST));
			assertThat(stopped.get().describe()).contains("pid " + orphanPid, "fast shutdown (SIGINT)");
			assertThat(stillConnected.isValid(2)).as("the client was disconnected").isFalse();
		}
		assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
		assertCommittedRowKept();
	}

	/** Starts PostgreSQL on the data directory in a JVM of its own, commits a row, kills that JVM: the server lives on. */
	private long orphanAServer() throws Exception {
		Process killedHall = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
				ServerThatWillBeKilled.class.getName(), this.dataDir.toString())
			.redirectErrorStream(true)
			.start();
		BufferedReader out = new BufferedReader(new InputStreamReader(killedHall.getInputStream(), StandardCharsets.UTF_8));
		String line;
		while ((line = out.readLine()) != null && !line.startsWith("READY")) {
			// wait until the server is up and a row is committed
		}
		assertThat(line).as("the helper JVM started PostgreSQL").startsWith("READY");

		killedHall.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		long orphanPid = Long.parseLong(Files.readAllLines(this.dataDir.resolve("postmaster.pid")).get(0).trim());
		assertThat(ProcessHandle.of(orphanPid)).as("PostgreSQL outlives a killed JVM").hasValueSatisfying(
				p -> assertThat(p.isAlive()).isTrue());
		return orphanPid;
	}

	private void assertCommittedRowKept() throws Exception {
		try (EmbeddedPostgres restarted = EmbeddedPostgres.builder()
			.setDataDirectory(this.dataDir)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.start();
				Connection connection = restarted.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select note from kept order by id")) {
			assertThat(rs.next()).isTrue();
			assertThat(rs.getString(1)).isEqualTo("committed before kill -9");
		}
	}

	@Test
	void refusesToTouchTheServerOfARunningHall() throws Exception {
		try (EmbeddedPostgres running = EmbeddedPostgres.builder()
			.setDataDirectory(this.dataDir)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.start()) {
			assertThatThrownBy(() -> OrphanedPostmaster.stopIfPresent(this.dataDir))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("Another running Service Hall uses the database in " + this.dataDir);
			// nor anything else of it, such as its Keycloak
			List<String> asked = new ArrayList<>();
			assertThatThrownBy(() -> DeadHallCleanup.run(this.dataDir, List.of(() -> {
				asked.add("stop");
				return List.of();
			}))).hasMessageContaining("Another running Service Hall");
			assertThat(asked).isEmpty();
			try (Connection connection = running.getPostgresDatabase().getConnection()) {
				assertThat(connection.isValid(5)).isTrue();
			}
		}
	}

	private static String javaBinary() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/** Stands for a hall: starts PostgreSQL on a data directory, commits a row, and waits to be killed. */
	public static final class ServerThatWillBeKilled {

		public static void main(String[] args) throws Exception {
			EmbeddedPostgres server = EmbeddedPostgres.builder()
				.setDataDirectory(Path.of(args[0]))
				.setCleanDataDirectory(false)
				.setRegisterShutdownHook(false)
				.setServerConfig("fsync", "on")
				.start();
			try (Connection connection = server.getPostgresDatabase().getConnection();
					Statement statement = connection.createStatement()) {
				for (String sql : List.of("create table kept (id serial primary key, note text)",
						"insert into kept (note) values ('committed before kill -9')")) {
					statement.execute(sql);
				}
			}
			System.out.println("READY");
			System.out.flush();
			Thread.sleep(TimeUnit.MINUTES.toMillis(5));
		}

	}

}
