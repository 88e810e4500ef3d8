package cn.example.servicehall.loan;

import java.math.BigDecimal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import cn.example.servicehall.intake.ResidentId;

/**
 * A resale-loan application as entered at the window.
 *
 * @param applicant the main applicant (借款申请人)
 * @param requestedAmount the loan asked for, in yuan, at most two decimals
 * @param termMonths the term asked for, in months
 */
public record SubmitResaleLoanApplication(@NotNull(message = "{loan.applicant.required}") @Valid Applicant applicant,
		@NotNull(message = "{loan.requested-amount.required}") @Positive(message = "{loan.requested-amount.positive}")
		@Digits(integer = 10, fraction = 2, message = "{loan.requested-amount.digits}")
		@DecimalMax(value = "10000000.00", message = "{loan.requested-amount.max}") BigDecimal requestedAmount,
		@NotNull(message = "{loan.term.required}") @Min(value = 12, message = "{loan.term.range}")
		@Max(value = 360, message = "{loan.term.range}") Integer termMonths) {

	/**
	 * @param name the name as on the ID card
	 * @param idNumber the resident ID number (GB 11643)
	 */
	public record Applicant(
			@NotBlank(message = "{intake.applicant.name.required}") @Size(max = 50, message = "{intake.applicant.name.length}")
			@Pattern(regexp = "[\\p{IsHan}\\p{IsLatin}·．. '-]+", message = "{intake.applicant.name.characters}") String name,
			@NotBlank(message = "{intake.id-number.required}") @ResidentId String idNumber) {
	}

}
