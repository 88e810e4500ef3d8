package cn.example.servicehall.workbench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import cn.example.servicehall.intake.Visit;
import cn.example.servicehall.loan.ReviewOutcome;

/**
 * The forms of a case's steps on the case page, with the same rules and messages as the loan API's requests for the
 * same steps.
 */
final class StepForms {

	private StepForms() {
	}

	/** 受理: every material on the checklist shown to the clerk, ticked when provided. */
	static class Acceptance {

		/** Every material the page listed (hidden fields): each is answered, ticked or not. */
		private List<String> listed = new ArrayList<>();

		/** The materials ticked as provided. */
		private List<String> provided = new ArrayList<>();

		@Size(max = 500, message = "{loan.remark.length}")
		private String remark;

		/** Each listed material: provided or missing. */
		Map<String, Boolean> answers() {
			Map<String, Boolean> answers = new LinkedHashMap<>();
			this.listed.forEach(code -> answers.put(code, this.provided.contains(code)));
			return answers;
		}

		public List<String> getListed() {
			return this.listed;
		}

		public void setListed(List<String> listed) {
			this.listed = listed == null ? new ArrayList<>() : listed;
		}

		public List<String> getProvided() {
			return this.provided;
		}

		public void setProvided(List<String> provided) {
			this.provided = provided == null ? new ArrayList<>() : provided;
		}

		public String getRemark() {
			return this.remark;
		}

		public void setRemark(String remark) {
			this.remark = remark;
		}

	}

	/** 补正 (what the citizen brought). */
	static class Remark {

		@Size(max = 500, message = "{loan.remark.length}")
		private String remark;

		public String getRemark() {
			return this.remark;
		}

		public void setRemark(String remark) {
			this.remark = remark;
		}

	}

	/** 撤回 (why the applicant withdraws). */
	static class Withdrawal {

		@NotBlank(message = "{loan.withdrawal.reason.required}")
		@Size(max = 500, message = "{loan.remark.length}")
		private String reason;

		public String getReason() {
			return this.reason;
		}

		public void setReason(String reason) {
			this.reason = reason;
		}

	}

	/** An opinion: the agencies' reviews (同意/不同意) and the first review (通过/不通过/退回). */
	static class Review {

		@NotNull(message = "{loan.outcome.required}")
		private ReviewOutcome outcome;

		@NotBlank(message = "{loan.opinion.required}")
		@Size(max = 500, message = "{loan.remark.length}")
		private String opinion;

		public ReviewOutcome getOutcome() {
			return this.outcome;
		}

		public void setOutcome(ReviewOutcome outcome) {
			this.outcome = outcome;
		}

		public String getOpinion() {
			return this.opinion;
		}

		public void setOpinion(String opinion) {
			this.opinion = opinion;
		}

	}

	/** 审批: the outcome and, to approve, the amount (at most what the rules grant). */
	static class Approval extends Review {

		@Positive(message = "{loan.approved-amount.positive}")
		@Digits(integer = 10, fraction = 2, message = "{loan.approved-amount.digits}")
		@DecimalMax(value = "10000000.00", message = "{loan.approved-amount.max}")
		private BigDecimal approvedAmount;

		public BigDecimal getApprovedAmount() {
			return this.approvedAmount;
		}

		public void setApprovedAmount(BigDecimal approvedAmount) {
			this.approvedAmount = approvedAmount;
		}

	}

	/** 来访登记: why the citizen came to the counter, with the visits API's rule and message. */
	static class CheckIn {

		@NotNull(message = "{intake.visit.purpose.required}")
		private Visit.Purpose purpose;

		public Visit.Purpose getPurpose() {
			return this.purpose;
		}

		public void setPurpose(Visit.Purpose purpose) {
			this.purpose = purpose;
		}

	}

	/** 抵押登记: the number of the certificate of the mortgage (不动产登记证明号). */
	static class Mortgage {

		@NotBlank(message = "{loan.mortgage-certificate.required}")
		@Size(max = 60, message = "{loan.certificate.length}")
		@Pattern(regexp = "\\S.*\\S", message = "{loan.mortgage-certificate.required}")
		private String certificateNo;

		public String getCertificateNo() {
			return this.certificateNo;
		}

		public void setCertificateNo(String certificateNo) {
			this.certificateNo = certificateNo;
		}

	}

}
