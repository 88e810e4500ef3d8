package cn.example.servicehall.workbench;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.intake.CaseFile;
import cn.example.servicehall.intake.CasePart;
import cn.example.servicehall.intake.MissingMaterialsNotified.Material;
import cn.example.servicehall.intake.ServiceType;
import cn.example.servicehall.platform.web.ProblemException;
import cn.example.servicehall.withdrawal.OffsetAgreementTermination;
import cn.example.servicehall.withdrawal.WithdrawalOpinion;
import cn.example.servicehall.withdrawal.Withdrawals;
import cn.example.servicehall.workflow.TaskInbox.OpenTask;

/**
 * The withdrawals' share of the case page: the type, the card, the claim, the rules' decision, the reviewers'
 * opinions, the booking and the transfer, and the text messages sent; the forms of 提取审核 ({@code withdrawal/review})
 * and 提取复核 ({@code withdrawal/approve}), whose posts are {@link WithdrawalPageController}'s. A withdrawal is
 * accepted when it is submitted: it has no acceptance step here.
 */
@Component
class WithdrawalPages implements ServicePages {

	static final String TEMPLATE = "workbench/withdrawal";

	static final String REVIEW_FORM = "withdrawalReview";

	static final String APPROVAL_FORM = "withdrawalApproval";

	/** The counter's form that ends a standing monthly repayment offset. */
	static final String OFFSET_END_FORM = "offsetAgreementTermination";

	private final Withdrawals withdrawals;

	WithdrawalPages(Withdrawals withdrawals) {
		this.withdrawals = withdrawals;
	}

	@Override
	public String formKeyPrefix() {
		return "withdrawal/";
	}

	@Override
	public boolean shows(ServiceType service) {
		return ServiceType.WITHDRAWAL.equals(service);
	}

	@Override
	public Optional<StepForm> form(OpenTask task) {
		return Optional.ofNullable(switch (task.formKey()) {
			case "withdrawal/review" ->
				new StepForm(task, "withdrawal-review", "withdrawal-review", REVIEW_FORM, TEMPLATE, "step");
			case "withdrawal/approve" ->
				new StepForm(task, "withdrawal-approval", "withdrawal-approval", APPROVAL_FORM, TEMPLATE, "step");
			default -> null;
		});
	}

	@Override
	public void fill(CaseFile file, CurrentOfficer officer, List<StepForm> steps, Model model) {
		model.addAttribute("withdrawalCase", this.withdrawals.view(file.caseNo(), officer).orElse(null));
		model.addAttribute("withdrawalMessages", this.withdrawals.messages(file.caseNo(), officer));
		for (StepForm step : steps) {
			CasePages.putIfAbsent(model, step.form(), WithdrawalOpinion.blank());
		}
		CasePages.putIfAbsent(model, OFFSET_END_FORM, OffsetAgreementTermination.blank());
	}

	@Override
	public Optional<String> sections() {
		return Optional.of(TEMPLATE);
	}

	@Override
	public List<Material> accept(CasePart part, CurrentOfficer clerk, Map<String, Boolean> provided, String remark) {
		// checked at the counter before submission, and accepted with it
		throw ProblemException.refusal(HttpStatus.CONFLICT, "no-steps", "problem.workbench.no-steps", part.caseNo(),
				part.serviceType());
	}

}
