package cn.example.servicehall.agencies.fake;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import cn.example.servicehall.agencies.AgencyUnavailable;

/**
 * Switches the fake systems off and on, to show what an outage does: a retry, an incident, and the case carrying on
 * once the system is back. Also: a booking, payment or message that the system makes but whose answer is lost.
 */
@Component
public class FakeOutages {

	/** The fake systems. */
	public enum FakeSystem {

		FUND_ACCOUNTS, CREDIT_BUREAU, REGISTRY, BANK_CORE, SOCIAL_SECURITY, LOAN_SERVICING, SMS_GATEWAY, HOUSING_AUTHORITY, TAX_BUREAU

	}

	private final Set<FakeSystem> down = ConcurrentHashMap.newKeySet();

	private final Map<FakeSystem, Integer> lostAnswers = new ConcurrentHashMap<>();

	public void down(FakeSystem system) {
		this.down.add(system);
	}

	public void up(FakeSystem system) {
		this.down.remove(system);
	}

	/** Every system up, no answer to lose: as after a test that rehearsed an outage. */
	public void allUp() {
		this.down.clear();
		this.lostAnswers.clear();
	}

	public boolean isDown(FakeSystem system) {
		return this.down.contains(system);
	}

	public Set<FakeSystem> downNow() {
		return Set.copyOf(this.down);
	}

	/** The next {@code count} calls to the system do their work, then lose their answer (a timeout after the fact). */
	public void loseNextAnswers(FakeSystem system, int count) {
		this.lostAnswers.put(system, count);
	}

	void checkUp(FakeSystem system) {
		if (this.down.contains(system)) {
			throw new AgencyUnavailable(system.name(), "connection refused (simulated outage)");
		}
	}

	boolean answerLost(FakeSystem system) {
		boolean[] lost = { false };
		this.lostAnswers.computeIfPresent(system, (s, left) -> {
			lost[0] = left > 0;
			return left > 1 ? left - 1 : null;
		});
		return lost[0];
	}

}
