package cn.example.servicehall.documents.render;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

	/**
	 * {@code pdftotext -bbox}: each word on a page (1-based) with its box, turned into PDF points from the page's
	 * lower-left corner, as {@link PageArea} measures.
	 */
	static List<Word> words(Path pdf, int page) {
		String xhtml = PdfTools.run("apt-get install -y poppler-utils", "pdftotext", "-bbox", "-enc", "UTF-8", "-f",
				Integer.toString(page), "-l", Integer.toString(page), pdf.toString(), "-").output();
		Matcher size = PAGE.matcher(xhtml);
		if (!size.find()) {
			throw new AssertionError("no page " + page + " in pdftotext -bbox: " + xhtml);
		}
		float height = Float.parseFloat(size.group(2));
		List<Word> words = new ArrayList<>();
		Matcher word = WORD.matcher(xhtml);
		while (word.find()) {
			float xMin = Float.parseFloat(word.group(1));
			float yMin = Float.parseFloat(word.group(2));
			float xMax = Float.parseFloat(word.group(3));
			float yMax = Float.parseFloat(word.group(4));
			words.add(new Word(org.unbescape.html.HtmlEscape.unescapeHtml(word.group(5)), xMin, height - yMax, xMax,
					height - yMin));
		}
		return words;
	}

	private static final Pattern PAGE = Pattern.compile("<page width=\"([\\d.]+)\" height=\"([\\d.]+)\">");

	private static final Pattern WORD = Pattern
		.compile("<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" yMax=\"([\\d.]+)\">([^<]*)</word>");

	/**
	 * A word and its box in PDF points from the page's lower-left corner.
	 * @param text the word
	 * @param left its left edge
	 * @param bottom its bottom edge
	 * @param right its right edge
	 * @param top its top edge
	 */
	record Word(String text, float left, float bottom, float right, float top) {

		boolean overlaps(PageArea area) {
			return this.left < area.x() + area.width() && this.right > area.x() && this.bottom < area.y() + area.height()
					&& this.top > area.y();
		}

	}

	static Path write(Path folder, String name, byte[] pdf) {
		return PdfTools.write(folder, name, pdf);
	}

}
