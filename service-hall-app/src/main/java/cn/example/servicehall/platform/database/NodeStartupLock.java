package cn.example.servicehall.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;

/**
 * One hall node at a time changes the database's schema and deploys the models: Flyway's migrations, the engine's own
 * {@code ACT_*} tables ({@code schema-update}), which no lock guards, and the model deployment. Taken as a PostgreSQL
 * session-level advisory lock on a connection of its own before Flyway runs, held until the application context is
 * refreshed (the engine built, the models deployed), and let go then, or when the node stops or dies (the server ends
 * the session). A second node starting at the same moment waits, then finds the schema and the models in place and
 * deploys nothing.
 */
public final class NodeStartupLock implements ApplicationListener<ContextRefreshedEvent>, AutoCloseable {

	/** The advisory lock's key: "SHST" (Service Hall STart). */
	static final long KEY = 0x5348_5354L;

	private static final Logger log = LoggerFactory.getLogger(NodeStartupLock.class);

	private Connection connection;

	NodeStartupLock(DataSource dataSource) throws SQLException {
		this.connection = dataSource.getConnection();
		try (Statement statement = this.connection.createStatement()) {
			statement.execute("set application_name = 'service-hall startup lock'");
			var free = statement.executeQuery("select pg_try_advisory_lock(" + KEY + ")");
			free.next();
			if (!free.getBoolean(1)) {
				Instant asked = Instant.now();
				log.info("Another hall node is starting on this database (migrations, engine tables, model "
						+ "deployment): waiting for it to finish");
				statement.execute("select pg_advisory_lock(" + KEY + ")");
				log.info("The other node has started; this one goes on after waiting {} s",
						Duration.between(asked, Instant.now()).toSeconds());
			}
		}
		catch (SQLException ex) {
			this.connection.close();
			throw ex;
		}
	}

	@Override
	public void onApplicationEvent(ContextRefreshedEvent event) {
		close();
	}

	/** Lets the lock go; again does nothing. */
	@Override
	public synchronized void close() {
		if (this.connection == null) {
			return;
		}
		try (Connection held = this.connection; Statement statement = held.createStatement()) {
			statement.execute("select pg_advisory_unlock(" + KEY + ")");
		}
		catch (SQLException ex) {
			log.warn("Letting the start-up lock go failed ({}); the connection is closed, which lets it go", ex.getMessage());
		}
		finally {
			this.connection = null;
		}
	}

}
