package cn.example.servicehall.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.example.servicehall.intake.CaseFiles;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.intake.CasePart;

/**
 * A process a bundle's parent calls (a call activity, ADR 0009) becomes its part of the case as it starts: the parent
 * registered the part and passes its number in ({@value #PART_NO}); the child's instance is attached to that part
 * ({@code intake_case_part.process_instance_id}) in the transaction that starts it. Every model gets this from here,
 * so a service joins bundles without a listener of its own; a process started alone (no super execution) is left
 * alone.
 */
@Component
class CalledParts extends AbstractProcessEnginePlugin {

	/** The variable a bundle's call activity passes in: the number of the part the child runs. */
	static final String PART_NO = "bundlePartNo";

	private final ObjectProvider<CaseFiles> cases;

	CalledParts(ObjectProvider<CaseFiles> cases) {
		this.cases = cases;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		PostParseListeners.add(configuration, new AbstractBpmnParseListener() {
			@Override
			public void parseStartEvent(Element startEventElement, ScopeImpl scope, ActivityImpl startEventActivity) {
				if (scope instanceof org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity) {
					startEventActivity.addListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) CalledParts.this::started);
				}
			}
		});
	}

	private void started(DelegateExecution execution) {
		Object partNo = execution.getVariable(PART_NO);
		if (execution.getSuperExecution() == null || !(partNo instanceof Integer number)
				|| !CaseNo.isValid(execution.getProcessBusinessKey())) {
			return;
		}
		this.cases.getObject()
			.attachProcess(new CasePart.Ref(new CaseNo(execution.getProcessBusinessKey()), number),
					execution.getProcessInstanceId());
	}

}
