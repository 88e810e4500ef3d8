package cn.example.servicehall.documents.signing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.WriterException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;

import cn.example.servicehall.documents.signing.StampPlacement.Area;

/**
 * Draws a QR code for a URL into a square of a page, as vector rectangles (sharp at any zoom or printer): error
 * correction M, a quiet zone of four modules in white, black modules.
 * <p>
 * Before drawing, the code is read back with ZXing from antialiased rasterisations at several scales, as a phone
 * camera sees it at arbitrary sizes. Some mask patterns chosen by the standard's penalty rules leave finder-like
 * shapes that trip ZXing's detector at some scales (one of our sample URLs failed at 150 and 300 dpi); then another
 * mask that reads back at every scale is used. Stateless and thread-safe.
 */
public final class QrStamp {

	/** Modules of white around the code, as the QR standard asks. */
	static final int QUIET_ZONE = 4;

	/** Pixels per module of the read-back checks: print at 150 to 400 dpi, phone cameras. */
	private static final float[] CHECK_SCALES = { 2.9f, 3.6f, 4.3f, 5.1f, 7.2f, 8.6f };

	/** Draws the code for {@code url} centred in {@code area}, appending to the page's content. */
	public void stamp(PDDocument document, PDPage page, Area area, String url) throws IOException {
		ByteMatrix matrix = encode(url);
		int modules = matrix.getWidth() + 2 * QUIET_ZONE;
		float side = Math.min(area.width(), area.height());
		float module = side / modules;
		float left = area.centerX() - side / 2;
		float top = area.centerY() + side / 2;
		float overlap = module * 0.05f;
		try (PDPageContentStream content = new PDPageContentStream(document, page, AppendMode.APPEND, true, true)) {
			content.saveGraphicsState();
			content.setNonStrokingColor(1f, 1f, 1f);
			content.addRect(left, top - side, side, side);
			content.fill();
			content.setNonStrokingColor(0f, 0f, 0f);
			for (int row = 0; row < matrix.getHeight(); row++) {
				float y = top - (row + QUIET_ZONE + 1) * module;
				int column = 0;
				while (column < matrix.getWidth()) {
					if (matrix.get(column, row) != 1) {
						column++;
						continue;
					}
					int start = column;
					while (column < matrix.getWidth() && matrix.get(column, row) == 1) {
						column++;
					}
					// a little taller than a module, overlapping the row below: no hairline seams when rasterised
					content.addRect(left + (start + QUIET_ZONE) * module, y - overlap, (column - start) * module,
							module + overlap);
				}
			}
			content.fill();
			content.restoreGraphicsState();
		}
	}

	/**
	 * The code's modules for {@code url}, without the quiet zone: the standard's choice of mask if it reads back at
	 * every check scale, else the first other mask that does (else the standard's choice after all).
	 */
	static ByteMatrix encode(String url) {
		if (url == null || url.isBlank()) {
			throw new IllegalArgumentException("The QR code needs a URL");
		}
		QRCode standard = encode(url, -1);
		if (readsBack(standard.getMatrix(), url)) {
			return standard.getMatrix();
		}
		for (int mask = 0; mask < QRCode.NUM_MASK_PATTERNS; mask++) {
			if (mask != standard.getMaskPattern()) {
				QRCode candidate = encode(url, mask);
				if (readsBack(candidate.getMatrix(), url)) {
					return candidate.getMatrix();
				}
			}
		}
		return standard.getMatrix();
	}

	private static QRCode encode(String url, int mask) {
		Map<EncodeHintType, Object> hints = new HashMap<>();
		hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
		if (mask >= 0) {
			hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
		}
		try {
			return Encoder.encode(url, ErrorCorrectionLevel.M, hints);
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("The URL is too long for a QR code: " + url.length() + " characters",
					ex);
		}
	}

	/** Whether ZXing reads {@code url} back from the code drawn antialiased at each of the check scales. */
	static boolean readsBack(ByteMatrix matrix, String url) {
		for (float scale : CHECK_SCALES) {
			BufferedImage image = rasterise(matrix, scale);
			int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
			BinaryBitmap bitmap = new BinaryBitmap(
					new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
			try {
				if (!url.equals(new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
					.getText())) {
					return false;
				}
			}
			catch (ReaderException ex) {
				return false;
			}
		}
		return true;
	}

	private static BufferedImage rasterise(ByteMatrix matrix, float scale) {
		int modules = matrix.getWidth() + 2 * QUIET_ZONE;
		int size = (int) Math.ceil(modules * scale);
		BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		try {
			graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			graphics.setColor(Color.WHITE);
			graphics.fillRect(0, 0, size, size);
			graphics.setColor(Color.BLACK);
			for (int row = 0; row < matrix.getHeight(); row++) {
				for (int column = 0; column < matrix.getWidth(); column++) {
					if (matrix.get(column, row) == 1) {
						graphics.fill(new Rectangle2D.Float((column + QUIET_ZONE) * scale, (row + QUIET_ZONE) * scale,
								scale, scale));
					}
				}
			}
		}
		finally {
			graphics.dispose();
		}
		return image;
	}

}
