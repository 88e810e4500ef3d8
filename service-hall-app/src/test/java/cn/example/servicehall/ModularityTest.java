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

	@Test
	void everyModuleDeclaresWhatItMayUse() {
		modules.forEach(module -> org.assertj.core.api.Assertions
			.assertThat(module.getBasePackage().toSingle().getAnnotation(org.springframework.modulith.ApplicationModule.class))
			.as("@ApplicationModule with allowedDependencies on %s", module.getBasePackage().getName())
			.hasValueSatisfying(annotation -> org.assertj.core.api.Assertions.assertThat(annotation.type())
				.isEqualTo(org.springframework.modulith.ApplicationModule.Type.CLOSED)));
	}

	/** The module map in the docs (docs/modules: C4 diagrams in PlantUML, the whole hall and each module). */
	@Test
	void writesTheModuleMap() {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("../docs/modules"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml();
	}

}
