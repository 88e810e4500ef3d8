package cn.example.servicehall.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalNumbersTest {

	@Test
	void residentIdAndCardNumbersKeepTheirFirstSixAndLastFourCharacters() {
		assertThat(PersonalNumbers.mask("申请人 410802196602100536 的卡 6212345678901234569。"))
			.isEqualTo("申请人 410802********0536 的卡 621234*********4569。");
		assertThat(PersonalNumbers.mask("id=11010519491231002X,")).isEqualTo("id=110105********002X,");
	}

	@Test
	void caseNumbersAmountsAndShortNumbersStayAsTheyAre() {
		String text = "Case YS2026120700001 (YS2026120700001-2) paid 77410.60 to account 62123456789, filing CL2026-000001";
		assertThat(PersonalNumbers.mask(text)).isEqualTo(text);
	}

}
