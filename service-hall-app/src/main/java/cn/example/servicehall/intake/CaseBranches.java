package cn.example.servicehall.intake;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.identity.CurrentOfficers;

/**
 * The branch (网点) where a case comes in and a citizen's visit is made: the officer's own (their account's
 * {@code branch} claim), else the branch the request names (the header {@value #HEADER}, which a branch's counter
 * terminals or its proxy send), else the hall's default ({@code servicehall.intake.branch}, the same on every node).
 * Never the hall node that happens to serve the request: behind a load balancer any node serves any branch. A code that
 * is not one of {@code servicehall.intake.branches} is ignored, with a warning.
 */
@Component
class CaseBranches {

	/** The request header naming the branch, by its code. */
	static final String HEADER = "Servicehall-Branch";

	private static final Logger log = LoggerFactory.getLogger(CaseBranches.class);

	private final IntakeSettings settings;

	private final CurrentOfficers officers;

	CaseBranches(IntakeSettings settings, CurrentOfficers officers) {
		this.settings = settings;
		this.officers = officers;
	}

	/** The branch of what the current officer or request does now. */
	String current() {
		return known(this.officers.current().flatMap(CurrentOfficer::branch), "the officer's account")
			.or(() -> known(requested(), "the request's " + HEADER))
			.orElse(this.settings.branch());
	}

	private Optional<String> known(Optional<String> code, String source) {
		if (code.isPresent() && !this.settings.branches().containsKey(code.get())) {
			log.warn("Branch {} from {} is not one of servicehall.intake.branches {}; ignored", code.get(), source,
					this.settings.branches().keySet());
			return Optional.empty();
		}
		return code;
	}

	private static Optional<String> requested() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return Optional.ofNullable(request.getHeader(HEADER)).map(String::strip).filter(code -> !code.isEmpty());
		}
		return Optional.empty();
	}

}
