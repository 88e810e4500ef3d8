package cn.example.servicehall.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.example.servicehall.intake.CaseSearch.Kind;

/** How a clerk's search is read: a case number, an ID number or its last digits, a name. */
class CaseSearchTest {

	@ParameterizedTest(name = "「{0}」 → {1} {2}")
	@CsvSource(delimiter = '|', value = {
			"DK2026112300001    | CASE_NO    | DK2026112300001",
			"dk20261123         | CASE_NO    | DK20261123",
			"DK                 | CASE_NO    | DK",
			"410802198506150313 | ID_NUMBER  | 410802198506150313",
			"41080219850615031x | ID_NUMBER  | 41080219850615031X",
			"0313               | ID_TAIL    | 0313",
			"15031x             | ID_TAIL    | 15031X",
			"４１０８０２１９８５０６１５０３１３ | ID_NUMBER | 410802198506150313",
			"0 3 1 3            | ID_TAIL    | 0313",
			"313                | TOO_SHORT  | 313",
			"X                  | TOO_SHORT  | X",
			"张伟               | NAME       | 张伟",
			"买买提  艾力       | NAME       | 买买提 艾力",
			"Zhang              | NAME       | Zhang" })
	void readsWhatWasTyped(String typed, Kind kind, String term) {
		CaseSearch search = CaseSearch.parse(typed).orElseThrow();
		assertThat(search.kind()).isEqualTo(kind);
		assertThat(search.term()).isEqualTo(term);
		assertThat(search.text()).isEqualTo(typed.strip());
	}

	@Test
	void findsTheTailOfAnIdNumberAsTheBeginningOfTheReversedNumber() {
		assertThat(CaseSearch.parse("15031X").orElseThrow().pattern()).isEqualTo("X13051%");
		assertThat(CaseSearch.parse("DK20261123").orElseThrow().pattern()).isEqualTo("DK20261123%");
	}

	@Test
	void takesWildcardsInANameLiterally() {
		assertThat(CaseSearch.parse("张_%\\").orElseThrow().pattern()).isEqualTo("张\\_\\%\\\\%");
	}

	@Test
	void takesNothingForABlankSearchAndDropsControlCharacters() {
		assertThat(CaseSearch.parse(null)).isEmpty();
		assertThat(CaseSearch.parse("  \t ")).isEmpty();
		assertThat(CaseSearch.parse("\u0000")).isEmpty();
		assertThat(CaseSearch.parse("张\u0000伟").orElseThrow().term()).isEqualTo("张伟");
	}

	@Test
	void refusesASearchLongerThanAnyNameOrNumber() {
		assertThat(CaseSearch.parse("张".repeat(CaseSearch.MAX_LENGTH))).isPresent();
		assertThatIllegalArgumentException().isThrownBy(() -> CaseSearch.parse("张".repeat(CaseSearch.MAX_LENGTH + 1)));
	}

}
