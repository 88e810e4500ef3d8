package cn.example.servicehall.documents;

import cn.example.servicehall.documents.render.MissingGlyphException;
import cn.example.servicehall.documents.render.DocumentTemplate;
import cn.example.servicehall.platform.PermanentFailure;

/**
 * A document cannot be generated from its template and data: a value holds a character no document font has, or
 * the template cannot be filled. Rendering is deterministic, so trying again gives the same failure: a
 * {@link PermanentFailure}, whose message says which document and what is wrong.
 */
public class DocumentNotRenderable extends RuntimeException implements PermanentFailure {

	private static final long serialVersionUID = 1L;

	/** How much of a value the message quotes. */
	private static final int QUOTED = 40;

	DocumentNotRenderable(String message, Throwable cause) {
		super(message, cause);
	}

	/** A value holds a character no document font has. */
	static DocumentNotRenderable unprintable(DocumentTemplate document, MissingGlyphException ex) {
		PrintableText.Unprintable character = new PrintableText.Unprintable(ex.codePoint());
		return new DocumentNotRenderable("文书无法生成（" + document.title() + "）：“" + quoted(ex.value()) + "”中的字符“"
				+ character.character() + "”（" + character.label() + "）无法打印，文书字体没有这个字。"
				+ " The document cannot be generated: " + character.label() + " in " + ex.field()
				+ " is in no document font.", ex);
	}

	/** Any other failure of the renderer: the template and the data do not fit. */
	static DocumentNotRenderable failed(DocumentTemplate document, RuntimeException ex) {
		return new DocumentNotRenderable("文书无法生成（" + document.title() + "）：模板或数据有误。 The document cannot be"
				+ " generated from its template and data: " + ex, ex);
	}

	private static String quoted(String value) {
		return (value.codePointCount(0, value.length()) <= QUOTED) ? value
				: value.substring(0, value.offsetByCodePoints(0, QUOTED)) + "…";
	}

}
