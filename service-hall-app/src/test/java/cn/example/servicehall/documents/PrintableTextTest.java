package cn.example.servicehall.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.example.servicehall.documents.render.DocumentRenderer;

/** The one check of what a document can print, as the window asks it. */
class PrintableTextTest {

	static PrintableText printable;

	@BeforeAll
	static void create() {
		printable = new PrintableText(new DocumentRenderer());
	}

	@Test
	void findsNothingInNamesOfEveryBlockOfTheStandard() {
		assertThat(printable.firstUnprintable("张燚")).isEmpty();
		assertThat(printable.firstUnprintable("刘䶮")).isEmpty();
		assertThat(printable.firstUnprintable("张𪚥")).isEmpty();
		assertThat(printable.firstUnprintable("欧阳 Smith-Jones·娜仁\t花\n")).isEmpty();
		assertThat(printable.firstUnprintable("")).isEmpty();
	}

	@Test
	void namesTheFirstCharacterNoFontHas() {
		assertThat(printable.firstUnprintable("王\uE000强\uE001")).hasValueSatisfying(unprintable -> {
			assertThat(unprintable.codePoint()).isEqualTo(0xE000);
			assertThat(unprintable.character()).isEqualTo("\uE000");
			assertThat(unprintable.label()).isEqualTo("U+E000");
		});
		assertThat(printable.firstUnprintable("刘" + new String(Character.toChars(0x30000))))
			.hasValueSatisfying(unprintable -> assertThat(unprintable.label()).isEqualTo("U+30000"));
		assertThat(printable.firstUnprintable("笑😀")).hasValueSatisfying(
				unprintable -> assertThat(unprintable.character()).isEqualTo("😀"));
		assertThat(printable.firstUnprintable("a\u0000b")).hasValueSatisfying(
				unprintable -> assertThat(unprintable.label()).isEqualTo("U+0000"));
	}

}
