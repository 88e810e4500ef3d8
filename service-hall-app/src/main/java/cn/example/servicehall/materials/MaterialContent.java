package cn.example.servicehall.materials;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.springframework.http.HttpStatus;

import cn.example.servicehall.platform.web.ProblemException;

/**
 * What an uploaded file is, judged by its content alone (never by its name or the type the client claims): its
 * first bytes must be those of a PDF, a JPEG or a PNG, and then it must parse as one (PDFBox loads the PDF without a
 * password; ImageIO reads the image's header and decodes it). Anything else is refused with the reason, in words a
 * clerk can pass on.
 */
final class MaterialContent {

	/** The kinds taken, with the one media type and file extension each is served as. */
	enum Kind {

		PDF("application/pdf", ".pdf"), JPEG("image/jpeg", ".jpg"), PNG("image/png", ".png");

		final String mediaType;

		final String extension;

		Kind(String mediaType, String extension) {
			this.mediaType = mediaType;
			this.extension = extension;
		}

		static Kind ofMediaType(String mediaType) {
			for (Kind kind : values()) {
				if (kind.mediaType.equals(mediaType)) {
					return kind;
				}
			}
			throw new IllegalArgumentException("Not a kept media type: " + mediaType);
		}

	}

	/**
	 * A file found to be a material the hall keeps.
	 * @param kind what it is
	 * @param sha256 its SHA-256, hex
	 * @param pages a PDF's pages, else null
	 * @param width an image's width in pixels, else null
	 * @param height an image's height in pixels, else null
	 */
	record Inspected(Kind kind, String sha256, Integer pages, Integer width, Integer height) {
	}

