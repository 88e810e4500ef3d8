package cn.example.servicehall.identity;

import java.util.List;
import java.util.Optional;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Turns Spring Security's authentication into the hall's {@link CurrentOfficer}. */
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
		List<String> groups = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(Groups.ALL::contains)
			.toList();
		return Optional.of(new CurrentOfficer(authentication.getName(), authentication.getName(), groups,
				Optional.empty()));
	}

}
