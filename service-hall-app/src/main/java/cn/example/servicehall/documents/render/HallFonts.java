package cn.example.servicehall.documents.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ref.SoftReference;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The hall's document fonts (fonts/ in {@code document-templates}, made by tools/subset-fonts.sh), a fallback chain:
 * <ol>
 * <li>Noto Sans SC, regular and bold ({@value #FAMILY}): GB 18030's two-byte part, all of URO, extension A and
 * the Kangxi radicals;</li>
 * <li>Hall Hanzi Ext ({@value #EXTENSION_FAMILY}, a subset of HanaMinB, one weight serving both): the rest of
 * extensions B to F, about 60,000 characters in 30 MB, parsed and embedded only for a document that holds one.</li>
 * </ol>
 * Together they print every hanzi of GB 18030-2022 implementation level 3. The characters each font has are known
 * once; parsed {@link TrueTypeFont}s are lent to one render at a time, since a {@code TrueTypeFont} is not
 * thread-safe. A font is parsed only when no idle copy is left, from the classpath (the bytes are not kept: a parsed
 * font holds its own copy); idle copies are kept up to a limit per font, the extension font's softly.
 */
final class HallFonts {

	/** The family name under which print.css names Noto Sans SC. */
	static final String FAMILY = "Noto Sans SC Hall";

	/** The family name under which print.css names the extension font, after {@link #FAMILY}. */
	static final String EXTENSION_FAMILY = "Hall Hanzi Ext";

	static final String REGULAR = TemplateId.ROOT + "fonts/NotoSansSC-Regular-Hall.ttf";

	static final String BOLD = TemplateId.ROOT + "fonts/NotoSansSC-Bold-Hall.ttf";

	static final String EXTENSION = TemplateId.ROOT + "fonts/HallHanziExt-Regular.ttf";

	private static final int IDLE_LIMIT = Math.max(2, Runtime.getRuntime().availableProcessors());

	private final Face regular;

	private final Face bold;

	private final Face extension;

	/** Code points a document prints without the extension font: both Noto weights have them. */
	private final BitSet basic;

	/** Code points a document prints in both weights: {@link #basic} and the extension font's. */
	private final BitSet printable;

	/** Parsed fonts lent to one render: Noto regular and bold, and the extension font if the render needs it. */
	record Lent(TrueTypeFont regular, TrueTypeFont bold, TrueTypeFont extension) {
	}

	HallFonts(ClassLoader classLoader) {
		this.regular = new Face(classLoader, REGULAR, IDLE_LIMIT, false);
		this.bold = new Face(classLoader, BOLD, IDLE_LIMIT, false);
		// parsed here only for its characters; few documents need it and a parsed copy takes about 70 MB (the file's
		// bytes, its glyph table read again, the character maps): one idle copy at most, which the garbage collector
		// may take back when memory runs short
		this.extension = new Face(classLoader, EXTENSION, 1, true);
		this.basic = (BitSet) this.regular.codePoints().clone();
		this.basic.and(this.bold.codePoints());
		this.printable = (BitSet) this.basic.clone();
		this.printable.or(this.extension.codePoints());
	}

	/** Whether a document can print {@code codePoint}, in regular and bold alike. */
	boolean canPrint(int codePoint) {
		return codePoint >= 0 && this.printable.get(codePoint);
	}

	/** The first code point of {@code text} the fonts cannot print, or -1. Tabs and line breaks count as spaces. */
	int firstUnprintable(String text) {
		for (int i = 0; i < text.length();) {
			int codePoint = text.codePointAt(i);
			if (codePoint != '\t' && codePoint != '\n' && codePoint != '\r' && !canPrint(codePoint)) {
				return codePoint;
			}
			i += Character.charCount(codePoint);
		}
		return -1;
	}

	/** Whether {@code text} holds a character only the extension font has. */
	boolean needsExtension(String text) {
		return text.codePoints().anyMatch((codePoint) -> !this.basic.get(codePoint) && canPrint(codePoint));
	}

	/**
	 * Parsed fonts for the caller's use alone, the extension font only if {@code withExtension}; give them back with
	 * {@link #giveBack}.
	 */
	Lent borrow(boolean withExtension) {
		return new Lent(this.regular.borrow(), this.bold.borrow(), withExtension ? this.extension.borrow() : null);
	}

	void giveBack(Lent lent) {
		this.regular.giveBack(lent.regular());
		this.bold.giveBack(lent.bold());
		if (lent.extension() != null) {
			this.extension.giveBack(lent.extension());
		}
	}

	/** How many times Noto Sans SC regular has been parsed so far (for tests and the benchmark). */
	int parsedCount() {
		return this.regular.parsed.get();
	}

	/** How many times the extension font has been parsed so far (for tests and the benchmark). */
	int extensionParsedCount() {
		return this.extension.parsed.get();
	}

	/**
	 * One font file: its characters, and parsed copies lent to one render at a time; idle copies kept up to a limit,
	 * held softly for a font whose copies are big and seldom needed.
	 */
	private static final class Face {

		private final ClassLoader classLoader;

		private final String resource;

		private final int idleLimit;

		private final boolean soft;

		private final BitSet codePoints;

		private final ConcurrentLinkedQueue<Supplier<TrueTypeFont>> idle = new ConcurrentLinkedQueue<>();

		private final AtomicInteger parsed = new AtomicInteger();

		/**
		 * @param soft whether idle copies are held softly, and the copy parsed to learn the characters is let go
		 * rather than kept for the first render
		 */
		Face(ClassLoader classLoader, String resource, int idleLimit, boolean soft) {
			this.classLoader = classLoader;
			this.resource = resource;
			this.idleLimit = idleLimit;
			this.soft = soft;
			TrueTypeFont first = parse();
			try {
				this.codePoints = codePoints(first);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot read the cmap of " + resource, ex);
			}
			if (soft) {
				close(first);
			}
			else {
				this.idle.add(() -> first);
			}
		}

		BitSet codePoints() {
			return this.codePoints;
		}

		TrueTypeFont borrow() {
			for (Supplier<TrueTypeFont> held = this.idle.poll(); held != null; held = this.idle.poll()) {
				TrueTypeFont font = held.get();
				if (font != null) {
					return font;
				}
			}
			return parse();
		}

		void giveBack(TrueTypeFont font) {
			if (this.idle.size() < this.idleLimit) {
				this.idle.offer(this.soft ? new SoftReference<>(font)::get : () -> font);
			}
			else {
				close(font);
			}
		}

		private static void close(TrueTypeFont font) {
			try {
				font.close();
			}
			catch (IOException ex) {
				// nothing to release but memory
			}
		}

		private TrueTypeFont parse() {
			try (InputStream in = this.classLoader.getResourceAsStream(this.resource)) {
				if (in == null) {
					throw new IllegalStateException(
							this.resource + " is not on the classpath: is the document-templates jar a dependency?");
				}
				// the parser copies the bytes into the font it returns
				TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
				this.parsed.incrementAndGet();
				return font;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot parse the font " + this.resource, ex);
			}
		}

		private static BitSet codePoints(TrueTypeFont font) throws IOException {
			CmapLookup cmap = font.getUnicodeCmapLookup(true);
			BitSet set = new BitSet(0x30000);
			for (int glyph = 1; glyph < font.getNumberOfGlyphs(); glyph++) {
				List<Integer> codePoints = cmap.getCharCodes(glyph);
				if (codePoints != null) {
					codePoints.forEach(set::set);
				}
			}
			return set;
		}

	}

}
