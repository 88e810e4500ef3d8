package cn.example.servicehall.calendar;

import static cn.example.servicehall.calendar.StatutoryHolidays.Y2026;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * Years are loaded once and kept for five minutes: an edit on another hall node shows here within that time, an
 * edit on this node at once.
 */
class WorkingCalendarCacheTest {

	private final AtomicLong now = new AtomicLong();

	private final List<Integer> loads = new ArrayList<>();

	private Optional<CalendarYear> in2026 = Optional.of(Y2026);

	private final YearCache cache = new YearCache(this::load, Duration.ofMinutes(5), this.now::get);

	@Test
	void loadsAYearOnceAndKeepsItForFiveMinutes() {
		assertThat(this.cache.year(2026)).contains(Y2026);
		later(Duration.ofMinutes(4).plusSeconds(59));
		assertThat(this.cache.year(2026)).contains(Y2026);
		assertThat(this.loads).containsExactly(2026);

		later(Duration.ofSeconds(1));
		assertThat(this.cache.year(2026)).contains(Y2026);
		assertThat(this.loads).containsExactly(2026, 2026);
	}

	@Test
	void keepsAMissingYearMissingUntilItIsReadAgain() {
		this.in2026 = Optional.empty();
		assertThat(this.cache.year(2026)).isEmpty();

		this.in2026 = Optional.of(Y2026); // entered on another node
		later(Duration.ofMinutes(1));
		assertThat(this.cache.year(2026)).isEmpty();
		later(Duration.ofMinutes(4));
		assertThat(this.cache.year(2026)).contains(Y2026);
		assertThat(this.loads).containsExactly(2026, 2026);
	}

	@Test
	void readsAYearAgainAtOnceAfterAnEditOnThisNode() {
		this.cache.year(2026);

		this.cache.evict(2026);
		this.cache.year(2026);

		assertThat(this.loads).containsExactly(2026, 2026);
	}

	@Test
	void doesNotKeepALoadThatAnEditOverlapped() {
		YearCache[] overlapped = new YearCache[1];
		boolean[] editing = { true };
		overlapped[0] = new YearCache(year -> {
			this.loads.add(year);
			if (editing[0]) {
				// the edit commits and evicts while this load still reads the old rows
				editing[0] = false;
				overlapped[0].evict(year);
			}
			return Optional.of(Y2026);
		}, Duration.ofMinutes(5), this.now::get);

		overlapped[0].year(2026);
		overlapped[0].year(2026);
		overlapped[0].year(2026);

		assertThat(this.loads).containsExactly(2026, 2026);
	}

	private Optional<CalendarYear> load(int year) {
		this.loads.add(year);
		return year == 2026 ? this.in2026 : Optional.empty();
	}

	private void later(Duration duration) {
		this.now.addAndGet(duration.toNanos());
	}

}
