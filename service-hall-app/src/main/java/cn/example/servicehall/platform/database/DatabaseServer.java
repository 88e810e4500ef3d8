package cn.example.servicehall.platform.database;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server the hall's database lives on, for neighbours that want a database of their own on it (the
 * local Keycloak). Works the same for the embedded server and an external one, with the hall's credentials.
 */
public final class DatabaseServer {

	private final String host;

	private final int port;

	private final String hallDatabase;

	private final String username;

	private final String password;

	DatabaseServer(String jdbcUrl, String username, String password) {
		if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
			throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + jdbcUrl);
		}
		URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
		this.host = uri.getHost();
		this.port = uri.getPort() < 0 ? 5432 : uri.getPort();
		String path = uri.getPath();
		this.hallDatabase = path == null || path.length() <= 1 ? "postgres" : path.substring(1);
		this.username = username;
		this.password = password == null ? "" : password;
	}

	public String jdbcUrl(String database) {
		return "jdbc:postgresql://" + this.host + ":" + this.port + "/" + checked(database);
	}

	public String username() {
		return this.username;
	}

	public String password() {
		return this.password;
	}

	/** Creates {@code database} unless it exists. Needs the CREATEDB privilege on an external server. */
	public void createDatabaseIfMissing(String database) {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			var exists = statement.executeQuery("select 1 from pg_database where datname = '" + checked(database) + "'");
			if (!exists.next()) {
				statement.execute("create database " + database + " encoding 'UTF8'");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database '" + database + "' on " + this.host + ":"
					+ this.port + " as " + this.username + ": " + ex.getMessage()
					+ ". Create it yourself, or grant CREATEDB.", ex);
		}
	}

	/** Drops and creates {@code database} (never the hall's own). */
	public void recreateDatabase(String database) {
		if (checked(database).equals(this.hallDatabase)) {
			throw new IllegalArgumentException("Refusing to drop the hall's own database " + database);
		}
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + database + " with (force)");
			statement.execute("create database " + database + " encoding 'UTF8'");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not recreate database '" + database + "': " + ex.getMessage(), ex);
		}
	}

	private Connection connect() throws SQLException {
		return DriverManager.getConnection(jdbcUrl(this.hallDatabase), this.username, this.password);
	}

	private static String checked(String database) {
		if (!database.matches("[a-z_][a-z0-9_]*")) {
			throw new IllegalArgumentException("Database name must be a lower-case SQL identifier: " + database);
		}
		return database;
	}

}
