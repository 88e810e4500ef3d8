package cn.example.servicehall.documents.render;

/**
 * A value holds a character the document font cannot print. openhtmltopdf would print it as "#" without a word, so
 * the renderer refuses the document instead, naming the character and the field: a rare character in a name (生僻字)
 * needs either a font with that character (document-templates/tools/subset-fonts.sh) or a decision about how to
 * write the name.
 */
public class MissingGlyphException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final int codePoint;

	private final String field;

	MissingGlyphException(TemplateId template, String field, String value, int codePoint) {
		super("The document font \"" + HallFonts.FAMILY + "\" has no glyph for '" + Character.toString(codePoint)
				+ "' (U+" + String.format("%04X", codePoint) + ") in field " + field + " = \"" + value + "\" of "
				+ template + " (" + template.dataType().getSimpleName()
				+ "); the PDF would print it as '#'. Add the character to the font subset"
				+ " (document-templates/tools/subset-fonts.sh) or correct the value.");
		this.codePoint = codePoint;
		this.field = field;
	}

	/** The character that cannot be printed. */
	public int codePoint() {
		return this.codePoint;
	}

	/** The field holding it, as a path into the record: {@code borrowers[1].name}. */
	public String field() {
		return this.field;
	}

}
