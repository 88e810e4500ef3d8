package cn.example.servicehall.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.EventListener;

/**
 * Records the hall's own events, whichever thread published them (request threads included, which Spring's
 * {@code ApplicationEvents} does not see).
 */
@TestComponent
public class EventRecorder {

	private final List<Object> events = new CopyOnWriteArrayList<>();

	@EventListener
	void on(Object event) {
		if (event.getClass().getName().startsWith("cn.example.servicehall.")) {
			this.events.add(event);
		}
	}

	public <T> Stream<T> stream(Class<T> type) {
		return this.events.stream().filter(type::isInstance).map(type::cast);
	}

}
