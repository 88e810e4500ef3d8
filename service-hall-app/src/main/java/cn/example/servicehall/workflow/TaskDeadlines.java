package cn.example.servicehall.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * When each step of a case is due. This is the one place every user task gets its due date from (see
 * {@link TaskDueDateAssignment}); for now in calendar time per step, to be replaced by the working-day SLA clock.
 */
@Component
public class TaskDeadlines {

	private final Settings settings;

	TaskDeadlines(Settings settings) {
		this.settings = settings;
	}

	/**
	 * How long each step may take.
	 * @param dueAfter per task definition key (e.g. {@code Task_AcceptApplication}), and {@code default}
	 */
	@ConfigurationProperties("servicehall.workflow")
	record Settings(@DefaultValue Map<String, Duration> dueAfter) {
	}

	/** The due date of a step that opened at {@code created}. */
	public Instant dueFor(String processDefinitionKey, String taskDefinitionKey, Instant created) {
		Duration allowed = this.settings.dueAfter()
			.getOrDefault(taskDefinitionKey, this.settings.dueAfter().getOrDefault("default", Duration.ofDays(1)));
		return created.plus(allowed);
	}

}
