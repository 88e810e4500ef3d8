package cn.example.servicehall;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import cn.example.servicehall.support.EngineClock;
import cn.example.servicehall.support.EventRecorder;
import cn.example.servicehall.support.TrustTestTokens;

/**
 * The whole hall on a real PostgreSQL (the embedded server, in a throw-away cluster) behind a real HTTP port, with
 * metrics exported as in production. The job executor is off: tests run jobs themselves. Sign-in is the hall's real
 * security configuration with an issuer that is not running, so API calls carry {@link
 * cn.example.servicehall.support.TestTokens} and pages meet the "sign-in unavailable" answer. The hall's clock follows
 * the engine's, so a test can move time for both ({@link cn.example.servicehall.support.EngineClock}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("test")
@ContextConfiguration(initializers = TrustTestTokens.class)
@Import({ EventRecorder.class, EngineClock.class })
public @interface ServiceHallIntegrationTest {

}
