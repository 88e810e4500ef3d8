package cn.example.servicehall;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole hall on a real PostgreSQL (the embedded server, in a throw-away cluster) behind a real HTTP port, with
 * metrics exported as in production. The job executor is off: tests run jobs themselves.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("test")
public @interface ServiceHallIntegrationTest {

	/** The operator's password in tests (application-test.yml). */
	String ADMIN_PASSWORD = "test-admin-secret";

}
