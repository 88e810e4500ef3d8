package cn.example.servicehall.loan;

import java.math.BigDecimal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import cn.example.servicehall.documents.Printable;

/**
 * A new-house loan application as a developer's sales office submits it online (开发企业网厅录入). The developer
 * company is not part of the request: it is the one the signed-in agent or system acts for, as registered with the
 * fund centre ({@code developer.Developers#actingCompany}); the project must be one of its own, and the filed contract
 * must name the applicant, the project's pre-sale permit and the unit.
 *
 * @param applicant the main applicant (借款申请人)
 * @param requestedAmount the loan asked for, in yuan, at most two decimals
 * @param termMonths the term asked for, in months
 * @param project the project (楼盘) of the agent's own company, by its id or code ({@code FZ-BJHY}); the case keeps its
 *        name
 * @param unitNo the unit bought (房号), as on the filed contract
 * @param contractFilingNo the filed purchase contract's number at the housing authority (网签备案号)
 */
public record SubmitNewHouseLoanApplication(
		@NotNull(message = "{loan.applicant.required}") @Valid Buyer applicant,
		@NotNull(message = "{loan.requested-amount.required}") @Positive(message = "{loan.requested-amount.positive}")
		@Digits(integer = 10, fraction = 2, message = "{loan.requested-amount.digits}")
		@DecimalMax(value = "10000000.00", message = "{loan.requested-amount.max}") BigDecimal requestedAmount,
		@NotNull(message = "{loan.term.required}") @Min(value = 12, message = "{loan.term.range}")
		@Max(value = 360, message = "{loan.term.range}") Integer termMonths,
		@NotBlank(message = "{loan.project-ref.required}") @Size(max = 30, message = "{loan.project-ref.length}") String project,
		@NotBlank(message = "{loan.unit.required}") @Size(max = 50, message = "{loan.unit.length}")
		@Printable(message = "{loan.unit.unprintable}") String unitNo,
		@NotBlank(message = "{loan.filing-no.required}") @Size(max = 50, message = "{loan.filing-no.length}") String contractFilingNo) {

	/**
	 * The buyer as the sales office enters them; the fund centre completes the rest at acceptance.
	 *
	 * @param name as on the ID card
	 * @param idNumber resident ID number (GB 11643)
	 */
	public record Buyer(
			@NotBlank(message = "{intake.applicant.name.required}") @Size(max = 50, message = "{intake.applicant.name.length}")
			@jakarta.validation.constraints.Pattern(regexp = "[\\p{IsHan}\\p{IsLatin}·．. '-]+",
					message = "{intake.applicant.name.characters}")
			@Printable(message = "{loan.name.unprintable}") String name,
			@NotBlank(message = "{intake.id-number.required}") @cn.example.servicehall.intake.ResidentId String idNumber) {
	}

}
