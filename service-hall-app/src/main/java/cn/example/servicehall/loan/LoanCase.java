package cn.example.servicehall.loan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.media.Schema;

import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.loan.calculation.RepaymentMethod;

/**
 * Everything the hall keeps about a loan case, stage by stage, as the officers' pages and the API show it.
 *
 * @param caseNo the case
 * @param terms the loan asked for
 * @param parties the borrower and, when married, the co-borrower
 * @param property the house bought (resale loans)
 * @param creditReports the credit bureau's reports, per applicant
 * @param titleCheck the registry's answer on the title
 * @param reviews every agency's opinion, oldest first
 * @param decision the latest eligibility and limit decision
 * @param approval what the approver approved
 * @param signatures each party's signature of the contract
 * @param contract the contract, once every party signed
 * @param mortgage the registered mortgage
 * @param disbursement the payment to the seller
 * @param iou the IOU
 */
public record LoanCase(CaseNo caseNo, Terms terms, List<Party> parties, Optional<Property> property,
		List<CreditReport> creditReports, Optional<TitleCheck> titleCheck, List<Review> reviews,
		Optional<Decision> decision, Optional<Approval> approval, List<Signature> signatures, Optional<Contract> contract,
		Optional<Mortgage> mortgage, Optional<Disbursement> disbursement, Optional<Iou> iou) {

	public Optional<Party> borrower() {
		return this.parties.stream().filter(p -> p.role() == Role.BORROWER).findFirst();
	}

	public Optional<Party> coBorrower() {
		return this.parties.stream().filter(p -> p.role() == Role.CO_BORROWER).findFirst();
	}

	/** An applicant's role. */
	public enum Role {

		/** 借款人. */
		BORROWER,
		/** 共同借款人. */
		CO_BORROWER

	}

	/**
	 * The loan asked for.
	 * @param requestedAmount yuan
	 * @param termMonths months
	 * @param repaymentMethod how it is repaid
	 * @param firstHome 首套
	 * @param cityCode whose policy applies
	 * @param projectName for a new house: the development
	 * @param unitNo for a new house: the unit
	 * @param repaymentAccount 还款账户, once named
	 */
	public record Terms(BigDecimal requestedAmount, int termMonths, Optional<RepaymentMethod> repaymentMethod,
			Optional<Boolean> firstHome, Optional<String> cityCode, Optional<String> projectName, Optional<String> unitNo,
			Optional<RepaymentAccount> repaymentAccount) {
	}

	/**
	 * 还款账户: the borrower's own account the trustee bank debits each month.
	 * @param bank the bank and branch
	 * @param accountNo the account number
	 */
	@Schema(name = "LoanRepaymentAccount")
	public record RepaymentAccount(String bank, String accountNo) {
	}

	/**
	 * An applicant.
	 * @param role borrower or co-borrower
	 * @param name the name
	 * @param idNumber the full resident ID number
	 * @param male from the ID number
	 * @param birthDate from the ID number
	 * @param femaleCadre on the women's 55 retirement track
	 * @param maritalStatus 婚姻状况
	 * @param monthlyIncome 月收入
	 * @param phone the phone, if given
	 * @param fundAccount the fund account as read at assessment
	 */
	public record Party(Role role, String name, String idNumber, boolean male, LocalDate birthDate, boolean femaleCadre,
			MaritalStatus maritalStatus, BigDecimal monthlyIncome, Optional<String> phone,
			Optional<FundAccountSnapshot> fundAccount) {
	}

	/**
	 * A fund account as the account system reported it when the case was assessed.
	 * @param accountNo 个人账号
	 * @param status 账户状态
	 * @param balance 余额
	 * @param continuousMonths 连续正常缴存月数
	 * @param monthlyDeposit 月缴存额
	 * @param outstandingLoan a fund loan is being repaid
	 * @param readAt when it was read
	 */
	public record FundAccountSnapshot(String accountNo, String status, BigDecimal balance, int continuousMonths,
			BigDecimal monthlyDeposit, boolean outstandingLoan, OffsetDateTime readAt) {
	}

	/**
	 * The house bought and its seller.
	 * @param certificateNo 不动产权证书号
	 * @param address 坐落 (from the registry)
	 * @param floorArea 建筑面积 (from the registry)
	 * @param buildYear year of construction (from the registry)
	 * @param contractPrice 合同价
	 * @param assessedPrice 评估价
	 * @param sellerName the seller
	 * @param sellerIdNumber the seller's ID number
	 * @param sellerBank the seller's bank
	 * @param sellerAccountNo the seller's account
	 * @param sellerAccountName its holder
	 */
	@Schema(name = "LoanProperty")
	public record Property(String certificateNo, String address, BigDecimal floorArea, int buildYear,
			BigDecimal contractPrice, BigDecimal assessedPrice, String sellerName, String sellerIdNumber, String sellerBank,
			String sellerAccountNo, String sellerAccountName) {
	}

	/**
	 * A credit report's gist.
	 * @param role whose
	 * @param reportNo the bureau's number
	 * @param overdueLast24Months overdue repayments in two years
	 * @param currentlyOverdue anything overdue now
	 * @param existingMonthlyDebt monthly repayments already owed
	 * @param reportedAt when
	 */
	public record CreditReport(Role role, String reportNo, int overdueLast24Months, boolean currentlyOverdue,
			BigDecimal existingMonthlyDebt, OffsetDateTime reportedAt) {
	}

	/**
	 * The registry's answer.
	 * @param registryRef its reference
	 * @param ownerNames 权利人
	 * @param sealed 查封
	 * @param mortgaged an existing mortgage
	 * @param ownerMatches the seller is a registered owner
	 * @param checkedAt when
	 */
	public record TitleCheck(String registryRef, String ownerNames, boolean sealed, boolean mortgaged,
			boolean ownerMatches, OffsetDateTime checkedAt) {
	}

	/**
	 * An opinion on file.
	 * @param stage CREDIT, TITLE, GUARANTEE, FIRST_REVIEW or APPROVAL
	 * @param outcome APPROVE, REJECT, PASS or RETURN
	 * @param opinion the words
	 * @param reviewer who
	 * @param reviewedAt when
	 */
	@Schema(name = "LoanReview")
	public record Review(String stage, String outcome, String opinion, String reviewer, OffsetDateTime reviewedAt) {
	}

	/**
	 * Eligibility and limit.
	 * @param decidedAt when
	 * @param policyId the city policy version used
	 * @param rateEffectiveFrom the rate table used
	 * @param annualRate the rate, percent
	 * @param eligible whether every rule is met
	 * @param reasons each rule not met, in words
	 * @param limits each limit, its amount and formula
	 * @param bindingLimit the kind of the lowest limit
	 * @param approvableAmount the lowest limit, rounded down
	 * @param grantedAmount what can be granted of the amount asked for
	 * @param explanation the sentence a clerk reads out
	 */
	public record Decision(OffsetDateTime decidedAt, String policyId, LocalDate rateEffectiveFrom, BigDecimal annualRate,
			boolean eligible, List<Reason> reasons, List<LimitLine> limits, String bindingLimit, BigDecimal approvableAmount,
			BigDecimal grantedAmount, String explanation) {

		/** Each rule not met, in words, one after the other ({@link Reason#inWords}). */
		public String reasonsInWords() {
			return Reason.inWords(this.reasons);
		}

	}

	/**
	 * A rule not met.
	 * @param rule the rule's code
	 * @param reason why, in words
	 */
	public record Reason(String rule, String reason) {

		/** The reasons in words, one after the other: {@code 房龄与贷款期限之和 50 年，超过本市上限 40 年；…}. */
		public static String inWords(List<Reason> reasons) {
			return String.join("；", reasons.stream().map(Reason::reason).toList());
		}

	}

	/**
	 * One limit.
	 * @param kind CAP, PRICE, BALANCE or REPAYMENT_CAPACITY
	 * @param label its Chinese name
	 * @param amount yuan
	 * @param formula how it was computed
	 */
	public record LimitLine(String kind, String label, BigDecimal amount, String formula) {
	}

	/**
	 * What was approved.
	 * @param approvedAmount yuan
	 * @param termMonths months
	 * @param repaymentMethod how it is repaid
	 * @param annualRate percent
	 * @param approvedBy the approver
	 * @param approvedAt when
	 */
	public record Approval(BigDecimal approvedAmount, int termMonths, RepaymentMethod repaymentMethod,
			BigDecimal annualRate, String approvedBy, OffsetDateTime approvedAt) {
	}

	/**
	 * A party's signature.
	 * @param party BORROWER, CO_BORROWER, FUND_CENTRE, BANK or GUARANTOR
	 * @param signedBy the officer who signed or witnessed
	 * @param signedAt when
	 */
	public record Signature(String party, String signedBy, OffsetDateTime signedAt) {
	}

	/**
	 * The contract.
	 * @param contractNo 借款合同编号
	 * @param signedAt when the last party signed
	 */
	public record Contract(String contractNo, OffsetDateTime signedAt) {
	}

	/**
	 * The mortgage.
	 * @param certificateNo 不动产登记证明号
	 * @param registeredBy the registry clerk
	 * @param registeredAt when
	 */
	public record Mortgage(String certificateNo, String registeredBy, OffsetDateTime registeredAt) {
	}

	/**
	 * The payment.
	 * @param orderId the hall's payment order
	 * @param amount yuan
	 * @param payeeName the seller
	 * @param payeeBank the seller's bank
	 * @param payeeAccountNo the seller's account
	 * @param bankReference the bank's reference
	 * @param disbursedAt when
	 */
	public record Disbursement(String orderId, BigDecimal amount, String payeeName, String payeeBank,
			String payeeAccountNo, String bankReference, OffsetDateTime disbursedAt) {
	}

	/**
	 * The IOU.
	 * @param iouNo 借据编号
	 * @param amount yuan
	 * @param issuedAt when
	 */
	public record Iou(String iouNo, BigDecimal amount, OffsetDateTime issuedAt) {
	}

	/**
	 * 购房一件事: a fund withdrawal paid toward the down payment by the bundle's withdrawal part, before the assessment.
	 * @param amount what was paid to the borrower's card
	 * @param paidUnder the withdrawal part's number ({@code YS…-2})
	 */
	public record DownPaymentWithdrawal(BigDecimal amount, String paidUnder) {
	}

	/**
	 * What a loan came to, as its completion receipt prints it: a narrow read of five tables of the aggregate.
	 * @param approval 审批
	 * @param contract 借款合同
	 * @param iou 借据
	 * @param disbursement 放款
	 * @param mortgage 抵押登记
	 */
	public record Outcome(Optional<Approval> approval, Optional<Contract> contract, Optional<Iou> iou,
			Optional<Disbursement> disbursement, Optional<Mortgage> mortgage) {
	}

}
