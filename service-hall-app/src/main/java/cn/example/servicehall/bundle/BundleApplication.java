package cn.example.servicehall.bundle;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import cn.example.servicehall.withdrawal.WithdrawalApplication;

/**
 * The one form of a bundle at the counter (一件事一次办): the depositor, their own bank card, and the merged checklist
 * as the clerk checked it. Each part's own application is made from it.
 *
 * @param applicant the depositor, as on the ID card (in a house purchase, the buyer)
 * @param bankCard the applicant's own Class-I card the money goes to, for a bundle with a withdrawal
 * @param materials the merged checklist, material code to whether it was shown
 * @param sale the second-hand sale, for 二手房买卖+公积金贷款 (the seller, the title, the flat, the price)
 */
public record BundleApplication(@NotNull(message = "{withdrawal.applicant.required}") @Valid WithdrawalApplication.Applicant applicant,
		@Valid WithdrawalApplication.Card bankCard, Map<String, Boolean> materials, @Valid ResaleSale sale) {

	public BundleApplication {
		materials = materials == null ? Map.of() : Map.copyOf(materials);
	}

}
