package cn.example.servicehall;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The engine's internals ({@code org.camunda.bpm.engine.impl}) are used only inside {@code workflow}: the other
 * modules see the engine's public API, so moving to another engine of the same lineage (Operaton, ADR 0001) touches
 * one module.
 */
class EngineInternalsTest {

	private static final JavaClasses HALL = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("cn.example.servicehall");

	@Test
	void onlyWorkflowUsesTheEnginesInternals() {
		noClasses().that()
			.resideOutsideOfPackage("cn.example.servicehall.workflow..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.camunda.bpm.engine.impl..")
			.because("the engine's internals stay inside workflow (ADR 0001: the exit to Operaton)")
			.check(HALL);
	}

}
