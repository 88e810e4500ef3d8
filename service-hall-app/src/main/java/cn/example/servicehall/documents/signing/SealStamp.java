package cn.example.servicehall.documents.signing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.blend.BlendMode;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;

import cn.example.servicehall.documents.signing.StampPlacement.Area;

/**
 * Draws an agency's seal (公章 style) into a square of a page: a red double circle, a five-pointed star in the centre,
 * the agency's name along the upper arc and the purpose (业务专用章) on a line below the star, in semi-transparent red
 * ink multiplied onto the page, so printed text under it stays legible. The name carries its own
 * {@code /ActualText}, so text extraction and copying read it as one word.
 * <p>
 * The font must be a TrueType font with glyf outlines holding every character of the agencies' names; it is embedded
 * as a subset. Thread-safe: every call parses its own copy of the font (FontBox's {@link TrueTypeFont} is not
 * thread-safe), which costs a few milliseconds.
 */
public final class SealStamp {

	/** The ink: RGB 0.8, 0.1, 0.1. */
	static final float[] RED = { 0.8f, 0.1f, 0.1f };

	/** Upper arc: at most this many degrees. */
	private static final double MAX_ARC = 250;

	/** Upper arc: spread over this many degrees when the name is short. */
	private static final double PREFERRED_ARC = 220;

	private final byte[] font;

	private final float opacity;

	/** A seal in red ink of opacity 0.85. */
	public SealStamp(byte[] trueTypeFont) {
		this(trueTypeFont, 0.85f);
	}

