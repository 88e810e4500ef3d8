package cn.example.servicehall.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every model in this jar must be, so that a modeller hears about it in seconds: executable with a reviewed
 * history retention, business ids ({@code Task_AcceptApplication}, never {@code Activity_1x2y}), beans named by
 * expression rather than Java classes.
 */
class ModelConventionsTest {

	private static final Path MODELS = Path.of("src", "main", "resources");

	private static final String ID_PATTERN = "(StartEvent|EndEvent|Task|Gateway|SequenceFlow|BoundaryEvent|"
			+ "IntermediateEvent|CallActivity|SubProcess|EventSubProcess|Event)_[A-Z][A-Za-z0-9]+";

	static Stream<Path> bpmnModels() throws IOException {
		return models(".bpmn");
	}

	static Stream<Path> dmnModels() throws IOException {
		return models(".dmn");
	}

	@ParameterizedTest
	@MethodSource("bpmnModels")
	void processesAreExecutableWithAReviewedHistoryRetention(Path file) throws IOException {
		BpmnModelInstance model = read(file);
		for (Process process : model.getModelElementsByType(Process.class)) {
			assertThat(process.isExecutable()).as(process.getId()).isTrue();
			assertThat(process.getId()).as("process key").matches("[A-Z][A-Za-z]+Process");
			assertThat(process.getCamundaHistoryTimeToLiveString()).as(process.getId() + " historyTimeToLive")
				.matches("P\\d+D");
		}
	}

	@ParameterizedTest
	@MethodSource("bpmnModels")
	void flowElementsHaveBusinessIdsAndNames(Path file) throws IOException {
		BpmnModelInstance model = read(file);
		for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
			assertThat(element.getId()).as(file + ": " + element.getElementType().getTypeName()).matches(ID_PATTERN);
			if (!(element instanceof org.camunda.bpm.model.bpmn.instance.SequenceFlow)) {
				assertThat(element.getName()).as(element.getId() + " has a name for the diagram").isNotBlank();
			}
		}
	}

	@ParameterizedTest
	@MethodSource("bpmnModels")
	void serviceTasksNameABeanNotAClass(Path file) throws IOException {
		for (ServiceTask task : read(file).getModelElementsByType(ServiceTask.class)) {
			assertThat(task.getCamundaClass()).as(task.getId()).isNull();
			assertThat(task.getCamundaExpression()).as(task.getId()).isNull();
			if (!"external".equals(task.getCamundaType())) {
				assertThat(task.getCamundaDelegateExpression()).as(task.getId()).matches("\\$\\{[a-z][A-Za-z]+}");
			}
		}
	}

	// a guard for the decision tables to come: with no DMN in the jar yet, it has nothing to check
	@ParameterizedTest(allowZeroInvocations = true)
	@MethodSource("dmnModels")
	void decisionsHaveAReviewedHistoryRetention(Path file) throws IOException {
		DmnModelInstance model;
		try (InputStream in = Files.newInputStream(file)) {
			model = Dmn.readModelFromStream(in);
		}
		for (Decision decision : model.getModelElementsByType(Decision.class)) {
			assertThat(decision.getId()).matches("[A-Z][A-Za-z]+");
			assertThat(decision.getCamundaHistoryTimeToLiveString()).as(decision.getId()).matches("P\\d+D");
		}
	}

	private static BpmnModelInstance read(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			BpmnModelInstance model = Bpmn.readModelFromStream(in);
			Bpmn.validateModel(model);
			return model;
		}
	}

	private static Stream<Path> models(String extension) throws IOException {
		try (Stream<Path> files = Files.walk(MODELS)) {
			List<Path> found = files.filter(f -> f.toString().endsWith(extension)).sorted().toList();
			if (extension.equals(".bpmn")) {
				assertThat(found).as("BPMN models in " + MODELS).isNotEmpty();
			}
			return found.stream();
		}
	}

}
