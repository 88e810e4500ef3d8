package cn.example.servicehall.identity.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

import cn.example.servicehall.identity.IdentityProviderStatus;

/**
 * Where an anonymous visitor of a page goes: to the identity provider's sign-in page when it answers, otherwise to
 * a page of the hall's own that says plainly that sign-in is starting or unavailable (HTTP 503), never a browser
 * error on a dead address or a 500.
 */
@Component
public class SignInEntryPoint implements AuthenticationEntryPoint {

	public static final String UNAVAILABLE_PAGE = "/sign-in-unavailable";

	public static final String FAILED_PAGE = "/sign-in-failed";

	private final IdentityProviderStatus status;

	SignInEntryPoint(IdentityProviderStatus status) {
		this.status = status;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException, ServletException {
		if (this.status.availability() == IdentityProviderStatus.Availability.AVAILABLE) {
			response.sendRedirect(request.getContextPath() + "/oauth2/authorization/keycloak");
			return;
		}
		request.getRequestDispatcher(UNAVAILABLE_PAGE).forward(request, response);
	}

}