	private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] PNG_MAGIC = { (byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a };

	private static final byte[] JPEG_MAGIC = { (byte) 0xff, (byte) 0xd8, (byte) 0xff };

	/** Decoding a large photo in full would take its width × height × 4 bytes; this many pixels are decoded at most. */
	private static final long DECODED_PIXELS = 4_000_000;

	private MaterialContent() {
	}

	/** The file's kind, or the reason it is refused. */
	static Inspected inspect(byte[] content, MaterialsSettings settings) {
		if (content.length == 0) {
			throw ProblemException.refusal(HttpStatus.BAD_REQUEST, "material-empty", "problem.materials.empty");
		}
		if (content.length > settings.maxSize().toBytes()) {
			throw tooLarge(settings);
		}
		Kind kind = sniff(content);
		String sha256 = sha256(content);
		return switch (kind) {
			case PDF -> new Inspected(kind, sha256, pdfPages(content, settings), null, null);
			case JPEG, PNG -> {
				int[] size = imageSize(content, kind, settings);
				yield new Inspected(kind, sha256, null, size[0], size[1]);
			}
		};
	}

	static ProblemException tooLarge(MaterialsSettings settings) {
		return ProblemException.refusal(HttpStatus.PAYLOAD_TOO_LARGE, "material-too-large", "problem.materials.too-large",
				settings.maxSizeText());
	}

	private static Kind sniff(byte[] content) {
		if (startsWith(content, PDF_MAGIC)) {
			return Kind.PDF;
		}
		if (startsWith(content, PNG_MAGIC)) {
			return Kind.PNG;
		}
		if (startsWith(content, JPEG_MAGIC)) {
			return Kind.JPEG;
		}
		throw ProblemException.refusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "material-type-not-accepted",
				"problem.materials.type-not-accepted", looksLike(content));
	}

	/** What a refused file looks like, in a clerk's words, so that the person uploading knows what they picked. */
	static String looksLike(byte[] c) {
		if (startsWith(c, new byte[] { 0x7f, 'E', 'L', 'F' }) || startsWith(c, new byte[] { 'M', 'Z' })
				|| startsWith(c, new byte[] { (byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe })
				|| startsWith(c, new byte[] { (byte) 0xcf, (byte) 0xfa, (byte) 0xed, (byte) 0xfe })
				|| startsWith(c, new byte[] { '#', '!' })) {
			return "可执行程序或脚本（executable）";
		}
		if (startsWith(c, new byte[] { 'P', 'K', 3, 4 }) || startsWith(c, new byte[] { 'P', 'K', 5, 6 })
				|| startsWith(c, new byte[] { 'R', 'a', 'r', '!' })
				|| startsWith(c, new byte[] { '7', 'z', (byte) 0xbc, (byte) 0xaf })
				|| startsWith(c, new byte[] { 0x1f, (byte) 0x8b })) {
			return "压缩包或 Office 文档（zip, rar, 7z, docx, xlsx …）";
		}
		if (startsWith(c, new byte[] { (byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0 })) {
			return "旧版 Office 文档（doc, xls）";
		}
		if (startsWith(c, "GIF8".getBytes(StandardCharsets.US_ASCII)) || startsWith(c, new byte[] { 'B', 'M' })
				|| startsWith(c, new byte[] { 'I', 'I', '*', 0 }) || startsWith(c, new byte[] { 'M', 'M', 0, '*' })
				|| (c.length > 12 && startsWith(c, "RIFF".getBytes(StandardCharsets.US_ASCII))
						&& new String(c, 8, 4, StandardCharsets.US_ASCII).equals("WEBP"))
				|| (c.length > 12 && new String(c, 4, 4, StandardCharsets.US_ASCII).equals("ftyp"))) {
			return "其他格式的图片或视频（GIF, BMP, TIFF, WebP, HEIC …）";
		}
		String head = new String(c, 0, Math.min(c.length, 512), StandardCharsets.ISO_8859_1)
			.replace("\u00ef\u00bb\u00bf", "")
			.stripLeading()
			.toLowerCase(Locale.ROOT);
		if (head.startsWith("<")) {
			return "网页或 XML、SVG 文档（HTML）";
		}
		return "无法识别的内容（unknown）";
	}

	private static int pdfPages(byte[] content, MaterialsSettings settings) {
		int pages;
		try (PDDocument document = Loader.loadPDF(content)) {
			pages = document.getNumberOfPages();
		}
		catch (InvalidPasswordException ex) {
			throw ProblemException.refusal(HttpStatus.UNPROCESSABLE_ENTITY, "material-pdf-encrypted",
					"problem.materials.pdf-encrypted");
		}
		catch (IOException | RuntimeException ex) {
			throw damagedPdf();
		}
		if (pages <= 0) {
			throw damagedPdf();
		}
		if (pages > settings.maxPdfPages()) {
			throw ProblemException.refusal(HttpStatus.UNPROCESSABLE_ENTITY, "material-too-many-pages",
					"problem.materials.too-many-pages", pages, settings.maxPdfPages());
		}
		return pages;
	}

	private static ProblemException damagedPdf() {
		return ProblemException.refusal(HttpStatus.UNPROCESSABLE_ENTITY, "material-pdf-damaged",
				"problem.materials.pdf-damaged");
	}

	private static ProblemException damagedImage() {
		return ProblemException.refusal(HttpStatus.UNPROCESSABLE_ENTITY, "material-image-damaged",
				"problem.materials.image-damaged");
	}

	/** The image's width and height from its header, checked, then the whole image decoded (subsampled if large). */
	private static int[] imageSize(byte[] content, Kind kind, MaterialsSettings settings) {
		Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(kind == Kind.PNG ? "png" : "jpeg");
		if (!readers.hasNext()) {
			throw new IllegalStateException("No ImageIO reader for " + kind);
		}
		ImageReader reader = readers.next();
		int width;
		int height;
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
			reader.setInput(in, true, true);
			AtomicReference<String> warning = new AtomicReference<>();
			reader.addIIOReadWarningListener((source, message) -> warning.compareAndSet(null, message));
			try {
				width = reader.getWidth(0);
				height = reader.getHeight(0);
			}
			catch (IOException | RuntimeException ex) {
				throw damagedImage();
			}
			if ((long) width * height > settings.maxImagePixels()) {
				throw ProblemException.refusal(HttpStatus.PAYLOAD_TOO_LARGE, "material-too-large",
						"problem.materials.too-many-pixels", width, height);
			}
			if (Math.max(width, height) < settings.minImageLongSide()
					|| Math.min(width, height) < settings.minImageShortSide()) {
				throw ProblemException.refusal(HttpStatus.UNPROCESSABLE_ENTITY, "material-image-too-small",
						"problem.materials.image-too-small", width, height, settings.minImageLongSide(),
						settings.minImageShortSide());
			}
			ImageReadParam param = reader.getDefaultReadParam();
			int step = (int) Math.max(1, Math.ceil(Math.sqrt((double) width * height / DECODED_PIXELS)));
			param.setSourceSubsampling(step, step, 0, 0);
			try {
				reader.read(0, param);
			}
			catch (IOException | RuntimeException ex) {
				throw damagedImage();
			}
			if (warning.get() != null) {
				// the JPEG reader warns of a file cut short ("Premature end of JPEG file") and fills the rest with grey
				throw damagedImage();
			}
		}
		catch (IOException ex) {
			throw damagedImage();
		}
		finally {
			reader.dispose();
		}
		return new int[] { width, height };
	}

	private static boolean startsWith(byte[] content, byte[] prefix) {
		if (content.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (content[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The client's file name as it may be shown: without folders, control, formatting (bidirectional overrides,
	 * zero-width) and unassigned characters, without the characters file systems and HTML give meaning to, at most
	 * 100 characters; {@code fallback} when nothing is left.
	 */
	static String displayName(String original, String fallback) {
		String name = original == null ? "" : original;
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		StringBuilder kept = new StringBuilder();
		name.codePoints().filter(cp -> {
			int type = Character.getType(cp);
			return type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE
					&& type != Character.UNASSIGNED && type != Character.LINE_SEPARATOR
					&& type != Character.PARAGRAPH_SEPARATOR && "<>:\"|?*&'`%;".indexOf(cp) < 0;
		}).limit(100).forEach(kept::appendCodePoint);
		String shown = kept.toString().strip().replaceAll("^\\.+", "").strip();
		return shown.isEmpty() ? fallback : shown;
	}

	/** The name a download is saved under: the display name, ending in the extension of what it really is. */
	static String downloadName(String displayName, Kind kind) {
		String lower = displayName.toLowerCase(Locale.ROOT);
		boolean fits = lower.endsWith(kind.extension) || (kind == Kind.JPEG && lower.endsWith(".jpeg"));
		return fits ? displayName : displayName + kind.extension;
	}

}
