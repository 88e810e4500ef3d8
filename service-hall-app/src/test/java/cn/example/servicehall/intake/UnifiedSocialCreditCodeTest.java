package cn.example.servicehall.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.example.servicehall.intake.UnifiedSocialCreditCode.Defect;

/** GB 32100-2015 check character and format, with the table of domain.md §8.2. */
class UnifiedSocialCreditCodeTest {

	@ParameterizedTest(name = "{0} is valid")
	@CsvSource({ "91350100M000100Y43", "91110000600037341L", "91110000101623741K", "911101066976941872",
			"91110108551385082Q", "91110108551385082q" })
	void acceptsValidCodes(String code) {
		assertThat(UnifiedSocialCreditCode.defectOf(code)).isEmpty();
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource({ "91110000600037342L, CHECK_CHARACTER", "91350100M000100Y42, CHECK_CHARACTER",
			"91350211M0000XUF46, CHECK_CHARACTER", "A1110000600037341L, FORMAT",
			// I, O, S, V and Z are not in the alphabet
			"91350100M00010IY43, FORMAT", "91350100M00010OY43, FORMAT", "91350100M00010SY43, FORMAT",
			"91350100M00010VY43, FORMAT", "91350100M00010ZY43, FORMAT", "9135010OM000100Y43, FORMAT",
			"Y1110000600037341L, FORMAT", "91110000-600037341L, LENGTH", "9111000060003734, LENGTH" })
	void namesWhatIsWrong(String code, Defect defect) {
		assertThat(UnifiedSocialCreditCode.defectOf(code)).isEqualTo(Optional.of(defect));
	}

	@Test
	void computesTheExpectedCheckCharacters() {
		// domain.md §8.2: "91110000600037342L (expected P)", "91350100M000100Y42 (expected 3)",
		// "91350211M0000XUF46 (expected R)"
		assertThat(UnifiedSocialCreditCode.checkCharacter("91110000600037342")).isEqualTo('P');
		assertThat(UnifiedSocialCreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
		assertThat(UnifiedSocialCreditCode.checkCharacter("91350211M0000XUF4")).isEqualTo('R');
	}

	@Test
	void aSumDivisibleBy31GivesCheckCharacterZero() {
		// the pitfall of §8.2: ALPHABET[31 − S mod 31] would be out of range when S mod 31 = 0; here S = 0
		assertThat(UnifiedSocialCreditCode.checkCharacter("00000000000000000")).isEqualTo('0');
		assertThat(UnifiedSocialCreditCode.defectOf("000000000000000000")).isEmpty();
	}

	@Test
	void holdsTheCodeInUpperCase() {
		assertThat(new UnifiedSocialCreditCode("91110108551385082q").value()).isEqualTo("91110108551385082Q");
		assertThat(Defect.CHECK_CHARACTER.messageKey()).isEqualTo("intake.credit-code.check-character");
	}

	@Test
	void refusesToHoldAnInvalidCode() {
		assertThatIllegalArgumentException().isThrownBy(() -> new UnifiedSocialCreditCode("91110000600037342L"))
			.withMessageContaining("CHECK_CHARACTER");
		assertThatIllegalArgumentException().isThrownBy(() -> new UnifiedSocialCreditCode(null))
			.withMessageContaining("LENGTH");
	}

}
