package cn.example.servicehall.identity.keycloak;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** True unless {@code servicehall.oidc.issuer-uri} names an identity provider to use. */
public class NoExternalIssuer implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return !StringUtils.hasText(context.getEnvironment().getProperty("servicehall.oidc.issuer-uri"));
	}

}
