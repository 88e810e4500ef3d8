package cn.example.servicehall.workflow;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;

import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.stereotype.Component;

/**
 * The hall's Flyway migrations run before the engine touches the database. Otherwise the engine creates its
 * {@code ACT_*} tables first and Flyway refuses the non-empty schema (stack-notes §3).
 */
@Component
class CamundaAfterFlyway extends AbstractDependsOnBeanFactoryPostProcessor {

	CamundaAfterFlyway() {
		super(ProcessEngine.class, ProcessEngineFactoryBean.class, FlywayMigrationInitializer.class);
	}

}
