package cn.example.servicehall.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Models are named by their path below the classpath root, whatever jar or directory they come from. */
class ProcessModelDeploymentTest {

	@Test
	void namesEveryModelByItsPathBelowTheClasspathRoot() {
		assertThat(new ProcessModelDeployment().models()).containsKey("bpmn/loan/resale-loan.bpmn")
			.allSatisfy((name, resource) -> assertThat(name).matches("(bpmn/.+\\.bpmn|dmn/.+\\.dmn)"));
	}

}
