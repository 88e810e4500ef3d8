package cn.example.servicehall.identity.web;

import java.io.IOException;
import java.net.URI;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * The API's refusals as RFC 9457 problem details, with the {@code WWW-Authenticate} header RFC 6750 asks for: 401
 * without a valid token, 403 for a post that may not do this, 503 while the sign-in service cannot be reached to
 * check a token.
 */
@Component
public class ProblemResponses {

	private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();

	private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();

	private final ObjectMapper json;

	ProblemResponses(ObjectMapper json) {
		this.json = json;
	}

	public void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		if (ex instanceof AuthenticationServiceException) {
			unavailable(request, response);
			return;
		}
		this.bearerEntryPoint.commence(request, response, ex);
		write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated", "未登录或令牌无效",
				"请先登录；访问接口须携带有效的访问令牌（Bearer），令牌须由大厅的统一身份认证签发、未过期且受众为本系统。"
						+ " Sign in first: the API needs a valid, unexpired bearer token issued for this hall.");
	}

	public void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		this.bearerDenied.handle(request, response, ex);
		write(request, response, HttpStatus.FORBIDDEN, "forbidden", "无权办理",
				"您的岗位无权办理此项业务。如需办理，请联系大厅管理员调整岗位。"
						+ " Your post may not do this; ask the hall manager if it should.");
	}

	public void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setHeader("Retry-After", "10");
		write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "identity-provider-unavailable", "统一身份认证暂不可用",
				"统一身份认证服务暂时无法访问，无法核验令牌。请稍后重试。"
						+ " The sign-in service cannot be reached to check the token; try again shortly.");
	}

	private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
			String title, String detail) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("/problems/" + type));
		problem.setTitle(title);
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), problem);
	}

}
