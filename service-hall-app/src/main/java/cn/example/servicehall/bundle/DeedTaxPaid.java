package cn.example.servicehall.bundle;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

/**
 * The acceptance clerk's confirmation that the buyer paid the assessed deed tax at the tax window (the API's body).
 *
 * @param amount what the buyer paid, yuan to the fen: the amount assessed
 */
public record DeedTaxPaid(@NotNull(message = "{bundle.deed-tax.amount.required}")
		@DecimalMin(value = "0.01", message = "{bundle.deed-tax.amount.format}")
		@Digits(integer = 9, fraction = 2, message = "{bundle.deed-tax.amount.format}") BigDecimal amount) {
}
