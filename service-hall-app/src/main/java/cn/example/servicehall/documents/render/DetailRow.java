package cn.example.servicehall.documents.render;

/**
 * A label and its value, for the result lines of a completion receipt: {@code 借款金额} / {@code 600,000.00元}.
 */
public record DetailRow(String label, String value) {
}
