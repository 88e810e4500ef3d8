package cn.example.servicehall.workbench;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.intake.CaseFile;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.intake.CasePart;
import cn.example.servicehall.intake.MissingMaterialsNotified.Material;
import cn.example.servicehall.intake.ServiceType;
import cn.example.servicehall.platform.web.ProblemException;
import cn.example.servicehall.workflow.TaskInbox.OpenTask;

/**
 * A service's share of the case page, registered as a bean: the forms of its steps, chosen by the prefix of the
 * steps' form keys in its models ({@code loan/}), the sections that show its own data, and the steps every case has
 * but each service does on its own process (受理, 补正, 撤回). The case page is the shell
 * ({@link CasePageController}): header, parts, timeline, documents, clocks and visits for every case.
 */
public interface ServicePages {

	/** The beginning of the form keys of the service's steps: {@code loan/}. */
	String formKeyPrefix();

	/** Whether these pages show cases (parts) of {@code service}. */
	boolean shows(ServiceType service);

	/**
	 * The form of one of the officer's open steps whose form key starts with {@link #formKeyPrefix()}; none for a
	 * step the page does not do.
	 */
	Optional<StepForm> form(OpenTask task);

	/**
	 * Puts the service's data and the forms of its open steps into the case page's model; a form already in it (shown
	 * again with its errors) is kept.
	 */
	default void fill(CaseFile file, CurrentOfficer officer, List<StepForm> steps, Model model) {
	}

	/** The template whose fragment {@code sections} shows the service's own data on the case page, if any. */
	default Optional<String> sections() {
		return Optional.empty();
	}

	/**
	 * 受理: the clerk checked every material of the part's checklist; all there accepts it.
	 * @param part the case's part the acceptance is for
	 * @param provided every material listed, provided or not
	 * @return what is missing (the one-time notice lists it); empty when the case was accepted
	 */
	List<Material> accept(CasePart part, CurrentOfficer clerk, Map<String, Boolean> provided, String remark);

	/** 补正: the citizen brought what the one-time notice listed. */
	default void supplementMaterials(CaseNo caseNo, CurrentOfficer clerk, String remark) {
		throw ProblemException.refusal(HttpStatus.CONFLICT, "not-awaiting-materials",
				"problem.workbench.not-awaiting-materials", caseNo);
	}

	/** 撤回: the applicant withdraws at the window. */
	default void withdraw(CaseNo caseNo, CurrentOfficer clerk, String reason) {
		throw ProblemException.refusal(HttpStatus.UNPROCESSABLE_ENTITY, "withdrawal-not-supported",
				"problem.workbench.withdrawal-not-supported", caseNo);
	}

}
