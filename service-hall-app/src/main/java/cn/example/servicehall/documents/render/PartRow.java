package cn.example.servicehall.documents.render;

/**
 * One part of a case of several (一件事的事项), as its acceptance receipt lists it.
 * @param no the part's number, {@code YS2026120700001-2}
 * @param name {@code 离休、退休提取并销户}
 * @param agency who does it, {@code 公积金中心}
 * @param order when, {@code 受理后即办} or {@code 须等“公积金贷款结清”办完}
 */
public record PartRow(String no, String name, String agency, String order) {
}
