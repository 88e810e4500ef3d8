package cn.example.servicehall.documents.render;

import java.nio.file.Path;
import java.util.List;

import cn.example.servicehall.support.PdfTools;

/**
 * The real poppler tools ({@code pdftotext}, {@code pdffonts}) on a rendered PDF, as a reader gets it; see
 * {@link PdfTools}.
 */
final class Poppler {

	private Poppler() {
	}

	/** {@code pdftotext -layout -enc UTF-8}: the text laid out as on the page. */
	static String textLayout(Path pdf) {
		return PdfTools.textLayout(pdf);
	}

	/** {@code pdftotext -raw -enc UTF-8}: the text in the order it was written, one box after the other. */
	static String textRaw(Path pdf) {
		return PdfTools.textRaw(pdf);
	}

	/** {@code pdffonts}: one line per font, after the two header lines. */
	static List<String> fonts(Path pdf) {
		return PdfTools.fonts(pdf);
	}

	/** NFKC (ligatures, full-width forms) and no whitespace at all, so that wrapped lines join up. */
	static String normalise(String text) {
		return PdfTools.normalise(text);
	}

	static Path write(Path folder, String name, byte[] pdf) {
		return PdfTools.write(folder, name, pdf);
	}

}
