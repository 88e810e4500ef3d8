package cn.example.servicehall.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.example.servicehall.intake.RetirementAge.Kind;

/** The 2025 retirement-age reform with the examples of domain.md §5.2 and §1.6. */
class RetirementAgeTest {

	@ParameterizedTest(name = "M60 born {0}: {1}y{2}m, retiring {3}")
	@CsvSource({ "1964-12-15, 60, 0, 2024-12", "1965-01-01, 60, 1, 2025-02", "1965-05-31, 60, 2, 2025-07" })
	void menTableOfSection52(LocalDate birth, int years, int months, YearMonth retirement) {
		assertThat(RetirementAge.age(birth, Kind.M60)).isEqualTo(Period.of(years, months, 0));
		assertThat(RetirementAge.retirementMonth(birth, Kind.M60)).isEqualTo(retirement);
	}

	@ParameterizedTest(name = "man due {0} at 60 now retires {1}")
	@CsvSource({
			// published: originally Jan–Apr 2025 → Feb–May 2025 (+1 month)
			"1965-01, 2025-02", "1965-02, 2025-03", "1965-03, 2025-04", "1965-04, 2025-05",
			// published: originally May–Aug 2025 → Jul–Oct 2025 (+2 months)
			"1965-05, 2025-07", "1965-06, 2025-08", "1965-07, 2025-09", "1965-08, 2025-10" })
	void menOriginallyRetiringIn2025(YearMonth birth, YearMonth retirement) {
		assertThat(RetirementAge.retirementMonth(birth.atDay(1), Kind.M60)).isEqualTo(retirement);
	}

	@ParameterizedTest(name = "woman worker due {0} at 50 now retires {1}")
	@CsvSource({
			// published: originally Jan/Feb 2025 → Feb/Mar 2025
			"1975-01, 2025-02", "1975-02, 2025-03",
			// published: originally Mar/Apr 2025 → May/Jun 2025
			"1975-03, 2025-05", "1975-04, 2025-06" })
	void womenWorkersOriginallyRetiringIn2025(YearMonth birth, YearMonth retirement) {
		assertThat(RetirementAge.retirementMonth(birth.atEndOfMonth(), Kind.F50)).isEqualTo(retirement);
	}

	@Test
	void nobodyBornBeforeTheStartIsDelayed() {
		assertThat(RetirementAge.age(LocalDate.of(1964, 12, 31), Kind.M60)).isEqualTo(Period.ofYears(60));
		assertThat(RetirementAge.age(LocalDate.of(1974, 12, 31), Kind.F50)).isEqualTo(Period.ofYears(50));
		assertThat(RetirementAge.age(LocalDate.of(1969, 12, 31), Kind.F55)).isEqualTo(Period.ofYears(55));
		assertThat(RetirementAge.retirementMonth(LocalDate.of(1950, 3, 8), Kind.M60)).isEqualTo(YearMonth.of(2010, 3));
	}

	@Test
	void theDelayStopsAtTheNewAges() {
		// §5.2: men 60 → 63, women 50 → 55, women 55 → 58
		assertThat(RetirementAge.age(LocalDate.of(1990, 1, 1), Kind.M60)).isEqualTo(Period.ofYears(63));
		assertThat(RetirementAge.age(LocalDate.of(1990, 1, 1), Kind.F50)).isEqualTo(Period.ofYears(55));
		assertThat(RetirementAge.age(LocalDate.of(1990, 1, 1), Kind.F55)).isEqualTo(Period.ofYears(58));
		assertThat(RetirementAge.age(LocalDate.of(1976, 12, 1), Kind.M60)).isEqualTo(Period.ofYears(63));
		assertThat(RetirementAge.age(LocalDate.of(1976, 8, 1), Kind.M60)).isEqualTo(Period.of(62, 11, 0));
		assertThat(RetirementAge.age(LocalDate.of(1970, 1, 1), Kind.F55)).isEqualTo(Period.of(55, 1, 0));
	}

	@Test
	void maxLoanTermOfSection16() {
		// a man born 1985-06 applying in 2025-06 at 40: new age 63, so min(30, 63 + 5 − 40) = 28 years
		LocalDate birth = LocalDate.of(1985, 6, 10);
		Period age = RetirementAge.age(birth, RetirementAge.kindOf(true, false));

		assertThat(age).isEqualTo(Period.ofYears(63));
		assertThat(RetirementAge.retirementMonth(birth, Kind.M60)).isEqualTo(YearMonth.of(2048, 6));
		assertThat(Math.min(30, age.getYears() + 5 - 40)).isEqualTo(28);
	}

	@Test
	void kindFollowsSexAndPost() {
		assertThat(RetirementAge.kindOf(true, false)).isEqualTo(Kind.M60);
		assertThat(RetirementAge.kindOf(true, true)).isEqualTo(Kind.M60);
		assertThat(RetirementAge.kindOf(false, false)).isEqualTo(Kind.F50);
		assertThat(RetirementAge.kindOf(false, true)).isEqualTo(Kind.F55);
		assertThat(Kind.F55.originalAge()).isEqualTo(55);
	}

	@ParameterizedTest(name = "{1} born {0}, on {2}: {3} months to go")
	@CsvSource({
			// a man born 1965-05 retires in 2025-07 (60y2m): the last day of the month before, the first of the month
			"1965-05-31, M60, 2025-06-30, 1", "1965-05-31, M60, 2025-07-01, 0", "1965-05-31, M60, 2025-07-31, 0",
			"1965-05-31, M60, 2025-08-01, -1",
			// a woman worker born 1975-03 retires in 2025-05 (50y2m), not in 2025-03 as before the reform
			"1975-03-15, F50, 2025-03-15, 2", "1975-03-15, F50, 2025-04-30, 1", "1975-03-15, F50, 2025-05-01, 0",
			// born before the reform's start: the old age, in the birth month 60 years on
			"1964-12-20, M60, 2024-11-30, 1", "1964-12-20, M60, 2024-12-01, 0" })
	void monthsUntilTheRetirementMonth(LocalDate birth, Kind kind, LocalDate day, int months) {
		assertThat(RetirementAge.monthsUntil(birth, kind, day)).isEqualTo(months);
		assertThat(RetirementAge.reachedBy(birth, kind, day)).isEqualTo(months <= 0);
	}

}
