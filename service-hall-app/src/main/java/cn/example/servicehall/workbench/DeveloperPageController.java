package cn.example.servicehall.workbench;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.example.servicehall.developer.DeveloperCompany;
import cn.example.servicehall.developer.DeveloperProject;
import cn.example.servicehall.developer.DeveloperRequests;
import cn.example.servicehall.developer.Developers;
import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.platform.web.ProblemException;

/**
 * 开发企业管理 for the fund centre: the registered developer companies; a company's name and status (suspend,
 * reinstate), its projects with pre-sale permit and escrow account, and its agents. Hall managers change them, system
 * administrators read. Each form is checked by the same rules as the API ({@link DeveloperRequests}); a refusal shows
 * the form again with what was typed and the reasons, and nothing is saved.
 */
@Controller
@RequestMapping("/admin/developers")
class DeveloperPageController {

	static final String VIEW = "workbench/developers";

	private final Developers developers;

	private final Validator validator;

	private final MessageSource messages;

	DeveloperPageController(Developers developers, Validator validator, MessageSource messages) {
		this.developers = developers;
		this.validator = validator;
		this.messages = messages;
	}

	/** Who sees the page: hall managers, who change developers, and system administrators, who read. */
	static boolean mayOpen(CurrentOfficer officer) {
		return officer != null && (officer.isIn(Groups.HALL_MANAGER) || officer.isIn(Groups.SYSTEM_ADMIN));
	}

	@GetMapping
	String list(CurrentOfficer officer, Model model, HttpServletResponse response) {
		if (!mayOpen(officer)) {
			return forbidden(model, response, "workbench.developers.managers-only");
		}
		return show(officer, model, null, Map.of(), List.of());
	}

	@GetMapping("/{uscc}")
	String company(@PathVariable String uscc, @RequestParam(required = false) String project, CurrentOfficer officer,
			Model model, HttpServletResponse response) {
		if (!mayOpen(officer)) {
			return forbidden(model, response, "workbench.developers.managers-only");
		}
		DeveloperCompany company = this.developers.company(uscc);
		Map<String, String> form = new LinkedHashMap<>();
		company.projects()
			.stream()
			.filter(p -> p.code().equalsIgnoreCase(project))
			.findFirst()
			.ifPresent(p -> form.putAll(projectForm(p)));
		return show(officer, model, company, form, List.of());
	}

	@PostMapping
	String register(@RequestParam Map<String, String> form, CurrentOfficer officer, Model model, RedirectAttributes flash,
			HttpServletResponse response) {
		if (!Developers.mayAdminister(officer)) {
			return forbidden(model, response, "workbench.developers.managers-only");
		}
		DeveloperRequests.NewCompany request = new DeveloperRequests.NewCompany(form.get("uscc"), form.get("name"));
		return save(request, () -> this.developers.register(request, officer), null, form, officer, model, flash, response,
				"workbench.flash.developer-registered");
	}

	@PostMapping("/{uscc}")
	String change(@PathVariable String uscc, @RequestParam Map<String, String> form, CurrentOfficer officer, Model model,
			RedirectAttributes flash, HttpServletResponse response) {
		if (!Developers.mayAdminister(officer)) {
			return forbidden(model, response, "workbench.developers.managers-only");
		}
		DeveloperCompany company = this.developers.company(uscc);
		DeveloperRequests.CompanyChange request = new DeveloperRequests.CompanyChange(form.get("name"),
				enumOf(DeveloperCompany.Status.class, form.get("status")));
		return save(request, () -> this.developers.change(company.uscc(), request, officer), company, Map.of(), officer,
				model, flash, response, "workbench.flash.developer-changed");
	}

	@PostMapping("/{uscc}/projects")
	String saveProject(@PathVariable String uscc, @RequestParam Map<String, String> form, CurrentOfficer officer,
			Model model, RedirectAttributes flash, HttpServletResponse response) {
		if (!Developers.mayAdminister(officer)) {
			return forbidden(model, response, "workbench.developers.managers-only");
		}
		DeveloperCompany company = this.developers.company(uscc);
		List<String> problems = new ArrayList<>();
		DeveloperRequests.Project request = new DeveloperRequests.Project(form.get("code"), form.get("projectName"),
				form.get("district"), form.get("address"), form.get("presalePermitNo"),
				date(form.get("permitIssuedOn"), "workbench.developers.project.issued", problems),
				date(form.get("permitValidUntil"), "workbench.developers.project.valid-until", problems),
				enumOf(DeveloperProject.Status.class, form.get("projectStatus")), form.get("escrowBank"),
				form.get("escrowAccountNo"), form.get("escrowAccountName"));
		if (!problems.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return show(officer, model, company, form, problems);
		}
		return save(request, () -> this.developers.saveProject(company.uscc(), request, officer), company, form, officer,
				model, flash, response, "workbench.flash.project-saved");
	}

