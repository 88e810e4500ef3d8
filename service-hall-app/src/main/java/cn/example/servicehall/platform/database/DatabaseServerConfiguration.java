package cn.example.servicehall.platform.database;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Publishes the {@link DatabaseServer} the hall's pool points at, embedded or external. */
@Configuration(proxyBeanMethods = false)
class DatabaseServerConfiguration {

	@Bean
	DatabaseServer databaseServer(HikariDataSource dataSource) {
		return new DatabaseServer(dataSource.getJdbcUrl(), dataSource.getUsername(), dataSource.getPassword());
	}

}
