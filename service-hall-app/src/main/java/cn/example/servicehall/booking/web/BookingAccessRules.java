package cn.example.servicehall.booking.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.stereotype.Component;

import cn.example.servicehall.identity.ApiAccessRules;
import cn.example.servicehall.identity.Groups;

/**
 * Bookings: made, moved and cancelled by the counters' staff, developer agents (their company's cases) and the online
 * hall (its own applications); read by managers and administrators too. The queue: the counters' staff; its board
 * also by managers.
 */
@Component
class BookingAccessRules implements ApiAccessRules {

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
			PathPatternRequestMatcher.Builder path) {
		List<String> bookers = new ArrayList<>(Groups.CASE_POSTS);
		bookers.addAll(List.of(Groups.DEVELOPER_AGENT, Groups.ONLINE_HALL));
		List<String> readers = new ArrayList<>(bookers);
		readers.addAll(List.of(Groups.HALL_MANAGER, Groups.SYSTEM_ADMIN));
		requests.requestMatchers(path.matcher(HttpMethod.GET, "/api/bookings/branches"),
				path.matcher(HttpMethod.GET, "/api/bookings/slots"), path.matcher(HttpMethod.GET, "/api/bookings"),
				path.matcher(HttpMethod.GET, "/api/bookings/{bookingId}"))
			.hasAnyAuthority(readers.toArray(String[]::new));
		requests.requestMatchers(path.matcher(HttpMethod.POST, "/api/bookings"),
				path.matcher(HttpMethod.POST, "/api/bookings/{bookingId}/reschedule"),
				path.matcher(HttpMethod.POST, "/api/bookings/{bookingId}/cancellation"))
			.hasAnyAuthority(bookers.toArray(String[]::new));
		requests.requestMatchers(path.matcher(HttpMethod.POST, "/api/queue/check-ins"),
				path.matcher(HttpMethod.POST, "/api/queue/walk-ins"), path.matcher(HttpMethod.POST, "/api/queue/{branch}/calls"))
			.hasAnyAuthority(Groups.CASE_POSTS.toArray(String[]::new));
		List<String> queueReaders = new ArrayList<>(Groups.CASE_POSTS);
		queueReaders.add(Groups.HALL_MANAGER);
		requests.requestMatchers(path.matcher(HttpMethod.GET, "/api/queue/{branch}"))
			.hasAnyAuthority(queueReaders.toArray(String[]::new));
	}

}