	/**
	 * @param trueTypeFont the font file's bytes: TrueType with glyf outlines (not CFF, not a collection)
	 * @param opacity of the ink, 0..1
	 */
	public SealStamp(byte[] trueTypeFont, float opacity) {
		if (trueTypeFont == null || trueTypeFont.length < 12) {
			throw new IllegalArgumentException("The seal needs a TrueType font; got none");
		}
		if (trueTypeFont[0] == 't' && trueTypeFont[1] == 't' && trueTypeFont[2] == 'c' && trueTypeFont[3] == 'f') {
			throw new IllegalArgumentException("The seal's font is a TrueType collection (.ttc); pass one font (.ttf)");
		}
		try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(trueTypeFont))) {
			if (ttf.getGlyph() == null) {
				throw new IllegalArgumentException(
						"The seal's font has no glyf table (CFF outlines cannot be embedded); use a glyf TrueType font");
			}
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("The seal's font cannot be read as TrueType", ex);
		}
		if (!(opacity > 0 && opacity <= 1)) {
			throw new IllegalArgumentException("opacity must be in (0, 1]");
		}
		this.font = trueTypeFont.clone();
		this.opacity = opacity;
	}

	/**
	 * Draws the seal of {@code agency} centred in {@code area} (its diameter the smaller side), appending to the
	 * page's content.
	 */
	public void stamp(PDDocument document, PDPage page, Area area, AgencyProfile agency) throws IOException {
		PDType0Font type0 = PDType0Font.load(document, new RandomAccessReadBuffer(this.font), true, false);
		requireGlyphs(type0, agency.name());
		requireGlyphs(type0, agency.sealText());

		float diameter = Math.min(area.width(), area.height());
		float cx = area.centerX();
		float cy = area.centerY();
		float outerWidth = 0.032f * diameter;
		float outerRadius = diameter / 2 - outerWidth / 2;
		float innerWidth = 0.008f * diameter;
		float innerRadius = diameter / 2 - outerWidth - 0.022f * diameter - innerWidth / 2;

		PDExtendedGraphicsState ink = new PDExtendedGraphicsState();
		ink.setNonStrokingAlphaConstant(this.opacity);
		ink.setStrokingAlphaConstant(this.opacity);
		ink.setBlendMode(BlendMode.MULTIPLY);

		try (PDPageContentStream content = new PDPageContentStream(document, page, AppendMode.APPEND, true, true)) {
			content.saveGraphicsState();
			content.setGraphicsStateParameters(ink);
			content.setStrokingColor(RED[0], RED[1], RED[2]);
			content.setNonStrokingColor(RED[0], RED[1], RED[2]);

			content.setLineWidth(outerWidth);
			circle(content, cx, cy, outerRadius);
			content.stroke();
			content.setLineWidth(innerWidth);
			circle(content, cx, cy, innerRadius);
			content.stroke();

			star(content, cx, cy, 0.17f * diameter);
			content.fill();

			upperArc(content, type0, agency.name(), cx, cy, innerRadius - innerWidth / 2 - 0.012f * diameter,
					diameter);
			bottomLine(content, type0, agency.sealText(), cx, cy - 0.315f * diameter, 0.105f * diameter,
					0.52f * diameter);
			content.restoreGraphicsState();
		}
	}

	private static void requireGlyphs(PDType0Font font, String text) {
		try {
			font.encode(text);
		}
		catch (IllegalArgumentException | IOException ex) {
			throw new IllegalArgumentException("The seal's font cannot draw \"" + text + "\": " + ex.getMessage(), ex);
		}
	}

	/** The name along the upper arc, each character upright towards the rim, read clockwise. */
	private static void upperArc(PDPageContentStream content, PDType0Font font, String text, float cx, float cy,
			float rim, float diameter) throws IOException {
		int[] codePoints = text.codePoints().toArray();
		int n = codePoints.length;
		float size = 0.135f * diameter;
		double step;
		double baseline;
		while (true) {
			baseline = rim - 0.86 * size;
			double middle = baseline + 0.4 * size;
			double natural = Math.toDegrees(1.06 * size / middle);
			step = Math.max(natural, Math.min(PREFERRED_ARC / n, 1.6 * natural));
			if (step * n <= MAX_ARC || size < 0.05f * diameter) {
				break;
			}
			size *= 0.95f;
		}
		double arc = step * n;
		content.appendRawCommands("/Span <</ActualText <" + utf16Hex(text) + ">>> BDC\n");
		content.beginText();
		content.setFont(font, size);
		for (int i = 0; i < n; i++) {
			String character = new String(codePoints, i, 1);
			double theta = Math.toRadians(90 + arc / 2 - (i + 0.5) * step);
			double rotation = theta - Math.PI / 2;
			double width = font.getStringWidth(character) / 1000 * size;
			double cos = Math.cos(rotation);
			double sin = Math.sin(rotation);
			double x = cx + baseline * Math.cos(theta) - width / 2 * cos;
			double y = cy + baseline * Math.sin(theta) - width / 2 * sin;
			content.setTextMatrix(new Matrix((float) cos, (float) sin, (float) -sin, (float) cos, (float) x,
					(float) y));
			content.showText(character);
		}
		content.endText();
		content.appendRawCommands("EMC\n");
	}

	/** A centred line, shrunk to fit {@code maxWidth}. */
	private static void bottomLine(PDPageContentStream content, PDType0Font font, String text, float cx,
			float baseline, float size, float maxWidth) throws IOException {
		float width = font.getStringWidth(text) / 1000 * size;
		if (width > maxWidth) {
			size *= maxWidth / width;
			width = maxWidth;
		}
		content.beginText();
		content.setFont(font, size);
		content.newLineAtOffset(cx - width / 2, baseline);
		content.showText(text);
		content.endText();
	}

	private static void circle(PDPageContentStream content, float cx, float cy, float r) throws IOException {
		float k = 0.5522848f * r;
		content.moveTo(cx + r, cy);
		content.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
		content.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
		content.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
		content.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
		content.closePath();
	}

	/** A five-pointed star, one point up. */
	private static void star(PDPageContentStream content, float cx, float cy, float r) throws IOException {
		float inner = r * 0.381966f;
		for (int i = 0; i < 10; i++) {
			double angle = Math.toRadians(90 + i * 36);
			float radius = i % 2 == 0 ? r : inner;
			float x = (float) (cx + radius * Math.cos(angle));
			float y = (float) (cy + radius * Math.sin(angle));
			if (i == 0) {
				content.moveTo(x, y);
			}
			else {
				content.lineTo(x, y);
			}
		}
		content.closePath();
	}

	private static String utf16Hex(String text) {
		byte[] utf16 = text.getBytes(StandardCharsets.UTF_16BE);
		return "FEFF" + HexFormat.of().withUpperCase().formatHex(utf16);
	}

}