	@PostMapping("/{uscc}/agents")
	String addAgent(@PathVariable String uscc, @RequestParam Map<String, String> form, CurrentOfficer officer,
			Model model, RedirectAttributes flash, HttpServletResponse response) {
		if (!Developers.mayAdminister(officer)) {
			return forbidden(model, response, "workbench.developers.managers-only");
		}
		DeveloperCompany company = this.developers.company(uscc);
		DeveloperRequests.Agent request = new DeveloperRequests.Agent(form.get("username"));
		return save(request, () -> this.developers.addAgent(company.uscc(), request.username(), officer), company, form,
				officer, model, flash, response, "workbench.flash.agent-added");
	}

	@PostMapping("/{uscc}/agents/{username}/removal")
	String removeAgent(@PathVariable String uscc, @PathVariable String username, CurrentOfficer officer, Model model,
			RedirectAttributes flash, HttpServletResponse response) {
		if (!Developers.mayAdminister(officer)) {
			return forbidden(model, response, "workbench.developers.managers-only");
		}
		DeveloperCompany company = this.developers.removeAgent(uscc, username, officer);
		Flash.done(flash, "workbench.flash.agent-removed", username, company.name());
		return "redirect:/admin/developers/" + company.uscc();
	}

	/** Checks the request by the API's rules, then saves it; a refusal shows the form again with the reasons. */
	private String save(Object request, Supplier<DeveloperCompany> work, DeveloperCompany company,
			Map<String, String> form, CurrentOfficer officer, Model model, RedirectAttributes flash,
			HttpServletResponse response, String doneKey) {
		List<String> problems = new ArrayList<>();
		for (ConstraintViolation<Object> violation : this.validator.validate(request)) {
			problems.add(violation.getMessage());
		}
		if (problems.isEmpty()) {
			try {
				DeveloperCompany saved = work.get();
				Flash.done(flash, doneKey, saved.name());
				return "redirect:/admin/developers/" + saved.uscc();
			}
			catch (ProblemException ex) {
				problems.add(ex.getBody().getDetail());
				response.setStatus(ex.getStatusCode().value());
			}
		}
		else {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		return show(officer, model, company, form, problems.stream().sorted().toList());
	}

	private String show(CurrentOfficer officer, Model model, DeveloperCompany company, Map<String, String> form,
			List<String> problems) {
		model.addAttribute("companies", this.developers.companies());
		model.addAttribute("company", company);
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		model.addAttribute("canEdit", Developers.mayAdminister(officer));
		return VIEW;
	}

	private static Map<String, String> projectForm(DeveloperProject project) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("code", project.code());
		form.put("projectName", project.name());
		form.put("district", project.district());
		form.put("address", project.address());
		form.put("presalePermitNo", project.presalePermitNo());
		form.put("permitIssuedOn", project.permitIssuedOn().toString());
		form.put("permitValidUntil", project.permitValidUntil().toString());
		form.put("projectStatus", project.status().name());
		form.put("escrowBank", project.escrow().bank());
		form.put("escrowAccountNo", project.escrow().accountNo());
		form.put("escrowAccountName", project.escrow().accountName());
		return form;
	}

	private LocalDate date(String value, String labelKey, List<String> problems) {
		if (value == null || value.isBlank()) {
			return null; // the request's @NotNull says so
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			problems.add(this.messages.getMessage("workbench.developers.date-format",
					new Object[] { this.messages.getMessage(labelKey, null, LocaleContextHolder.getLocale()) },
					LocaleContextHolder.getLocale()));
			return null;
		}
	}

	private static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
		return Optional.ofNullable(value)
			.filter(v -> !v.isBlank())
			.flatMap(v -> java.util.Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(v)).findFirst())
			.orElse(null);
	}

	private static String forbidden(Model model, HttpServletResponse response, String detailKey) {
		response.setStatus(HttpStatus.FORBIDDEN.value());
		model.addAttribute("status", HttpStatus.FORBIDDEN.value());
		model.addAttribute("detailKey", detailKey);
		return WorkbenchPages.PROBLEM_VIEW;
	}

}
