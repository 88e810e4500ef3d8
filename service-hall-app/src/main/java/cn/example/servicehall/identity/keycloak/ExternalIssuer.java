package cn.example.servicehall.identity.keycloak;

import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when {@code servicehall.oidc.issuer-uri} names an identity provider to use. */
public class ExternalIssuer extends NoExternalIssuer {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return !super.matches(context, metadata);
	}

}
