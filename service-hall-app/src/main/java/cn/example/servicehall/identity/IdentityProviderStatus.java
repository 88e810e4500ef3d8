package cn.example.servicehall.identity;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.example.servicehall.identity.keycloak.LocalKeycloak;

/**
 * Whether the sign-in service answers, asked before a visitor is sent there so that the hall can say plainly that
 * sign-in is unavailable instead of sending them to a dead address. The answer is kept for a few seconds.
 */
@Component
public class IdentityProviderStatus {

	/** What a visitor is told. */
	public enum Availability {

		AVAILABLE, STARTING, UNREACHABLE

	}

	private static final Duration KEEP = Duration.ofSeconds(3);

	private final IdentityProvider provider;

	private final ObjectProvider<LocalKeycloak> localKeycloak;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Clock clock = Clock.systemUTC();

	private volatile Availability last = Availability.UNREACHABLE;

	private volatile Instant checkedAt = Instant.MIN;

	IdentityProviderStatus(IdentityProvider provider, ObjectProvider<LocalKeycloak> localKeycloak) {
		this.provider = provider;
		this.localKeycloak = localKeycloak;
	}

	public Availability availability() {
		Instant now = this.clock.instant();
		if (this.checkedAt.plus(KEEP).isAfter(now)) {
			return this.last;
		}
		Availability current = probe();
		this.last = current;
		this.checkedAt = now;
		return current;
	}

	/** Forgets the kept answer, e.g. after a sign-in failed for want of the provider. */
	public void forget() {
		this.checkedAt = Instant.MIN;
	}

	private Availability probe() {
		try {
			HttpResponse<Void> response = this.http.send(
					HttpRequest.newBuilder(this.provider.discovery()).timeout(Duration.ofSeconds(3)).build(),
					HttpResponse.BodyHandlers.discarding());
			if (response.statusCode() == 200) {
				return Availability.AVAILABLE;
			}
		}
		catch (IOException ex) {
			// unreachable: fall through
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		Optional<LocalKeycloak> local = Optional.ofNullable(this.localKeycloak.getIfAvailable());
		return local.filter(k -> k.state() == LocalKeycloak.State.STARTING).isPresent() ? Availability.STARTING
				: Availability.UNREACHABLE;
	}

}
