package cn.example.servicehall.workbench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.example.servicehall.intake.Visit;

/**
 * The case page's forms that have no API request of the same shape: acceptance against the checklist shown (the API
 * takes a map of every material) and the check-in of a visit. The services' steps bind to their API's records.
 */
final class StepForms {

	private StepForms() {
	}

	/** 受理: every material on the checklist shown to the clerk, ticked when provided. */
	static class Acceptance {

		/** The step the form does (hidden field): which part of the case, when it has several. */
		private String task;

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

		public String getTask() {
			return this.task;
		}

		public void setTask(String task) {
			this.task = task;
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

}
