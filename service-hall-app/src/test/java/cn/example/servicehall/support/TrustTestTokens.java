package cn.example.servicehall.support;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Makes the hall under test trust {@link TestTokens}' key. */
public class TrustTestTokens implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("test-tokens", Map.of("spring.security.oauth2.resourceserver.jwt.public-key-location",
					"file:" + TestTokens.publicKeyFile())));
	}

}
