package cn.example.servicehall.bundle;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What the citizen chose after a part of their bundle was refused, as the acceptance clerk records it (the API's body
 * and the case page's form).
 *
 * @param decision CONTINUE (go on with the other parts) or CANCEL (cancel the bundle)
 * @param remark what the citizen said, if anything
 */
public record AfterRefusalChoice(@NotNull(message = "{bundle.after-refusal.required}") Bundles.AfterRefusal decision,
		@Size(max = 200, message = "{bundle.after-refusal.remark.length}") String remark) {

	/** The empty form. */
	public static AfterRefusalChoice blank() {
		return new AfterRefusalChoice(null, null);
	}

}
