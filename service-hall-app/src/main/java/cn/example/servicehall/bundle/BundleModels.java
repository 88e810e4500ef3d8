package cn.example.servicehall.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The bundles' parent models as the hall deploys them (the processes jar's {@code bpmn/**}), read with the BPMN model
 * API, to check each bundle that may be applied for against its model when the hall starts: the model its
 * {@code process} names exists, and every call activity in it hands its child a part the bundle's file has
 * ({@code <camunda:in source="closingPartNo" target="bundlePartNo"/>} for the part {@code closing}). A file and a
 * model that disagree would otherwise start a part no row was made for, or none at all.
 */
final class BundleModels {

	/** The child's variable that carries its part's number. */
	static final String PART_VARIABLE = "bundlePartNo";

	private final Map<String, BpmnModelInstance> byProcess;

	private BundleModels(Map<String, BpmnModelInstance> byProcess) {
		this.byProcess = byProcess;
	}

	/** Every executable process of the models found at {@code pattern}, by its id. */
	static BundleModels read(String pattern) {
		Map<String, BpmnModelInstance> byProcess = new HashMap<>();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
				try (InputStream in = resource.getInputStream()) {
					BpmnModelInstance model = Bpmn.readModelFromStream(in);
					model.getModelElementsByType(Process.class).forEach(p -> byProcess.put(p.getId(), model));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Process models not readable at " + pattern, ex);
		}
		return new BundleModels(byProcess);
	}

	/**
	 * Refuses a bundle whose model is missing or calls a part its file does not have.
	 * @param content the file's text, to name the line of {@code process:}
	 */
	void check(Bundle bundle, String content) {
		Optional<String> key = bundle.process();
		if (!bundle.available() || key.isEmpty()) {
			return;
		}
		int line = lineOf(content, "process");
		BpmnModelInstance model = this.byProcess.get(key.get());
		if (model == null) {
			throw new BundleCatalogueException(bundle.file(), line, "process",
					"no process model \"" + key.get() + "\" is deployed (a BPMN file under processes/src/main/resources/bpmn/)");
		}
		Set<String> partVariables = bundle.parts()
			.stream()
			.map(part -> Bundles.camel(part.key()) + "PartNo")
			.collect(Collectors.toSet());
		// every call activity of the model, also one inside a sub-process (a bundle's file holds its one process);
		// a part done by the bundle's own steps (an agency's call) has none
		for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
			Optional<String> source = call.getExtensionElements() == null ? Optional.empty()
					: call.getExtensionElements()
						.getElementsQuery()
						.filterByType(CamundaIn.class)
						.list()
						.stream()
						.filter(in -> PART_VARIABLE.equals(in.getCamundaTarget()))
						.map(CamundaIn::getCamundaSource)
						.findFirst();
			if (source.isEmpty()) {
				throw new BundleCatalogueException(bundle.file(), line, "process", "the model's call activity "
						+ call.getId() + " hands its child no " + PART_VARIABLE + ", so its part would have no row");
			}
			if (!partVariables.contains(source.get())) {
				throw new BundleCatalogueException(bundle.file(), line, "process", "the model's call activity "
						+ call.getId() + " hands its child " + source.get() + ", which names no part of this bundle (its parts: "
						+ bundle.parts().stream().map(Bundle.Part::key).collect(Collectors.joining(", ")) + ")");
			}
		}
	}

	private static int lineOf(String content, String key) {
		String[] lines = content.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].startsWith(key + ":")) {
				return i + 1;
			}
		}
		return 1;
	}

}
