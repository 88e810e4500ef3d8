package cn.example.servicehall;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/** The capabilities reach each other only through their published types; no cycles. */
class ModularityTest {

	@Test
	void respectsModuleBoundaries() {
		ApplicationModules.of(ServiceHallApplication.class).verify();
	}

}
