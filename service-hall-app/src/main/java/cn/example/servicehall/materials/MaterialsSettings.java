package cn.example.servicehall.materials;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What an uploaded material may be ({@code servicehall.materials}).
 *
 * @param maxSize the largest file taken (a scan of a contract fits in a few MB)
 * @param maxPdfPages the most pages a PDF may have
 * @param minImageLongSide the fewest pixels along an image's longer side for it to be readable
 * @param minImageShortSide the fewest pixels along its shorter side
 * @param maxImagePixels the most pixels an image may have (width × height), so that decoding it cannot exhaust memory
 */
@ConfigurationProperties("servicehall.materials")
public record MaterialsSettings(@DefaultValue("10MB") DataSize maxSize, @DefaultValue("50") int maxPdfPages,
		@DefaultValue("600") int minImageLongSide, @DefaultValue("400") int minImageShortSide,
		@DefaultValue("50000000") long maxImagePixels) {

	public MaterialsSettings {
		if (maxSize.toBytes() <= 0 || maxPdfPages <= 0 || minImageLongSide < minImageShortSide || minImageShortSide <= 0
				|| maxImagePixels <= 0) {
			throw new IllegalArgumentException("servicehall.materials: sizes and counts must be positive, the long side"
					+ " at least the short side");
		}
	}

	/** The largest size in words: {@code 10 MB}. */
	String maxSizeText() {
		long bytes = this.maxSize.toBytes();
		return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes / 1024 + " KB";
	}

}
