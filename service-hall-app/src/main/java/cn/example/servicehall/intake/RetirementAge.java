package cn.example.servicehall.intake;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;

/**
 * The statutory retirement age (法定退休年龄) under the gradual reform in force since 2025-01-01 (渐进式延迟法定退休年龄,
 * domain.md §5.2). Retirement is delayed one month for every {@code step} months of birth after the kind's start, up
 * to a cap:
 * <pre>
 * n     = (birth year − start year)·12 + birth month      (1965-01 → 1 for men)
 * delay = 0 if n ≤ 0, else min(cap, ceil(n / step)) months
 * age   = base + delay ;  retirement month = birth month + age
 * </pre>
 * Early and deferred retirement by choice, and special-type jobs, are not covered.
 */
public final class RetirementAge {

	/** Which original statutory age a person had. */
	public enum Kind {

		/** Men (男职工): 60 → 63, one month for every 4 months of birth from 1965-01, at most 36 months. */
		M60(60, YearMonth.of(1965, 1), 4, 36),

		/** Women workers (女工人): 50 → 55, one month for every 2 months from 1975-01, at most 60 months. */
		F50(50, YearMonth.of(1975, 1), 2, 60),

		/** Women cadres (女干部): 55 → 58, one month for every 4 months from 1970-01, at most 36 months. */
		F55(55, YearMonth.of(1970, 1), 4, 36);

		private final int baseYears;

		private final YearMonth start;

		private final int step;

		private final int capMonths;

		Kind(int baseYears, YearMonth start, int step, int capMonths) {
			this.baseYears = baseYears;
			this.start = start;
			this.step = step;
			this.capMonths = capMonths;
		}

		/** The age before the reform: 60, 50 or 55. */
		public int originalAge() {
			return this.baseYears;
		}

		int delayMonths(YearMonth birth) {
			int n = (birth.getYear() - this.start.getYear()) * 12 + birth.getMonthValue();
			if (n <= 0) {
				return 0;
			}
			return Math.min(this.capMonths, (n + this.step - 1) / this.step);
		}

	}

	private RetirementAge() {
	}

	/** Men are {@link Kind#M60}; women are {@link Kind#F55} as cadres (女干部), {@link Kind#F50} as workers (女工人). */
	public static Kind kindOf(boolean male, boolean femaleCadre) {
		if (male) {
			return Kind.M60;
		}
		return femaleCadre ? Kind.F55 : Kind.F50;
	}

	/** The month in which the statutory retirement age is reached. */
	public static YearMonth retirementMonth(LocalDate birthDate, Kind kind) {
		return YearMonth.from(birthDate).plusMonths(ageInMonths(birthDate, kind));
	}

	/** The statutory retirement age in years and months, e.g. 60 years 1 month. */
	public static Period age(LocalDate birthDate, Kind kind) {
		int months = ageInMonths(birthDate, kind);
		return Period.of(months / 12, months % 12, 0);
	}

	/**
	 * Months from {@code day}'s month to the retirement month: 1 in the month before, 0 in the month itself (the age is
	 * reached within it: retirement, and what waits for it, starts that month), negative after.
	 */
	public static int monthsUntil(LocalDate birthDate, Kind kind, LocalDate day) {
		return (int) YearMonth.from(day).until(retirementMonth(birthDate, kind), java.time.temporal.ChronoUnit.MONTHS);
	}

	/** Whether the statutory retirement age is reached by {@code day}: from the first day of the retirement month. */
	public static boolean reachedBy(LocalDate birthDate, Kind kind, LocalDate day) {
		return monthsUntil(birthDate, kind, day) <= 0;
	}

	private static int ageInMonths(LocalDate birthDate, Kind kind) {
		if (birthDate == null || kind == null) {
			throw new IllegalArgumentException("birthDate and kind are required");
		}
		return kind.baseYears * 12 + kind.delayMonths(YearMonth.from(birthDate));
	}

}
