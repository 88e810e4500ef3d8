package cn.example.servicehall.documents.render;

/**
 * One reason for a refusal, numbered: {@code 1} / {@code 初审不通过：房龄超限，不予贷款}.
 */
public record ReasonRow(String no, String reason) {
}
