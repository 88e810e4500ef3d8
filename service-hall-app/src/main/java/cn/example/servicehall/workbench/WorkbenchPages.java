package cn.example.servicehall.workbench;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.DefaultMessageCodesResolver;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.identity.CurrentOfficers;
import cn.example.servicehall.platform.web.DatabaseUnavailable;
import cn.example.servicehall.platform.web.DoneConcurrently;
import cn.example.servicehall.platform.web.ProblemException;

/**
 * What every workbench page shares: the signed-in officer for the header, forms whose text is trimmed (an empty
 * field is no value) and whose conversion errors read {@code workbench.error.typeMismatch.*}, and refusals shown as
 * a page, never as a stack trace or as the API's JSON. Ordered before the API's problem-details advice, which
 * would otherwise answer these pages in JSON.
 */
@ControllerAdvice(assignableTypes = { WorkbenchController.class, ResaleApplicationController.class,
		CasePageController.class, CalculatorController.class, CalendarPageController.class, DashboardController.class,
		WithdrawalFormController.class, WithdrawalPageController.class, DeveloperPageController.class,
		SalesOfficePageController.class, SalesOfficeSigningPageController.class, BundlePageController.class,
		BundleFormController.class, AuditPageController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class WorkbenchPages {

	static final String PROBLEM_VIEW = "workbench/problem";

	private static final Logger log = LoggerFactory.getLogger(WorkbenchPages.class);

	private final CurrentOfficers officers;

	WorkbenchPages(CurrentOfficers officers) {
		this.officers = officers;
	}

	@ModelAttribute("officer")
	CurrentOfficer officer(CurrentOfficer officer) {
		return officer;
	}

	@InitBinder
	void forms(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
		DefaultMessageCodesResolver codes = new DefaultMessageCodesResolver();
		codes.setPrefix("workbench.error.");
		binder.setMessageCodesResolver(codes);
	}

	/**
	 * A refusal the officer can act on (the domain's words: the case does not exist, the step is another post's),
	 * one of Spring's own (a wrong method or parameter), or a failure with a reference to quote.
	 */
	@ExceptionHandler(Exception.class)
	String refused(Exception ex, Model model, HttpServletResponse response) {
		this.officers.current().ifPresent(officer -> model.addAttribute("officer", officer));
		int status;
		if (ex instanceof ErrorResponse refusal) {
			status = refusal.getStatusCode().value();
			model.addAttribute("detail", ex instanceof ProblemException ? refusal.getBody().getDetail() : null);
		}
		else if (DoneConcurrently.isRace(ex)) {
			// the same step done at once from two counters: the first was kept
			status = HttpStatus.CONFLICT.value();
			model.addAttribute("detail", new DoneConcurrently().getBody().getDetail());
		}
		else if (DatabaseUnavailable.isCause(ex)) {
			// the database restarted or failed over: the clerk tries again in a few seconds
			status = HttpStatus.SERVICE_UNAVAILABLE.value();
			response.setHeader("Retry-After", Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
			model.addAttribute("detail", new DatabaseUnavailable().getBody().getDetail());
		}
		else if (ex instanceof org.springframework.security.web.firewall.RequestRejectedException
				|| ex instanceof org.springframework.web.multipart.MultipartException
				|| ex instanceof org.apache.tomcat.util.http.fileupload.InvalidFileNameException) {
			// a header or a body no page can read: the browser's or the client's mistake
			status = HttpStatus.BAD_REQUEST.value();
		}
		else if (ex instanceof org.springframework.beans.TypeMismatchException) {
			// a part of the address that is not what it should be (a year that is not a number): a wrong address
			status = HttpStatus.BAD_REQUEST.value();
		}
		else {
			status = HttpStatus.INTERNAL_SERVER_ERROR.value();
			String reference = UUID.randomUUID().toString().substring(0, 8);
			log.error("Unexpected failure on a workbench page, reference {}", reference, ex);
			model.addAttribute("reference", reference);
		}
		response.setStatus(status);
		model.addAttribute("status", status);
		return PROBLEM_VIEW;
	}

}
