package cn.example.servicehall.withdrawal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.media.Schema;

import cn.example.servicehall.platform.money.Yuan;
import cn.example.servicehall.platform.web.HallMessages;

/**
 * What the rules decided about a withdrawal: eligible or not and why, the amount, whether a person must review it
 * and why, whether a second person approves (four-eyes), and the fraud flags. A flagged case is never decided
 * automatically.
 *
 * @param type the withdrawal's type
 * @param policyId the city policy version applied (in force on the day of acceptance)
 * @param acceptedOn the day of acceptance
 * @param unmet every condition not met, with the reason a clerk reads out and what is missing; empty when eligible
 * @param amount what the rules allow (for reference when not eligible: nothing is payable then)
 * @param reviews why a person must look at it (papers the systems cannot see, a flag); empty when the rules decide
 * @param fourEyes why a second person must approve, when the amount is above the city's threshold
 * @param flags the fraud rules that found something
 */
public record WithdrawalDecision(WithdrawalType type, String policyId, LocalDate acceptedOn, List<Reason> unmet,
		WithdrawalAmount amount, List<Reason> reviews, Optional<Reason> fourEyes, List<FraudFlag> flags) {

	public WithdrawalDecision {
		unmet = List.copyOf(unmet);
		reviews = List.copyOf(reviews);
		flags = List.copyOf(flags);
	}

	/** Where the case goes. */
	public enum Route {

		/** Eligible, nothing for a person to check, under the four-eyes threshold, no flag: paid without a clerk. */
		PAY_AUTOMATICALLY,
		/** A person decides: papers to check, a flag, or a second approver. */
		REVIEW,
		/** Not eligible and nothing flagged: the clerk tells the applicant why and what is missing. */
		NOT_ELIGIBLE

	}

	/**
	 * A reason in words.
	 *
	 * @param code stable, e.g. {@code NOT_RETIRED}
	 * @param words what the clerk reads out
	 * @param missing what is missing or must happen first; empty when nothing can be brought
	 */
	@Schema(name = "WithdrawalReason")
	public record Reason(String code, String words, String missing) {
	}

	public boolean eligible() {
		return this.unmet.isEmpty();
	}

	public boolean flagged() {
		return !this.flags.isEmpty();
	}

	/** Whether the rules decide it alone: eligible, nothing to review, no second approver, no flag. */
	public boolean decidedAutomatically() {
		return route() == Route.PAY_AUTOMATICALLY;
	}

	public Route route() {
		if (flagged()) {
			return Route.REVIEW;
		}
		if (!eligible()) {
			return Route.NOT_ELIGIBLE;
		}
		return (this.reviews.isEmpty() && this.fourEyes.isEmpty()) ? Route.PAY_AUTOMATICALLY : Route.REVIEW;
	}

	/**
	 * The decision in one paragraph a clerk reads out or a record keeps: eligible or not and why, the amount and its
	 * rule, then who decides (the system, a clerk and why, a second approver).
	 */
	public String summary() {
		String name = this.type.displayName(java.util.Locale.ROOT);
		StringBuilder text = new StringBuilder();
		if (eligible()) {
			text.append(HallMessages.text("withdrawal.summary.eligible", name, Yuan.figures(this.amount.amount()),
					this.amount.binding().words()));
		}
		else {
			text.append(HallMessages.text("withdrawal.summary.not-eligible", name,
					this.unmet.stream().map(Reason::words).collect(Collectors.joining("；"))));
		}
		switch (route()) {
			case PAY_AUTOMATICALLY -> text.append(HallMessages.text("withdrawal.summary.automatic"));
			case NOT_ELIGIBLE -> text.append(HallMessages.text("withdrawal.summary.tell-missing"));
			case REVIEW -> {
				List<String> why = new java.util.ArrayList<>(this.reviews.stream().map(Reason::words).toList());
				this.fourEyes.map(Reason::words).ifPresent(why::add);
				text.append(HallMessages.text("withdrawal.summary.review", String.join("；", why)));
			}
		}
		return text.toString();
	}

	/** What may be paid: the amount when eligible, else nothing. */
	public BigDecimal payable() {
		return eligible() ? this.amount.amount() : BigDecimal.ZERO.setScale(2);
	}

}
