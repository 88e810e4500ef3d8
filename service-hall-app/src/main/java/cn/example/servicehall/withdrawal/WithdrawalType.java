package cn.example.servicehall.withdrawal;

import java.util.Locale;
import java.util.Set;

import cn.example.servicehall.intake.Checklist;
import cn.example.servicehall.platform.web.HallMessages;

/**
 * The withdrawal types of domain.md §4.2: the account-closing ones (A: the balance and interest to date are paid, the
 * account becomes 提取销户) and the partial ones (B: paid up to their limit, the account stays open). Each carries its
 * national 提取原因 code (JGJ/T 320 appendix A.7, domain.md §7.2), the decision table of its eligibility and the
 * variants of its material checklist. Names are {@code withdrawal.type.<NAME>} in {@code messages*.properties}.
 */
public enum WithdrawalType {

	/** 离休、退休 (条例 Art. 24(2)). */
	RETIREMENT("03", true, "RetirementWithdrawalEligibility"),

	/** 完全丧失劳动能力，并与单位终止劳动关系 (Art. 24(3)). */
	LOSS_OF_WORKING_ABILITY("04", true, "LossOfWorkingAbilityWithdrawalEligibility"),

	/** 出境定居 (Art. 24(4)). */
	SETTLING_ABROAD("05", true, "SettlingAbroadWithdrawalEligibility"),

	/** 职工死亡或被宣告死亡, withdrawn by the heirs or legatees (Art. 24). */
	DEATH("08", true, "DeathWithdrawalEligibility", Variant.SEVERAL_HEIRS),

	/** 户口迁出本市, or leaving the job and the city (old Art. 24(4); code 05 户口迁出所在市、县). */
	LEAVING_CITY("05", true, "LeavingCityWithdrawalEligibility"),

	/** 购买新建商品住房 (Art. 24(1)). */
	PURCHASE_NEW_HOME("01", false, "PurchaseWithdrawalEligibility", Variant.SPOUSE),

	/** 购买二手住房（存量房） (Art. 24(1)). */
	PURCHASE_RESALE_HOME("01", false, "PurchaseWithdrawalEligibility", Variant.SPOUSE),

	/** 建造、翻建、大修自住住房 (Art. 24(1)). */
	BUILD_OR_OVERHAUL("02", false, "BuildWithdrawalEligibility", Variant.SPOUSE),

	/** 偿还购房贷款本息, once a year up to what was repaid (Art. 24(5)). */
	LOAN_REPAYMENT("06", false, "LoanRepaymentWithdrawalEligibility", Variant.SPOUSE),

	/** 委托按月提取还贷: each month's instalment of a fund loan offset from the account (Art. 24(5)). */
	LOAN_REPAYMENT_MONTHLY("06", false, "MonthlyRepaymentWithdrawalEligibility", Variant.SPOUSE),

	/** 租赁住房, without a home in the city, up to the city's monthly cap (Art. 24(6)). */
	RENT("07", false, "RentWithdrawalEligibility", Variant.SPOUSE),

	/** 重大疾病医疗 of the employee, the spouse or a minor child (code 09). */
	SERIOUS_ILLNESS("09", false, "SeriousIllnessWithdrawalEligibility", Variant.FAMILY_PATIENT),

	/** 既有住宅加装电梯 (local rules; code 99 其他: the national table has no code of its own). */
	ELEVATOR_INSTALLATION("99", false, "ElevatorWithdrawalEligibility"),

	/**
	 * 提前结清公积金贷款: the fund loan's outstanding principal paid from the balance to the loan, not to a card
	 * (偿还购房贷款本息, Art. 24(5), 提取原因 06); only as a part of 退休一件事, before the account's closing. Last, so
	 * that the counter's form (which does not offer it) keeps its order.
	 */
	LOAN_PAYOFF("06", false, "LoanPayoffWithdrawalEligibility");

	/**
	 * A checklist's variant.
	 */
	public enum Variant {

		/** 配偶共同申请: the spouse's home, loan or rent counts, so the spouse's ID and the marriage certificate. */
		SPOUSE,

		/** 患者为配偶或未成年子女: the patient's ID and proof of the relation. */
		FAMILY_PATIENT,

		/** 多名继承人: every other heir's ID and their authorisation of the applicant. */
		SEVERAL_HEIRS

	}

	/** 归集和提取业务类型 (appendix A.5): 12 销户提取. */
	public static final String CLOSING_BUSINESS_TYPE = "12";

	/** 归集和提取业务类型 (appendix A.5): 11 部分提取. */
	public static final String PARTIAL_BUSINESS_TYPE = "11";

	private final String reasonCode;

	private final boolean closing;

	private final String decisionKey;

	private final Set<Variant> variants;

	WithdrawalType(String reasonCode, boolean closing, String decisionKey, Variant... variants) {
		this.reasonCode = reasonCode;
		this.closing = closing;
		this.decisionKey = decisionKey;
		this.variants = Set.of(variants);
	}

	/** 提取原因 (TQYY, appendix A.7), e.g. {@code 03} 离休、退休. */
	public String reasonCode() {
		return this.reasonCode;
	}

	/** Whether the whole balance with interest is paid and the account closed (销户提取). */
	public boolean closing() {
		return this.closing;
	}

	/** 归集和提取业务类型 (appendix A.5): 12 销户提取 or 11 部分提取. */
	public String businessType() {
		return this.closing ? CLOSING_BUSINESS_TYPE : PARTIAL_BUSINESS_TYPE;
	}

	/** The decision table of this type's own conditions (the account's table applies to every type). */
	public String decisionKey() {
		return this.decisionKey;
	}

	/** The checklist variants this type has. */
	public Set<Variant> variants() {
		return this.variants;
	}

	public boolean purchase() {
		return this == PURCHASE_NEW_HOME || this == PURCHASE_RESALE_HOME;
	}

	public boolean repayment() {
		return this == LOAN_REPAYMENT || this == LOAN_REPAYMENT_MONTHLY;
	}

	/** Whether it pays the fund loan off (to the loan, not to the citizen's card). */
	public boolean payoff() {
		return this == LOAN_PAYOFF;
	}

	/**
	 * Whether it is applied for only as a part of a bundle (一件事一次办), never alone at the counter or online: a payoff
	 * alone would leave the account open beside a settled loan, and its place is before the retirement closing.
	 */
	public boolean onlyInBundle() {
		return this == LOAN_PAYOFF;
	}

	/** The type's name as the citizen reads it, e.g. 离休、退休提取. */
	public String displayName(Locale locale) {
		return HallMessages.text(locale, "withdrawal.type." + name());
	}

	/** The materials of this type at the window, in Chinese, as receipts and notices print them. */
	public Checklist checklist(Set<Variant> variants) {
		return WithdrawalMaterials.checklist(this, variants, Locale.ROOT);
	}

	/** The materials of this type at the window in {@code locale}'s words. */
	public Checklist checklist(Set<Variant> variants, Locale locale) {
		return WithdrawalMaterials.checklist(this, variants, locale);
	}

}
