package cn.example.servicehall.workflow;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Gives this hall node's engine a name ({@code servicehall.node-name}, {@code SERVICEHALL_NODE_NAME}; by default the
 * machine's name and the HTTP port, {@code hall1:8080}): the job executor locks jobs under it
 * ({@code act_ru_job.lock_owner_}, instead of a random id new at every start) and the job log records it
 * ({@code act_hi_job_log.hostname_}), so an operator sees which node holds or ran which job.
 */
@Component
class NodeName extends AbstractProcessEnginePlugin {

	private final String name;

	NodeName(@Value("${servicehall.node-name:}") String configured, @Value("${server.port:8080}") int port) {
		this.name = StringUtils.hasText(configured) ? configured.strip() : hostName() + ":" + port;
	}

	String name() {
		return this.name;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setHostname(this.name);
	}

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getJobExecutor() != null) {
			configuration.getJobExecutor().setLockOwner(this.name);
		}
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "localhost";
		}
	}

}
