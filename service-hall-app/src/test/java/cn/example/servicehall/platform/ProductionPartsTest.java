package cn.example.servicehall.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import cn.example.servicehall.ServiceHallApplication;

/**
 * The production profile refuses to start the hall with any development part, before anything starts (no database,
 * no Keycloak), naming each part and the setting that replaces it; without the profile nothing is refused.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionPartsTest {

	@Test
	void aProductionStartWithTheDefaultsNamesEveryDevelopmentPart(CapturedOutput output) {
		assertThatThrownBy(() -> start(Map.of())).isInstanceOf(StartRefused.class)
			.hasMessageContaining("the embedded PostgreSQL: set SPRING_DATASOURCE_URL")
			.hasMessageContaining("the local Keycloak with its demo realm and demo passwords: set SERVICEHALL_OIDC_ISSUER_URI")
			.hasMessageContaining("the generated development signing keys: set SERVICEHALL_DOCUMENTS_KEYS_MODE=keystore")
			.hasMessageContaining("the agencies' stand-ins")
			.hasMessageContaining("outage switch at /api/admin/fake-systems");
		assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START")
			.contains("start without the production profile")
			.doesNotContain("Starting embedded PostgreSQL", "Starting Keycloak");
	}

	@Test
	void theCentresOwnPartsLeaveOnlyWhatThisBuildCannotReplaceYet() {
		Map<String, Object> real = new LinkedHashMap<>();
		real.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://db.example.cn:5432/servicehall");
		real.put("SERVICEHALL_OIDC_ISSUER_URI", "https://sso.example.cn/realms/service-hall");
		real.put("SERVICEHALL_DOCUMENTS_KEYS_MODE", "keystore");

		assertThatThrownBy(() -> start(real)).isInstanceOf(StartRefused.class)
			.hasMessageContaining("the agencies' stand-ins")
			.hasMessageNotContaining("embedded PostgreSQL")
			.hasMessageNotContaining("local Keycloak")
			.hasMessageNotContaining("development signing keys");
	}

	@Test
	void withoutTheProfileNothingIsRefused() {
		new ProductionParts().postProcessEnvironment(new StandardEnvironment(), null);
	}

	@Test
	void noSettingPretendsThatRealAdaptersRun() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource("real", Map.of("SERVICEHALL_AGENCIES_ADAPTERS", "real")));

		assertThatThrownBy(() -> new ProductionParts().postProcessEnvironment(environment, null))
			.isInstanceOf(StartRefused.class)
			.hasMessageContaining("servicehall.agencies.adapters=real: this build has no such adapters");
	}

	private static void start(Map<String, Object> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("variables", variables));
		new SpringApplicationBuilder(ServiceHallApplication.class).environment(environment)
			.profiles("production")
			.run()
			.close();
	}

}
