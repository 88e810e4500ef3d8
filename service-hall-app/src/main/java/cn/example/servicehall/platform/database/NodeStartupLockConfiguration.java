package cn.example.servicehall.platform.database;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/** The {@link NodeStartupLock}, taken before Flyway migrates (and so before the engine, which runs after Flyway). */
@Configuration(proxyBeanMethods = false)
class NodeStartupLockConfiguration {

	static final String BEAN = "nodeStartupLock";

	@Bean(name = BEAN, destroyMethod = "close")
	NodeStartupLock nodeStartupLock(DataSource dataSource) throws SQLException {
		return new NodeStartupLock(dataSource);
	}

	@Component
	static class FlywayAfterStartupLock extends AbstractDependsOnBeanFactoryPostProcessor {

		FlywayAfterStartupLock() {
			super(FlywayMigrationInitializer.class, BEAN);
		}

	}

}
