package cn.example.servicehall.identity;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Turns Spring Security's authentication, from a page session (OIDC) or an API token (JWT), into the hall's
 * {@link CurrentOfficer}. The user id is the sign-in name; the groups are the hall groups among the token's.
 */
@Component
public class CurrentOfficers {

	public Optional<CurrentOfficer> current() {
		return from(SecurityContextHolder.getContext().getAuthentication());
	}

	public Optional<CurrentOfficer> from(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return Optional.empty();
		}
		Map<String, Object> claims = claims(authentication);
		List<String> groups = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(Groups.ALL::contains)
			.toList();
		String name = displayName(claims).orElse(authentication.getName());
		Optional<String> company = groups.contains(Groups.DEVELOPER_AGENT)
				? Optional.ofNullable(claims.get(Claims.DEVELOPER_COMPANY_ID)).map(Object::toString).filter(StringUtils::hasText)
				: Optional.empty();
		Optional<String> branch = Optional.ofNullable(claims.get(Claims.BRANCH))
			.map(Object::toString)
			.map(String::strip)
			.filter(StringUtils::hasText);
		return Optional.of(new CurrentOfficer(authentication.getName(), name, groups, company, branch));
	}

	/** 王晓明 for Chinese names (family name first, no space), Xiaoming Wang otherwise. */
	static Optional<String> displayName(Map<String, Object> claims) {
		Object family = claims.get("family_name");
		Object given = claims.get("given_name");
		if (family instanceof String f && given instanceof String g && StringUtils.hasText(f) && StringUtils.hasText(g)) {
			boolean chinese = (f + g).codePoints()
				.anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
			return Optional.of(chinese ? f + g : g + " " + f);
		}
		return Optional.ofNullable(claims.get(Claims.NAME)).map(Object::toString).filter(StringUtils::hasText);
	}

	private static Map<String, Object> claims(Authentication authentication) {
		if (authentication instanceof JwtAuthenticationToken jwt) {
			return jwt.getToken().getClaims();
		}
		if (authentication instanceof OAuth2AuthenticationToken oauth && oauth.getPrincipal() instanceof OidcUser user) {
			return user.getClaims();
		}
		return Map.of();
	}

}
