package cn.example.servicehall.bundle;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.example.servicehall.agencies.TaxBureau;
import cn.example.servicehall.documents.Printable;

/**
 * The sale section of the one form of 二手房买卖+公积金贷款: what the sale needs beyond the loan's section (which
 * already names the flat's certificate, the price, the seller, the day the contract was signed and the spouse): the
 * flat as the contract states it and what it is for the buyer's family (the deed tax's rate; the tax bureau counts the
 * homes itself and the case says when its count differs).
 *
 * @param address the flat's 坐落 as the contract states it
 * @param floorArea 建筑面积, m², to the hundredth
 * @param home what the flat is for the family as the buyer declares it: the only home, the second, a third or more
 */
public record ResaleSale(
		@NotBlank(message = "{bundle.sale.address.required}") @Size(max = 120, message = "{bundle.sale.address.length}")
		@Printable(message = "{bundle.sale.address.length}") String address,
		@NotNull(message = "{bundle.sale.floor-area.required}") @DecimalMin(value = "1.00", message = "{bundle.sale.floor-area.range}")
		@DecimalMax(value = "2000.00", message = "{bundle.sale.floor-area.range}")
		@Digits(integer = 4, fraction = 2, message = "{bundle.sale.floor-area.range}") BigDecimal floorArea,
		@NotNull(message = "{bundle.sale.home.required}") TaxBureau.HomeCategory home) {
}
