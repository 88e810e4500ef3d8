package cn.example.servicehall.bundle;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import cn.example.servicehall.withdrawal.WithdrawalApplication;

/**
 * The one form of a bundle at the counter (一件事一次办): the depositor, their own bank card, and the merged checklist
 * as the clerk checked it. Each part's own application is made from it.
 *
 * @param applicant the depositor, as on the ID card
 * @param bankCard the applicant's own Class-I card the money goes to
 * @param materials the merged checklist, material code to whether it was shown
 */
public record BundleApplication(@NotNull(message = "{withdrawal.applicant.required}") @Valid WithdrawalApplication.Applicant applicant,
		@NotNull(message = "{withdrawal.card.required}") @Valid WithdrawalApplication.Card bankCard,
		Map<String, Boolean> materials) {

	public BundleApplication {
		materials = materials == null ? Map.of() : Map.copyOf(materials);
	}

}
