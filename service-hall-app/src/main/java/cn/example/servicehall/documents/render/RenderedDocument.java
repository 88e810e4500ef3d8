package cn.example.servicehall.documents.render;

import java.util.Optional;

/**
 * A rendered document: the PDF and where its seal and QR code are to be stamped.
 * @param template the template it came from
 * @param pdf the PDF
 * @param pageCount its number of pages
 * @param sealArea the box of {@code #seal-area} (45 mm square, last page), if the template has one
 * @param qrArea the box of {@code #qr-area} (25 mm square), if the template has one
 */
public record RenderedDocument(DocumentTemplate template, byte[] pdf, int pageCount, Optional<PageArea> sealArea,
		Optional<PageArea> qrArea) {
}
