package cn.example.servicehall.documents.render;

/**
 * A value holds a character no document font can print (a private-use character, a hanzi encoded after GB 18030-2022,
 * an emoji). openhtmltopdf would print it as "#" without a word, so the renderer refuses the document instead,
 * naming the character and the field. The window refuses such characters before they are saved
 * ({@code documents.PrintableText}); a value that still holds one needs correcting, or a font with the character
 * (document-templates/tools/subset-fonts.sh).
 */
public class MissingGlyphException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final int codePoint;

	private final String field;

	private final String value;

	MissingGlyphException(DocumentTemplate template, String field, String value, int codePoint) {
		super("No document font (\"" + HallFonts.FAMILY + "\", \"" + HallFonts.EXTENSION_FAMILY + "\") has a glyph for '"
				+ Character.toString(codePoint) + "' (U+" + String.format("%04X", codePoint) + ") in field " + field
				+ " = \"" + value + "\" of " + template + " (" + template.dataType().getSimpleName()
				+ "); the PDF would print it as '#'. Correct the value, or add a font that has the character"
				+ " (document-templates/tools/subset-fonts.sh).");
		this.codePoint = codePoint;
		this.field = field;
		this.value = value;
	}

	/** The character that cannot be printed. */
	public int codePoint() {
		return this.codePoint;
	}

	/** The field holding it, as a path into the record: {@code borrowers[1].name}. */
	public String field() {
		return this.field;
	}

	/** The field's whole value. */
	public String value() {
		return this.value;
	}

}
