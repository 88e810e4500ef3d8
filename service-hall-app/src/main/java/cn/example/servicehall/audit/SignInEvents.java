package cn.example.servicehall.audit;

import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;

/**
 * Sign-ins, sign-outs and refusals, from Spring Security's events: an interactive sign-in to the pages (an API token
 * checked on each request is no sign-in), a sign-in or token refused, and a signed-in user refused what their post may
 * not use (an anonymous request sent to sign in is no refusal).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SignInEvents {

	private final AuditTrail trail;

	SignInEvents(AuditTrail trail) {
		this.trail = trail;
	}

	/** Has Spring Security announce refused requests ({@link AuthorizationDeniedEvent}). */
	@Bean
	static AuthorizationEventPublisher authorizationEventPublisher(ApplicationContext context) {
		return new SpringAuthorizationEventPublisher(context);
	}

	@EventListener
	void signedIn(InteractiveAuthenticationSuccessEvent event) {
		this.trail.record(AuditEvent.of(AuditAction.SIGNED_IN, event.getAuthentication().getClass().getSimpleName())
			.actor(event.getAuthentication().getName())
			.from(address(event.getAuthentication()), "PAGE"));
	}

	@EventListener
	void signedOut(LogoutSuccessEvent event) {
		this.trail.record(AuditEvent.of(AuditAction.SIGNED_OUT, null)
			.actor(event.getAuthentication().getName())
			.from(address(event.getAuthentication()), "PAGE"));
	}

	@EventListener
	void refused(AbstractAuthenticationFailureEvent event) {
		Authentication attempt = event.getAuthentication();
		boolean token = attempt instanceof org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
		this.trail.record(AuditEvent.of(AuditAction.SIGN_IN_REFUSED,
				event.getException().getClass().getSimpleName() + ": " + event.getException().getMessage())
			.from(address(attempt), token ? "API" : "PAGE"));
	}

	/** The client's address Spring Security noted with the sign-in, if it did. */
	private static String address(Authentication authentication) {
		return authentication != null
				&& authentication.getDetails() instanceof org.springframework.security.web.authentication.WebAuthenticationDetails details
						? details.getRemoteAddress() : null;
	}

	@EventListener
	void denied(AuthorizationDeniedEvent<?> event) {
		Authentication who = event.getAuthentication().get();
		if (who == null || !who.isAuthenticated()
				|| who instanceof org.springframework.security.authentication.AnonymousAuthenticationToken) {
			return;
		}
		AuditEvent refused = AuditEvent.of(AuditAction.ACCESS_REFUSED, describe(event.getSource())).actor(who.getName());
		if (event.getSource() instanceof jakarta.servlet.http.HttpServletRequest request) {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			refused = refused.from(request.getRemoteAddr(), path.startsWith("/api/") ? "API" : "PAGE");
		}
		this.trail.record(refused);
	}

	private static String describe(Object source) {
		if (source instanceof jakarta.servlet.http.HttpServletRequest request) {
			return request.getMethod() + " " + request.getRequestURI();
		}
		return source == null ? null : source.getClass().getSimpleName();
	}

}
