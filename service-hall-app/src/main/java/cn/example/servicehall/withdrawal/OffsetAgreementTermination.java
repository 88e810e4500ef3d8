package cn.example.servicehall.withdrawal;

import jakarta.validation.constraints.Size;

/**
 * 终止委托按月提取还贷协议: what the counter's page and the API take to end a standing agreement.
 * @param note why the citizen ends it, if they say (e.g. 本人申请，改为自行还款)
 */
public record OffsetAgreementTermination(@Size(max = 200, message = "{withdrawal.offset.note.length}") String note) {

	/** An empty form. */
	public static OffsetAgreementTermination blank() {
		return new OffsetAgreementTermination("");
	}

	/** The note, without surrounding spaces; null when there is none. */
	public String noteOrNull() {
		return this.note == null || this.note.isBlank() ? null : this.note.strip();
	}

}
