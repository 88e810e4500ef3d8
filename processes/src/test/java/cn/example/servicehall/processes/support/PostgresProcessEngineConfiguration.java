package cn.example.servicehall.processes.support;

import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;

/**
 * The engine the model tests run on: the same history level as the hall, on a real PostgreSQL, with the job executor
 * off (tests execute jobs themselves) and a mock expression manager so that delegates can be faked with
 * {@code Mocks.register}, plus the coverage listeners. Referenced from {@code camunda.cfg.xml}.
 */
public class PostgresProcessEngineConfiguration extends StandaloneProcessEngineConfiguration {

	public PostgresProcessEngineConfiguration() {
		setProcessEngineName("model-test");
		setJdbcUrl(TestPostgres.jdbcUrl());
		setJdbcUsername("postgres");
		setJdbcPassword("");
		setJdbcDriver("org.postgresql.Driver");
		setDatabaseSchemaUpdate(DB_SCHEMA_UPDATE_TRUE);
		setHistory(HISTORY_FULL);
		setJobExecutorActivate(false);
		setExpressionManager(new MockExpressionManager());
		setEnforceHistoryTimeToLive(true);
	}

	@Override
	protected void init() {
		ProcessCoverageConfigurator.initializeProcessCoverageExtensions(this);
		super.init();
	}

}
