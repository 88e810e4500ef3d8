package cn.example.servicehall.withdrawal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A reviewer's opinion on a withdrawal (审核 or 复核), as the API and the case page's step forms take it.
 *
 * @param outcome APPROVE or REJECT
 * @param opinion in words, as the refusal notice and the SMS read it
 */
public record WithdrawalOpinion(@NotNull(message = "{withdrawal.outcome.required}") Outcome outcome,
		@NotBlank(message = "{withdrawal.opinion.required}") @Size(max = 500, message = "{withdrawal.opinion.length}")
		String opinion) {

	/** 同意 or 不同意. */
	public enum Outcome {

		APPROVE, REJECT

	}

	/** An empty form. */
	public static WithdrawalOpinion blank() {
		return new WithdrawalOpinion(null, null);
	}

	public boolean approves() {
		return this.outcome == Outcome.APPROVE;
	}

}
