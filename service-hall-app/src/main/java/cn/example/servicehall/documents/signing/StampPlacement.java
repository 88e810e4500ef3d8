package cn.example.servicehall.documents.signing;

import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Where the seal and the verification QR code go: a page and two rectangles in PDF points (1/72 inch, origin at the
 * page's lower left). The renderer leaves both areas empty on the last page.
 *
 * @param pageIndex the page, 0-based
 * @param seal the seal's square (also the signature field's rectangle)
 * @param qr the QR code's square
 */
public record StampPlacement(int pageIndex, Area seal, Area qr) {

	/** Millimetres to points. */
	public static final float MM = 72f / 25.4f;

	static final float SEAL_SIZE = 45 * MM;

	static final float QR_SIZE = 25 * MM;

	static final float MARGIN = 25 * MM;

	public StampPlacement {
		if (pageIndex < 0) {
			throw new IllegalArgumentException("pageIndex must not be negative");
		}
		if (seal == null || qr == null) {
			throw new IllegalArgumentException("both the seal's and the QR code's areas are needed");
		}
	}

	/**
	 * The renderer's layout on a page: a 45 mm seal whose right and bottom edges are 25 mm from the page's right and
	 * bottom edges, a 25 mm QR code 25 mm from the left and bottom edges.
	 */
	public static StampPlacement defaultFor(PDRectangle mediaBox, int pageIndex) {
		float bottom = mediaBox.getLowerLeftY() + MARGIN;
		Area seal = new Area(mediaBox.getUpperRightX() - MARGIN - SEAL_SIZE, bottom, SEAL_SIZE, SEAL_SIZE);
		Area qr = new Area(mediaBox.getLowerLeftX() + MARGIN, bottom, QR_SIZE, QR_SIZE);
		return new StampPlacement(pageIndex, seal, qr);
	}

	/**
	 * A rectangle in PDF points.
	 *
	 * @param x left edge
	 * @param y bottom edge
	 * @param width width
	 * @param height height
	 */
	public record Area(float x, float y, float width, float height) {

		public Area {
			if (!(width > 0 && height > 0) || !Float.isFinite(x) || !Float.isFinite(y)) {
				throw new IllegalArgumentException("an area needs a finite position and a positive size");
			}
		}

		/** A rectangle in millimetres from the page's lower left corner. */
		public static Area ofMillimetres(float x, float y, float width, float height) {
			return new Area(x * MM, y * MM, width * MM, height * MM);
		}

		public PDRectangle toRectangle() {
			return new PDRectangle(this.x, this.y, this.width, this.height);
		}

		float centerX() {
			return this.x + this.width / 2;
		}

		float centerY() {
			return this.y + this.height / 2;
		}

	}

}
