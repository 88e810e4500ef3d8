package cn.example.servicehall.intake;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What the steps every case has take (补正, 撤回), with their rules and messages written once: the services' API
 * request bodies and the case page's forms bind to these records.
 */
public final class CaseRequests {

	private CaseRequests() {
	}

	/** @param remark what the citizen brought */
	public record Remark(@Size(max = 500, message = "{loan.remark.length}") String remark) {
	}

	/** @param reason why the applicant withdraws */
	public record Withdrawal(@NotBlank(message = "{loan.withdrawal.reason.required}")
	@Size(max = 500, message = "{loan.remark.length}") String reason) {
	}

}
