package cn.example.servicehall.loan;

import java.math.BigDecimal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import cn.example.servicehall.documents.Printable;

/**
 * What a loan's steps take, with their rules and messages written once: the API's request bodies
 * ({@code loan.web}) and the case page's forms ({@code workbench}) bind to these records.
 */
public final class StepRequests {

	private StepRequests() {
	}

	/**
	 * An opinion: the agencies' reviews (同意/不同意) and the first review (通过/不通过/退回).
	 * @param outcome APPROVE (同意/通过), REJECT (不同意), RETURN (退回; first review and approval only)
	 * @param opinion the opinion as it goes on file
	 */
	@Schema(name = "LoanReviewRequest")
	public record Review(@NotNull(message = "{loan.outcome.required}") ReviewOutcome outcome,
			@NotBlank(message = "{loan.opinion.required}") @Size(max = 500, message = "{loan.remark.length}")
			@Printable(message = "{loan.opinion.unprintable}") String opinion) {

		/** An empty form. */
		public static Review blank() {
			return new Review(null, null);
		}

	}

	/**
	 * 审批: the outcome and, to approve, the amount (at most what the rules grant).
	 * @param outcome APPROVE, REJECT or RETURN
	 * @param approvedAmount for APPROVE: the amount, at most the granted limit
	 * @param opinion the opinion as it goes on file
	 */
	@Schema(name = "LoanApprovalRequest")
	public record Approval(@NotNull(message = "{loan.outcome.required}") ReviewOutcome outcome,
			@Positive(message = "{loan.approved-amount.positive}") @Digits(integer = 10, fraction = 2,
					message = "{loan.approved-amount.digits}") @DecimalMax(value = "10000000.00",
							message = "{loan.approved-amount.max}") BigDecimal approvedAmount,
			@NotBlank(message = "{loan.opinion.required}") @Size(max = 500, message = "{loan.remark.length}")
			@Printable(message = "{loan.opinion.unprintable}") String opinion) {
	}

	/** @param certificateNo 不动产登记证明号 */
	public record MortgageRegistration(@NotBlank(message = "{loan.mortgage-certificate.required}")
	@Size(max = 60, message = "{loan.certificate.length}") @Pattern(regexp = "\\S.*\\S",
			message = "{loan.mortgage-certificate.required}")
	@Printable(message = "{loan.mortgage-certificate.unprintable}") String certificateNo) {
	}

}
