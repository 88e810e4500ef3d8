package cn.example.servicehall.workflow;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** Adds a parse listener that runs after the engine's own to the engine's configuration, keeping those already there. */
final class PostParseListeners {

	private PostParseListeners() {
	}

	static void add(ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
		List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null ? new ArrayList<>()
				: new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
		listeners.add(listener);
		configuration.setCustomPostBPMNParseListeners(listeners);
	}

}
