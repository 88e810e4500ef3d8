package cn.example.servicehall.sla.dashboard;

import java.time.LocalDate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import cn.example.servicehall.calendar.WorkingCalendar;

/**
 * Generates the history when the hall is started with {@code --servicehall.history.generate=<cases>} (optionally
 * {@code .from}, {@code .to} and {@code .seed}), then goes on serving. By default the cases run from the first day of
 * the first year in the working-day calendar to yesterday.
 */
@Component
@ConditionalOnProperty("servicehall.history.generate")
class HistoryGeneratorRunner implements ApplicationRunner {

	private final HistoryGenerator generator;

	private final WorkingCalendar calendar;

	private final int cases;

	private final String from;

	private final String to;

	private final long seed;

	HistoryGeneratorRunner(HistoryGenerator generator, WorkingCalendar calendar,
			@Value("${servicehall.history.generate}") int cases, @Value("${servicehall.history.from:}") String from,
			@Value("${servicehall.history.to:}") String to, @Value("${servicehall.history.seed:1}") long seed) {
		this.generator = generator;
		this.calendar = calendar;
		this.cases = cases;
		this.from = from;
		this.to = to;
		this.seed = seed;
	}

	@Override
	public void run(ApplicationArguments args) {
		LocalDate first = this.from.isBlank()
				? LocalDate.of(this.calendar.years().get(0).year(), 1, 1) : LocalDate.parse(this.from);
		LocalDate last = this.to.isBlank() ? this.calendar.today().minusDays(1) : LocalDate.parse(this.to);
		this.generator.generate(new HistoryGenerator.Plan(this.cases, first, last, this.seed, false));
	}

}
