package cn.example.servicehall.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemsTest {

	@Test
	void repeatsWhatTheClientSentAsItWasWhenItCanBeShown() {
		assertThat(Problems.shown("DK2026120700001")).isEqualTo("DK2026120700001");
		assertThat(Problems.shown("豫(2018)焦作市不动产权第0012345号 𪚥")).isEqualTo("豫(2018)焦作市不动产权第0012345号 𪚥");
	}

	@Test
	void showsNeitherControlNorFormattingCharactersNorHalvesOfACharacter() {
		assertThat(Problems.shown("a\tb\nc\u0000d\u001be\u202ef\ud800g\u2028")).isEqualTo("a�b�c�d�e�f�g�");
	}

	@Test
	void repeatsTheFirstSixtyCharactersOfALongValue() {
		assertThat(Problems.shown("x".repeat(5000))).isEqualTo("x".repeat(60) + "…");
		assertThat(Problems.shown("长".repeat(60))).isEqualTo("长".repeat(60));
		assertThat(Problems.shown(null)).isEqualTo("null");
	}

}
