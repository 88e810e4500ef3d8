package cn.example.servicehall.workflow;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.JobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultFailedJobCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import cn.example.servicehall.platform.PermanentFailure;

/**
 * A background step (an asynchronous job) that fails with a {@link PermanentFailure} anywhere among the exception's
 * causes is not retried: retrying cannot help, and the model's retry cycle ({@code R5/PT5M}) would only keep the case
 * waiting for 25 minutes behind the word "temporary". Its retries drop to 0 at once, which raises the incident; the
 * job's (and the incident's) message is the permanent failure's, after {@link #NOT_RETRIED}, which is how
 * {@link BackgroundSteps} tells it from a step that failed every retry. Every other failure (a database or an agency
 * that does not answer) keeps Camunda's retry handling.
 */
@Component
class PermanentFailures extends AbstractProcessEnginePlugin {

	/** What the message of a job stopped by a permanent failure starts with. */
	static final String NOT_RETRIED = "不会自动重试：";

	private static final Logger log = LoggerFactory.getLogger(PermanentFailures.class);

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		FailedJobCommandFactory retries = (configuration.getFailedJobCommandFactory() != null)
				? configuration.getFailedJobCommandFactory() : new DefaultFailedJobCommandFactory();
		configuration.setFailedJobCommandFactory((jobId, exception) -> permanent(exception)
			.<Command<Object>>map((failure) -> new StopAtOnce(jobId, exception, failure.getMessage()))
			.orElseGet(() -> retries.getCommand(jobId, exception)));
	}

	/** The permanent failure among {@code exception} and its causes, if any. */
	static Optional<PermanentFailure> permanent(Throwable exception) {
		Map<Throwable, Boolean> seen = new IdentityHashMap<>();
		for (Throwable t = exception; t != null && seen.put(t, true) == null; t = t.getCause()) {
			if (t instanceof PermanentFailure failure) {
				return Optional.of(failure);
			}
		}
		return Optional.empty();
	}

	/** Records the failure on the job and sets its retries to 0, which raises the incident with that message. */
	static final class StopAtOnce extends JobRetryCmd {

		private final String message;

		StopAtOnce(String jobId, Throwable exception, String message) {
			super(jobId, exception);
			this.message = NOT_RETRIED + message;
		}

		@Override
		public Object execute(CommandContext commandContext) {
			JobEntity job = getJob();
			if (job == null) {
				return null;
			}
			log.warn("Job {} of {} ({}) failed permanently and is not retried: {}", job.getId(),
					job.getProcessInstanceId(), job.getActivityId(), this.message);
			job.unlock();
			job.setExceptionMessage(this.message);
			job.setExceptionStacktrace(getExceptionStacktrace());
			job.setRetries(0);
			return null;
		}

	}

}
