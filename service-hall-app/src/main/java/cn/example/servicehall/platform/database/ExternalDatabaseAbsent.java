package cn.example.servicehall.platform.database;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * True unless the standard {@code spring.datasource.url} (for example from {@code SPRING_DATASOURCE_URL}) names an
 * external PostgreSQL: then the hall starts no server of its own.
 */
class ExternalDatabaseAbsent implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
	}

}
