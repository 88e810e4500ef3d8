package cn.example.servicehall.bundle;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.example.servicehall.documents.Printable;
import cn.example.servicehall.intake.ResidentId;

/**
 * The sale on the one form of 二手房买卖+公积金贷款: the seller, the title sold, the flat as the buyer states it, the
 * price and what the flat is for the buyer's family (the deed tax's rate: the tax bureau counts the homes itself and the
 * case says when its count differs). The buyer is the form's applicant.
 *
 * @param sellerName as on the seller's ID card
 * @param sellerIdNumber the seller's resident ID number (check character verified)
 * @param certificateNo the seller's 不动产权证书号
 * @param address the flat's 坐落 as the contract states it
 * @param floorArea 建筑面积, m², to the hundredth
 * @param price 成交价, yuan, to the fen
 * @param signedOn the day the contract was signed; today when not given
 * @param home the family's only home or their second
 * @param spouseIdNumber the buyer's spouse, counted with the family by the tax bureau; none when single
 */
public record ResaleSale(
		@NotBlank(message = "{bundle.sale.seller-name.required}") @Size(max = 50, message = "{intake.applicant.name.length}")
		@Pattern(regexp = "[\\p{IsHan}\\p{IsLatin}·．. '-]+", message = "{intake.applicant.name.characters}")
		@Printable(message = "{withdrawal.name.unprintable}") String sellerName,
		@NotBlank(message = "{bundle.sale.seller-id.required}") @ResidentId String sellerIdNumber,
		@NotBlank(message = "{bundle.sale.certificate.required}") @Size(max = 60, message = "{bundle.sale.certificate.format}")
		@Pattern(regexp = ".+不动产权第\\d+号", message = "{bundle.sale.certificate.format}") String certificateNo,
		@NotBlank(message = "{bundle.sale.address.required}") @Size(max = 120, message = "{bundle.sale.address.length}")
		@Printable(message = "{bundle.sale.address.length}") String address,
		@NotNull(message = "{bundle.sale.floor-area.required}") @DecimalMin(value = "1.00", message = "{bundle.sale.floor-area.range}")
		@DecimalMax(value = "2000.00", message = "{bundle.sale.floor-area.range}")
		@Digits(integer = 4, fraction = 2, message = "{bundle.sale.floor-area.range}") BigDecimal floorArea,
		@NotNull(message = "{bundle.sale.price.required}") @DecimalMin(value = "1000.00", message = "{bundle.sale.price.range}")
		@DecimalMax(value = "100000000.00", message = "{bundle.sale.price.range}")
		@Digits(integer = 9, fraction = 2, message = "{bundle.sale.price.range}") BigDecimal price,
		@PastOrPresent(message = "{bundle.sale.signed-on.future}") LocalDate signedOn,
		@NotNull(message = "{bundle.sale.home.required}") FamilyHome home,
		@ResidentId String spouseIdNumber) {

	/** What the flat is for the buyer's family, as the buyer declares it (家庭唯一住房 / 家庭第二套住房). */
	public enum FamilyHome {

		/** 家庭唯一住房 */
		ONLY_HOME("家庭唯一住房"),
		/** 家庭第二套住房 */
		SECOND_HOME("家庭第二套住房");

		private final String label;

		FamilyHome(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

}
