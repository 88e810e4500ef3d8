package cn.example.servicehall.calendar;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

/**
 * Calendar years as loaded from the database, each kept for a while: a year (or the fact that it has no data) is
 * loaded once and reloaded when it is older than the refresh interval, so that an edit on another hall node sharing
 * the database shows here within that interval. An edit on this node evicts the year at once. A load that overlapped
 * an eviction is answered but not kept, so that it cannot bring back what the edit replaced.
 */
final class YearCache {

	private record Entry(Optional<CalendarYear> year, long loadedAt) {
	}

	private final IntFunction<Optional<CalendarYear>> loader;

	private final long refreshAfterNanos;

	private final LongSupplier nanoTime;

	private final Map<Integer, Entry> entries = new ConcurrentHashMap<>();

	private long evictions;

	/**
	 * @param loader reads a year from the database
	 * @param refreshAfter how long a loaded year is kept
	 * @param nanoTime a monotonic clock ({@code System::nanoTime})
	 */
	YearCache(IntFunction<Optional<CalendarYear>> loader, Duration refreshAfter, LongSupplier nanoTime) {
		this.loader = Objects.requireNonNull(loader, "loader");
		this.refreshAfterNanos = refreshAfter.toNanos();
		this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
	}

	Optional<CalendarYear> year(int year) {
		long now = this.nanoTime.getAsLong();
		Entry entry = this.entries.get(year);
		if (entry != null && now - entry.loadedAt() < this.refreshAfterNanos) {
			return entry.year();
		}
		long evictionsBefore;
		synchronized (this) {
			evictionsBefore = this.evictions;
		}
		Optional<CalendarYear> loaded = this.loader.apply(year);
		synchronized (this) {
			if (this.evictions == evictionsBefore) {
				this.entries.put(year, new Entry(loaded, now));
			}
		}
		return loaded;
	}

	/** Forgets a year, after it was changed on this node. */
	synchronized void evict(int year) {
		this.evictions++;
		this.entries.remove(year);
	}

}
