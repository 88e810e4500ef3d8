package cn.example.servicehall.identity;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's OpenAPI document ({@code /v3/api-docs}, shown by Swagger UI at {@code /swagger-ui.html}) says how to call
 * it: with a bearer token of the hall's identity provider, got by signing in there (authorization code with PKCE, the
 * public client {@code service-hall-api-docs} that Swagger UI's "Authorize" uses, set in {@code springdoc.swagger-ui.oauth})
 * or elsewhere (the command line's device grant, a system's client credentials). The signed-in officer comes from the
 * token, so {@link CurrentOfficer} parameters are not the client's to send and are left out of the document.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static final String SIGN_IN = "sign-in";

	static final String BEARER = "bearer";

	static {
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentOfficer.class);
	}

	@Bean
	OpenAPI serviceHallApi(IdentityProvider provider) {
		SecurityScheme signIn = new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
			.description("统一身份认证登录（授权码 + PKCE）。 Sign in at the hall's identity provider "
					+ "(authorization code with PKCE).")
			.flows(new OAuthFlows().authorizationCode(new OAuthFlow()
				.authorizationUrl(provider.endpoint("auth").toString())
				.tokenUrl(provider.endpoint("token").toString())
				.refreshUrl(provider.endpoint("token").toString())
				.scopes(new Scopes().addString("openid", "OpenID Connect"))));
		SecurityScheme bearer = new SecurityScheme().type(SecurityScheme.Type.HTTP)
			.scheme("bearer")
			.bearerFormat("JWT")
			.description("统一身份认证签发的访问令牌（如 tools/api-token 所得）。 An access token of the hall's identity "
					+ "provider, e.g. from tools/api-token.");
		return new OpenAPI()
			.info(new Info().title("住房公积金综合服务大厅 API · Service Hall API")
				.version("v1")
				.description("每个请求须携带访问令牌（Bearer）；各岗位可办理的业务见各接口说明。 Every request carries a bearer "
						+ "token; each post may call what its work needs."))
			.components(new Components().addSecuritySchemes(SIGN_IN, signIn).addSecuritySchemes(BEARER, bearer))
			.addSecurityItem(new SecurityRequirement().addList(SIGN_IN))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

}
