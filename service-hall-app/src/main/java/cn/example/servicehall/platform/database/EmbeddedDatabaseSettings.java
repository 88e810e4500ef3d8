package cn.example.servicehall.platform.database;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the hall's own PostgreSQL server, used when no {@code spring.datasource.url} names an external one.
 *
 * @param dataDir where the cluster lives; kept across restarts
 * @param port TCP port on localhost; 0 picks a free one
 * @param database the database the hall uses inside the cluster; created on first start
 * @param ephemeral a throw-away cluster (tests): wiped on start and stop, fsync off
 * @param startupWait how long to wait for the server to accept connections
 */
@ConfigurationProperties("servicehall.database.embedded")
public record EmbeddedDatabaseSettings(@DefaultValue("./data/pgdata") Path dataDir, @DefaultValue("15432") int port,
		@DefaultValue("servicehall") String database, @DefaultValue("false") boolean ephemeral,
		@DefaultValue("60s") Duration startupWait) {
}
