package cn.example.servicehall.documents.render;

/**
 * One line of what the citizen does next (温馨提示): {@code 请妥善保管本回执及借款合同、借款借据和放款通知书。}.
 */
public record NoteRow(String note) {
}
