package cn.example.servicehall.documents;

import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.example.servicehall.documents.render.DocumentRenderer;

/**
 * What the hall's documents can print: the one check the window makes before it accepts a text that will go onto a
 * document (a name, an address, a certificate number), so that a character no document font has is refused where
 * the clerk can still correct it, not discovered by a background step. The same fonts decide as in the renderer
 * ({@link DocumentRenderer#canPrint}): every hanzi of GB 18030-2022 implementation level 3 and the whole two-byte
 * part of GB 18030 can be printed; private-use characters, hanzi encoded after the standard (extension G on),
 * emoji and control characters cannot. Tabs and line breaks count as spaces.
 */
@Component
public final class PrintableText {

	private final DocumentRenderer renderer;

	public PrintableText(DocumentRenderer renderer) {
		this.renderer = renderer;
	}

	/**
	 * A character no document font can print.
	 * @param codePoint the character's code point
	 */
	public record Unprintable(int codePoint) {

		/** The character itself. */
		public String character() {
			return Character.toString(this.codePoint);
		}

		/** Its code point as Unicode writes it: {@code U+E000}, {@code U+30000}. */
		public String label() {
			return String.format("U+%04X", this.codePoint);
		}

	}

	/** The first character of {@code text} that no document font can print; empty for {@code null}. */
	public Optional<Unprintable> firstUnprintable(String text) {
		int codePoint = (text == null) ? -1 : this.renderer.firstUnprintable(text);
		return (codePoint < 0) ? Optional.empty() : Optional.of(new Unprintable(codePoint));
	}

}
