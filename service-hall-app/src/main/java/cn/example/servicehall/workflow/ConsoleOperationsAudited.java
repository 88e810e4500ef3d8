package cn.example.servicehall.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricProcessInstanceEntity;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import cn.example.servicehall.audit.AuditAction;
import cn.example.servicehall.audit.AuditEvent;
import cn.example.servicehall.audit.AuditTrail;
import cn.example.servicehall.intake.CaseNo;

/**
 * What an administrator does to cases in the engine's console (Cockpit, Tasklist, Admin) or through the engine's REST
 * API (retrying a stopped step, changing a variable, moving, suspending or cancelling a process, deleting) goes into
 * the audit trail as {@link AuditAction#ENGINE_OPERATION}, in the transaction of the operation itself: each line the
 * engine writes to its own user operation log is handed to the trail as well, with the case it touched (the process's
 * business key), the property changed and its old and new value. The hall's own pages and API record their steps in
 * the case history (and so in the trail) themselves, so only operations requested through the console's and the
 * engine REST API's paths are taken; the engine's log itself stays editable, the trail is not.
 */
@Component
class ConsoleOperationsAudited extends AbstractProcessEnginePlugin {

	/** The paths of the engine's console and REST API, whose operations the hall does not record otherwise. */
	private static final List<String> CONSOLE_PATHS = List.of("/camunda/", "/engine-rest/");

	private final ObjectProvider<AuditTrail> trail;

	ConsoleOperationsAudited(ObjectProvider<AuditTrail> trail) {
		this.trail = trail;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<HistoryEventHandler> handlers = new ArrayList<>();
		if (configuration.getCustomHistoryEventHandlers() != null) {
			handlers.addAll(configuration.getCustomHistoryEventHandlers());
		}
		handlers.add(new OperationsToTheTrail());
		configuration.setCustomHistoryEventHandlers(handlers);
	}

	private final class OperationsToTheTrail implements HistoryEventHandler {

		@Override
		public void handleEvent(HistoryEvent event) {
			if (!(event instanceof UserOperationLogEntryEventEntity entry)) {
				return;
			}
			Optional<String> path = consolePath();
			if (path.isEmpty()) {
				return;
			}
			AuditEvent audited = AuditEvent.onCase(AuditAction.ENGINE_OPERATION,
					caseOf(entry.getRootProcessInstanceId(), entry.getProcessInstanceId()).orElse(null),
					subject(entry, path.get()));
			ConsoleOperationsAudited.this.trail.getObject()
				.record(entry.getUserId() == null ? audited : audited.actor(entry.getUserId()));
		}

		@Override
		public void handleEvents(List<HistoryEvent> events) {
			events.forEach(this::handleEvent);
		}

	}

	private static Optional<String> consolePath() {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return Optional.empty();
		}
		HttpServletRequest request = attributes.getRequest();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return CONSOLE_PATHS.stream().anyMatch(path::startsWith) ? Optional.of(request.getMethod() + " " + path)
				: Optional.empty();
	}

	/** E.g. {@code SetJobRetries Job retries: 0 → 1 (PUT /engine-rest/job/…/retries)}. */
	private static String subject(UserOperationLogEntryEventEntity entry, String path) {
		StringBuilder subject = new StringBuilder(entry.getOperationType()).append(' ').append(entry.getEntityType());
		if (entry.getProperty() != null) {
			subject.append(' ').append(entry.getProperty()).append(": ").append(entry.getOrgValue()).append(" → ")
				.append(entry.getNewValue());
		}
		return subject.append(" (").append(path).append(')').toString();
	}

	/** The case of the process the operation touched: its (root) process instance's business key. */
	private static Optional<String> caseOf(String... processInstanceIds) {
		CommandContext context = Context.getCommandContext();
		if (context == null) {
			return Optional.empty();
		}
		for (String id : processInstanceIds) {
			if (id == null) {
				continue;
			}
			HistoricProcessInstanceEntity process = context.getHistoricProcessInstanceManager()
				.findHistoricProcessInstance(id);
			if (process != null && process.getBusinessKey() != null && CaseNo.isValid(process.getBusinessKey())) {
				return Optional.of(process.getBusinessKey());
			}
		}
		return Optional.empty();
	}

}
