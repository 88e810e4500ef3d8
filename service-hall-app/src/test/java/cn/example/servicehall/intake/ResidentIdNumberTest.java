package cn.example.servicehall.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** GB 11643-1999 check character and birth date, with the vectors of domain.md §8.1. */
class ResidentIdNumberTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

	@ParameterizedTest(name = "{0} is valid")
	@CsvSource({ "11010519491231002X", "440524188001010014", "360426199101010071", "120103198806018241",
			"110101202311012176", "11010519491231002x" })
	void acceptsValidNumbers(String id) {
		assertThat(ResidentIdNumber.defectOf(id, TODAY)).isEmpty();
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource({ "360426199101010072, CHECK_CHARACTER", "110101202311012171, CHECK_CHARACTER",
			"110101199003074478, CHECK_CHARACTER", "510105197001010000, CHECK_CHARACTER",
			"110105194902300012, BIRTH_DATE", "11010519491231002, LENGTH", "11010519491231002XX, LENGTH",
			"1101051949123100AX, FORMAT", "11010519491231002Y, FORMAT", "１10105194912310021, FORMAT",
			"110101203001010013, FUTURE_BIRTH_DATE" })
	void namesWhatIsWrong(String id, ResidentIdNumber.Defect defect) {
		assertThat(ResidentIdNumber.defectOf(id, TODAY)).isEqualTo(Optional.of(defect));
	}

	@Test
	void computesTheExpectedCheckCharacters() {
		// domain.md §8.1: "360426199101010072 ❌ checksum (expected 1)", "110101199003074478 (expected 7)"
		assertThat(ResidentIdNumber.checkCharacter("36042619910101007")).isEqualTo('1');
		assertThat(ResidentIdNumber.checkCharacter("11010119900307447")).isEqualTo('7');
		assertThat(ResidentIdNumber.checkCharacter("51010519700101000")).isEqualTo('8');
	}

	@Test
	void readsBirthDateAndSexAndMasksForDisplay() {
		ResidentIdNumber id = new ResidentIdNumber("11010519491231002x");

		assertThat(id.value()).isEqualTo("11010519491231002X");
		assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
		assertThat(id.isMale()).isFalse();
		assertThat(new ResidentIdNumber("440524188001010014").isMale()).isTrue();
		assertThat(id.masked()).isEqualTo("110105********002X");
		assertThat(id).hasToString("110105********002X");
	}

	@Test
	void refusesToHoldAnInvalidNumber() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ResidentIdNumber("360426199101010072"))
			.withMessageContaining("CHECK_CHARACTER");
	}

}
