package cn.example.servicehall.agencies.fake;

import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.example.servicehall.identity.ApiAccessRules;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.agencies.fake.FakeOutages.FakeSystem;

/** Administrators switch the fake systems off and on, to rehearse an outage: incident, retry, recovery. */
@RestController
@RequestMapping("/api/admin/fake-systems")
@Validated
@Tag(name = "Fake systems", description = "Development only: outages of the stand-in agency systems")
class FakeSystemsController {

	private final FakeOutages outages;

	FakeSystemsController(FakeOutages outages) {
		this.outages = outages;
	}

	/** @param down the fake systems that are down now */
	record Outages(Set<FakeSystem> down) {
	}

	/** @param down true to take the system down, false to bring it back */
	record Switch(@NotNull(message = "{fake.outage.down.required}") Boolean down) {
	}

	@GetMapping
	@Operation(summary = "Which fake systems are down")
	Outages outages() {
		return new Outages(this.outages.downNow());
	}

	@PutMapping("/{system}/outage")
	@Operation(summary = "Take a fake system down, or bring it back")
	Outages outage(@PathVariable FakeSystem system, @Valid @RequestBody Switch body) {
		if (body.down()) {
			this.outages.down(system);
		}
		else {
			this.outages.up(system);
		}
		return new Outages(this.outages.downNow());
	}

	@Component
	static class Rules implements ApiAccessRules {

		@Override
		public void configure(
				AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
				PathPatternRequestMatcher.Builder path) {
			requests.requestMatchers(path.matcher(HttpMethod.GET, "/api/admin/fake-systems"),
					path.matcher(HttpMethod.PUT, "/api/admin/fake-systems/{system}/outage"))
				.hasAuthority(Groups.SYSTEM_ADMIN);
		}

	}

}
