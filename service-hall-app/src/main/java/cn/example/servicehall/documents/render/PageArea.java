package cn.example.servicehall.documents.render;

/**
 * A rectangle on a page of a rendered PDF, in PDF points (1/72 inch) from the page's lower-left corner, as
 * {@code PDPageContentStream} draws: where the seal or the QR code goes.
 * @param pageIndex the page, from 0
 * @param x the left edge
 * @param y the bottom edge
 * @param width the width
 * @param height the height
 */
public record PageArea(int pageIndex, float x, float y, float width, float height) {
}
