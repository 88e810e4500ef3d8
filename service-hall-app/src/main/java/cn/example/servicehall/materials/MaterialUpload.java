package cn.example.servicehall.materials;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One upload of a file for a material of a case, as listed.
 *
 * @param id its id, by which it is downloaded
 * @param caseNo the case
 * @param material the checklist item's code ({@code BORROWER_ID})
 * @param materialName the item's name ({@code 借款人居民身份证})
 * @param fileName the name the file had on the uploader's machine, cleaned for display
 * @param mediaType what the content is: {@code application/pdf}, {@code image/jpeg} or {@code image/png}
 * @param sizeBytes its size
 * @param pages a PDF's pages
 * @param width an image's width in pixels
 * @param height an image's height in pixels
 * @param sha256 the SHA-256 of the content, hex
 * @param uploadedBy the uploader's login
 * @param uploadedByName the uploader's name, as they signed in
 * @param developerCompanyId the USCC of the agent's company, for an agent's upload
 * @param channel {@code WINDOW} (the hall's staff) or {@code ONLINE} (an agent, the online hall)
 * @param uploadedAt when
 * @param download where to fetch it through the API
 */
public record MaterialUpload(UUID id, String caseNo, String material, String materialName, String fileName,
		String mediaType, int sizeBytes, Integer pages, Integer width, Integer height, String sha256, String uploadedBy,
		String uploadedByName, String developerCompanyId, String channel, OffsetDateTime uploadedAt, URI download) {

	/** The size in words: {@code 1.2 MB}, {@code 350 KB}. */
	public String sizeText() {
		return this.sizeBytes >= 1024 * 1024 ? String.format("%.1f MB", this.sizeBytes / (1024.0 * 1024))
				: Math.max(1, Math.round(this.sizeBytes / 1024.0)) + " KB";
	}

	/** The type in words: {@code PDF}, {@code JPEG}, {@code PNG}. */
	public String typeText() {
		return MaterialContent.Kind.ofMediaType(this.mediaType).name();
	}

}
