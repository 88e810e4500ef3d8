package cn.example.servicehall.agencies;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * 税务局: the tax bureau's deed tax (契税) on a filed second-hand sale: assessed, paid once, and marked for refund
 * (退税) when the sale is cancelled before the title moved.
 * <p>
 * The rule the bureau applies (财政部 税务总局 住房城乡建设部公告2024年第16号, 关于促进房地产市场平稳健康发展有关税收政策的
 * 公告, in force from 2024-12-01; the family is the buyer, the spouse and their minor children):
 * <table>
 * <caption>deed tax rate on a home, by the family's homes and the floor area</caption>
 * <tr><th></th><th>≤ 140 m²</th><th>&gt; 140 m²</th></tr>
 * <tr><td>the family's only home (家庭唯一住房: no other home)</td><td>1 %</td><td>1.5 %</td></tr>
 * <tr><td>the family's second home (家庭第二套住房: one other)</td><td>1 %</td><td>2 %</td></tr>
 * <tr><td>a third home or more</td><td colspan="2">the province's statutory rate (契税法 art. 3: 3 %–5 %); the fake
 * uses 3 %, an assumption to confirm per province</td></tr>
 * </table>
 * The tax base (计税依据) is the contract price (成交价, 契税法 art. 4); the tax is base × rate rounded half-up to
 * the fen. A refund is due when the contract is cancelled before the transfer is registered (契税法 art. 12).
 * <p>
 * A system that cannot answer throws {@link AgencyUnavailable}; one that says no, {@link AgencyRefused} in words.
 */
public interface TaxBureau {

	/**
	 * Assesses the deed tax of a filed sale, or answers the assessment already made for the filing (one per filing;
	 * the rate fixed when first assessed). The family's homes are counted at the registry, by the ID numbers of the
	 * buyers on the filing and of the family members named, each home once and the home bought not counted. Refused
	 * when the filing is unknown or withdrawn ({@code FILING_NOT_IN_FORCE}).
	 *
	 * @param filingNo 存量房网签备案号
	 * @param familyIdNumbers the buyers' spouses and minor children (the buyers themselves are on the filing)
	 */
	DeedTaxAssessment assessDeedTax(String filingNo, List<String> familyIdNumbers);

	/** The assessment with the number, if the bureau knows it. */
	Optional<DeedTaxAssessment> assessment(String assessmentNo);

	/**
	 * Records the payment of an assessment, once: a second call answers the first payment (its 完税凭证号). Refused
	 * when the amount is not the one assessed ({@code AMOUNT_DIFFERS}), or the assessment is voided or marked for
	 * refund ({@code FILING_NOT_IN_FORCE}).
	 */
	DeedTaxAssessment recordPayment(String assessmentNo, BigDecimal amount);

	/**
	 * The sale is cancelled: a paid assessment is marked for refund (退税), an unpaid one voided (作废), once; again
	 * answers as it is. Refused when the title has already moved to the buyers ({@code ALREADY_REGISTERED}).
	 */
	DeedTaxAssessment cancelForSaleCancelled(String assessmentNo, String reason);

	/** What the family owned before the purchase, as the rule reads it. */
	enum HomeCategory {

		/** 家庭唯一住房 */
		ONLY_HOME("家庭唯一住房"),
		/** 家庭第二套住房 */
		SECOND_HOME("家庭第二套住房"),
		/** 家庭第三套及以上住房 */
		THIRD_OR_MORE("家庭第三套及以上住房");

		private final String label;

		HomeCategory(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

	/** Where an assessment stands. */
	enum AssessmentStatus {

		/** 已核定，未缴 */
		ASSESSED,
		/** 已缴 (完税) */
		PAID,
		/** 已缴，待退税 (the sale was cancelled) */
		REFUND_PENDING,
		/** 未缴，已作废 (the sale was cancelled) */
		VOIDED

	}

	/**
	 * A deed tax assessment.
	 *
	 * @param assessmentNo 核定编号
	 * @param filingNo the sale's filing
	 * @param taxBase 计税依据: the contract price, yuan
	 * @param floorArea 建筑面积, m²
	 * @param homesOwned the family's other homes before the purchase
	 * @param category what the purchase is for the family
	 * @param rate e.g. 0.01 for 1 %
	 * @param amount 应纳税额, yuan, to the fen
	 * @param assessedOn 核定日期
	 * @param status where it stands
	 * @param paymentCertificateNo 完税凭证号, once paid
	 * @param paidOn once paid
	 * @param cancelledOn when marked for refund or voided
	 * @param cancelReason why
	 */
	record DeedTaxAssessment(String assessmentNo, String filingNo, BigDecimal taxBase, BigDecimal floorArea,
			int homesOwned, HomeCategory category, BigDecimal rate, BigDecimal amount, LocalDate assessedOn,
			AssessmentStatus status, String paymentCertificateNo, LocalDate paidOn, LocalDate cancelledOn,
			String cancelReason) {
	}

}
