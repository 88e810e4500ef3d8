package cn.example.servicehall;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The capabilities reach each other only through their published types (a module's top package and its named
 * interfaces) and only the modules each declares in its package-info ({@code allowedDependencies}); no cycles. A new
 * cycle or an undeclared use fails here.
 */
class ModularityTest {

	static final ApplicationModules modules = ApplicationModules.of(ServiceHallApplication.class);

	@Test
	void respectsModuleBoundaries() {
		modules.verify();
	}

	/** Every module is closed and lists what it may use: none is left open or unrestricted. */
	@Test
	void everyModuleDeclaresWhatItMayUse() {
		modules.forEach(module -> org.assertj.core.api.Assertions
			.assertThat(module.getBasePackage().toSingle().getAnnotation(org.springframework.modulith.ApplicationModule.class))
			.as("@ApplicationModule with allowedDependencies on %s", module.getBasePackage().getName())
			.hasValueSatisfying(annotation -> {
				org.assertj.core.api.Assertions.assertThat(annotation.type())
					.isEqualTo(org.springframework.modulith.ApplicationModule.Type.CLOSED);
				org.assertj.core.api.Assertions.assertThat(annotation.allowedDependencies())
					.doesNotContain(org.springframework.modulith.ApplicationModule.OPEN_TOKEN);
			}));
	}

	/**
	 * The module map in the docs (docs/modules: C4 diagrams in PlantUML, the whole hall and each module), its
	 * components and relations sorted, so that an unchanged hall writes unchanged files.
	 */
	@Test
	void writesTheModuleMap() throws java.io.IOException {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml();
		try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(DOCS)) {
			for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
				java.nio.file.Files.write(file, sortedRuns(java.nio.file.Files.readAllLines(file)));
			}
		}
	}

	private static final java.nio.file.Path DOCS = java.nio.file.Path.of("../docs/modules");

	/** The lines with each run of components ({@code Component(}) and of relations ({@code Rel(}) sorted. */
	private static java.util.List<String> sortedRuns(java.util.List<String> lines) {
		java.util.List<String> sorted = new java.util.ArrayList<>();
		java.util.List<String> run = new java.util.ArrayList<>();
		String kind = null;
		for (String line : lines) {
			String lineKind = line.strip().startsWith("Rel(") ? "Rel" : line.strip().startsWith("Component(") ? "Component" : null;
			if (!java.util.Objects.equals(lineKind, kind)) {
				run.sort(null);
				sorted.addAll(run);
				run.clear();
				kind = lineKind;
			}
			if (lineKind != null) {
				run.add(line);
			}
			else {
				sorted.add(line);
			}
		}
		run.sort(null);
		sorted.addAll(run);
		return sorted;
	}

}
