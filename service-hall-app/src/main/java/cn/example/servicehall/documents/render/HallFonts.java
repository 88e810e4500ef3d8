package cn.example.servicehall.documents.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The hall's two CJK fonts (fonts/NotoSansSC-Regular-Hall.ttf and -Bold-Hall.ttf in {@code document-templates}):
 * their bytes, read once; the characters both can print, known once; and parsed {@link TrueTypeFont}s lent to one
 * render at a time, since a {@code TrueTypeFont} is not thread-safe. A borrowed pair is parsed only when no idle one
 * is left, and at most {@link #IDLE_LIMIT} idle pairs are kept.
 */
final class HallFonts {

	/** The family name under which print.css names the fonts. */
	static final String FAMILY = "Noto Sans SC Hall";

	static final String REGULAR = TemplateId.ROOT + "fonts/NotoSansSC-Regular-Hall.ttf";

	static final String BOLD = TemplateId.ROOT + "fonts/NotoSansSC-Bold-Hall.ttf";

	private static final int IDLE_LIMIT = Math.max(2, Runtime.getRuntime().availableProcessors());

	private final byte[] regular;

	private final byte[] bold;

	/** Code points both fonts map to a glyph. */
	private final BitSet printable;

	private final ConcurrentLinkedQueue<Pair> idle = new ConcurrentLinkedQueue<>();

	private final AtomicInteger parsed = new AtomicInteger();

	/** A parsed regular and bold font, for one render at a time. */
	record Pair(TrueTypeFont regular, TrueTypeFont bold) {
	}

	HallFonts(ClassLoader classLoader) {
		this.regular = read(classLoader, REGULAR);
		this.bold = read(classLoader, BOLD);
		Pair first = parse();
		try {
			this.printable = printable(first.regular());
			this.printable.and(printable(first.bold()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the cmap of " + REGULAR + " or " + BOLD, ex);
		}
		this.idle.add(first);
	}

	/** Whether both fonts have a glyph for {@code codePoint}. */
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

	/** A parsed pair for the caller's use alone; give it back with {@link #giveBack}. */
	Pair borrow() {
		Pair pair = this.idle.poll();
		return (pair != null) ? pair : parse();
	}

	void giveBack(Pair pair) {
		if (this.idle.size() < IDLE_LIMIT) {
			this.idle.offer(pair);
		}
		else {
			close(pair);
		}
	}

	/** How many pairs have been parsed so far (for tests and the benchmark). */
	int parsedCount() {
		return this.parsed.get();
	}

	private Pair parse() {
		try {
			Pair pair = new Pair(new TTFParser().parse(new RandomAccessReadBuffer(this.regular)),
					new TTFParser().parse(new RandomAccessReadBuffer(this.bold)));
			this.parsed.incrementAndGet();
			return pair;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot parse the fonts " + REGULAR + " and " + BOLD, ex);
		}
	}

	private static BitSet printable(TrueTypeFont font) throws IOException {
		CmapLookup cmap = font.getUnicodeCmapLookup(true);
		BitSet set = new BitSet(0x10000);
		for (int glyph = 1; glyph < font.getNumberOfGlyphs(); glyph++) {
			List<Integer> codePoints = cmap.getCharCodes(glyph);
			if (codePoints != null) {
				codePoints.forEach(set::set);
			}
		}
		return set;
	}

	private static byte[] read(ClassLoader classLoader, String resource) {
		try (InputStream in = classLoader.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(
						resource + " is not on the classpath: is the document-templates jar a dependency?");
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + resource, ex);
		}
	}

	private static void close(Pair pair) {
		try {
			pair.regular().close();
			pair.bold().close();
		}
		catch (IOException ex) {
			// nothing to release but memory
		}
	}

}
