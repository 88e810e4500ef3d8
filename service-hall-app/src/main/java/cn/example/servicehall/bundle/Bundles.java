package cn.example.servicehall.bundle;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.example.servicehall.agencies.AgencyUnavailable;
import cn.example.servicehall.agencies.LoanServicing;
import cn.example.servicehall.calendar.CalendarYearMissing;
import cn.example.servicehall.calendar.WorkingCalendar;
import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.intake.CaseFiles;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.intake.CasePart;
import cn.example.servicehall.intake.CaseStatus;
import cn.example.servicehall.intake.Channel;
import cn.example.servicehall.intake.NewCase;
import cn.example.servicehall.intake.ResidentIdNumber;
import cn.example.servicehall.intake.ServiceType;
import cn.example.servicehall.platform.web.ProblemException;
import cn.example.servicehall.platform.web.Problems;
import cn.example.servicehall.withdrawal.WithdrawalApplication;
import cn.example.servicehall.withdrawal.WithdrawalType;
import cn.example.servicehall.withdrawal.Withdrawals;
import cn.example.servicehall.workflow.CaseTasks;
import cn.example.servicehall.workflow.TaskNotOpen;

/**
 * 一件事一次办 at the counter (ADR 0009): one form, one case number, one acceptance against the merged checklist, the
 * parts that apply registered under the case at once (so the acceptance receipt lists them with their numbers), each
 * part's service given its own record, and the bundle's parent process started, which calls the services' own models.
 */
@Service
public class Bundles {

	private final BundleCatalogue catalogue;

	private final BundleRecords records;

	private final CaseFiles cases;

	private final Withdrawals withdrawals;

	private final LoanServicing loans;

	private final cn.example.servicehall.loan.LoanApplications loanApplications;


	private final RuntimeService runtime;

	private final CaseTasks tasks;

	private final Clock clock;

	private final WorkingCalendar calendar;

	private final ResaleSales sales;

	Bundles(BundleCatalogue catalogue, BundleRecords records, CaseFiles cases, Withdrawals withdrawals,
			LoanServicing loans, cn.example.servicehall.loan.LoanApplications loanApplications,
			RuntimeService runtime, CaseTasks tasks,
			Clock clock, WorkingCalendar calendar, ResaleSales sales) {
		this.sales = sales;
		this.loanApplications = loanApplications;
		this.calendar = calendar;
		this.catalogue = catalogue;
		this.records = records;
		this.cases = cases;
		this.withdrawals = withdrawals;
		this.loans = loans;
		this.runtime = runtime;
		this.tasks = tasks;
		this.clock = clock;
	}

	/**
	 * 受理: the clerk checked every material of the merged checklist; the case is opened and accepted, its parts
	 * registered and the bundle's process started. Refused in words, with nothing written, when the bundle is not open
	 * yet, a material is not checked, or a part's service would refuse its application.
	 */
	@Transactional
	public CaseNo submit(String code, BundleApplication application, CurrentOfficer officer) {
		Bundle bundle = this.catalogue.find(code)
			.orElseThrow(() -> ProblemException.refusal(HttpStatus.NOT_FOUND, "bundle-not-found",
					"problem.bundle.not-found", Problems.shown(code)));
		if (!bundle.available()) {
			throw ProblemException.refusal(HttpStatus.UNPROCESSABLE_ENTITY, "bundle-coming", "problem.bundle.coming",
					bundle.name());
		}
		if (!officer.isIn(Groups.HPF_ACCEPTANCE_CLERK)) {
			throw ProblemException.refusal(HttpStatus.FORBIDDEN, "wrong-post", "problem.bundle.who-submits");
		}
		if (bundle.parts().stream().anyMatch(part -> ServiceType.WITHDRAWAL.name().equals(part.service()))
				&& application.bankCard() == null) {
			throw ProblemException.refusal(HttpStatus.BAD_REQUEST, "card-missing", "problem.bundle.card-missing");
		}
		ResidentIdNumber id = new ResidentIdNumber(application.applicant().idNumber().strip());
		Optional<LoanServicing.HousingLoan> fundLoan = fundLoanOf(id);
		Map<String, Boolean> conditions = Map.of("has-fund-loan", fundLoan.isPresent());
		Map<String, Boolean> materials = checkedMaterials(bundle, application, conditions);
		boolean hasLoanPart = bundle.parts().stream().anyMatch(part -> ServiceType.RESALE_LOAN.name().equals(part.service()));
		if (hasLoanPart && application.loan() == null) {
			throw ProblemException.refusal(HttpStatus.BAD_REQUEST, "loan-section-missing",
					"problem.bundle.loan-section-missing", bundle.name());
		}
		if (ResaleSales.BUNDLE.equals(bundle.code())) {
			refuseUnlessSaleIsWhole(application);
		}

		CaseNo caseNo = this.cases.open(new NewCase(ServiceType.BUNDLE, Channel.WINDOW,
				application.applicant().name().strip(), id, Optional.empty(), Optional.of(bundle.code())), officer.id());
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		this.records.insertCase(caseNo, bundle.code(), application.applicant().phone(), conditions.get("has-fund-loan"),
				now, dueAt(now, bundle));
		if (ResaleSales.BUNDLE.equals(bundle.code())) {
			this.sales.accept(caseNo, application.sale(), application.loan());
		}
		Map<String, Object> variables = new HashMap<>();
		variables.put("caseNo", caseNo.value());
		conditions.forEach((condition, holds) -> variables.put(camel(condition), holds));
		for (Bundle.Part part : bundle.parts()) {
			if (!applies(part, conditions)) {
				continue;
			}
			CasePart added = this.cases.addPart(caseNo, ServiceType.valueOf(part.service()), Optional.of(1));
			this.records.insertPart(caseNo, added.partNo(), part.key());
			variables.put(camel(part.key()) + "PartNo", added.partNo());
			if (ServiceType.WITHDRAWAL.name().equals(part.service())) {
				this.withdrawals.acceptInBundle(added.ref(), withdrawalOf(part, application, materials,
						fundLoan.map(LoanServicing.HousingLoan::contractNo)));
			}
			if (ServiceType.RESALE_LOAN.name().equals(part.service())) {
				this.loanApplications.acceptInBundle(caseNo, application.loan().application(application.applicant()),
						part.ownAnswers(materials), officer);
			}
		}
		this.cases.recordMaterialCheck(caseNo, materials, officer.id());
		this.cases.accept(caseNo, officer.id(), null);
		String processKey = bundle.process().orElseThrow();
		this.cases.attachProcess(caseNo, this.tasks.asOfficer(officer,
				() -> this.runtime.startProcessInstanceByKey(processKey, caseNo.value(), variables).getId()));
		return caseNo;
	}

	/** The clerk's steps after a refused part ({@code Task_DecideAfter…Refused}), in the bundles' models. */
	static final List<String> AFTER_REFUSAL_STEPS = List.of("Task_DecideAfterPayoffRefused",
			"Task_DecideAfterClosingRefused", "Task_DecideAfterWithdrawalRefused", "Task_DecideAfterLoanRefused");

	/**
	 * After a part was refused: the acceptance clerk records what the citizen chose, to go on with the other parts
	 * ({@link AfterRefusal#CONTINUE}) or to cancel the bundle ({@link AfterRefusal#CANCEL}, which says in the case's
	 * history what was done and cannot be undone).
	 */
	@Transactional
	public void decideAfterRefusal(CaseNo caseNo, AfterRefusal decision, String remark, CurrentOfficer clerk) {
		this.cases.getVisible(caseNo, clerk);
		CasePart bundle = this.cases.parts(caseNo)
			.stream()
			.filter(p -> p.partNo() == 1 && p.serviceType().equals(ServiceType.BUNDLE))
			.findFirst()
			.orElseThrow(() -> new TaskNotOpen(caseNo.value(), AFTER_REFUSAL));
		CaseTasks.OpenCaseTask step = null;
		for (String key : AFTER_REFUSAL_STEPS) {
			try {
				step = this.tasks.openTaskFor(bundle, key, AFTER_REFUSAL, clerk);
				break;
			}
			catch (TaskNotOpen notThere) {
				// the other part's step, if any
			}
		}
		if (step == null) {
			throw new TaskNotOpen(caseNo.value(), AFTER_REFUSAL);
		}
		this.cases.recordStep(caseNo, this.cases.get(caseNo).status(), "BUNDLE_AFTER_REFUSAL", clerk.id(),
				cn.example.servicehall.intake.Agency.HPF, step.name() + "：" + decision.words()
						+ (remark == null || remark.isBlank() ? "" : "（" + remark.strip() + "）"));
		this.tasks.complete(step, clerk, Map.of("afterRefusal", decision.name()));
	}

	private static final String AFTER_REFUSAL = "事项不予办理的处理";

	/** What the citizen chose after a part was refused. */
	public enum AfterRefusal {

		/** 继续办理其余事项. */
		CONTINUE("申请人选择继续办理其余事项"),

		/** 撤销一件事. */
		CANCEL("申请人选择撤销一件事");

		private final String words;

		AfterRefusal(String words) {
			this.words = words;
		}

		String words() {
			return this.words;
		}

	}

	/**
	 * {@code Task_CountWithdrawalInLoan} (购房一件事): the withdrawal part paid toward the down payment; the loan part
	 * counts it in its assessment ({@code loan.LoanApplications.countDownPaymentWithdrawal}), naming the part's number.
	 */
	@Transactional
	public void countWithdrawalInLoan(CaseNo caseNo) {
		CasePart withdrawal = this.cases.parts(caseNo)
			.stream()
			.filter(part -> ServiceType.WITHDRAWAL.equals(part.serviceType()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No withdrawal part in " + caseNo));
		var paid = this.withdrawals.payment(withdrawal.ref())
			.orElseThrow(() -> new IllegalStateException("No withdrawal paid in " + withdrawal.label()));
		this.loanApplications.countDownPaymentWithdrawal(caseNo, paid.amount(), withdrawal.label());
	}

	/** {@code Task_CompleteBundle}: 一件事办结, whatever each part's outcome (the completion receipt lists them). */
	@Transactional
	public void complete(CaseNo caseNo) {
		this.cases.close(caseNo, CaseStatus.COMPLETED, List.of(), null, cn.example.servicehall.intake.Agency.HPF);
	}

	/** {@code Task_CancelBundle}: 撤销, naming each part that was done and cannot be undone. */
	@Transactional
	public void cancel(CaseNo caseNo) {
		List<String> reasons = new ArrayList<>();
		reasons.add("申请人选择撤销一件事");
		this.cases.parts(caseNo)
			.stream()
			.filter(part -> part.serviceType().equals(ServiceType.WITHDRAWAL))
			.forEach(part -> this.withdrawals.payment(part.ref())
				.ifPresent(paid -> reasons.add(part.label() + " 已办结、无法撤回："
						+ paid.paidToLoan().map(loan -> "已以公积金结清贷款 " + loan).orElse("提取款项已转入申请人银行卡")
						+ (paid.closedAccount() ? "，公积金账户已销户" : ""))));
		reasons.addAll(this.sales.cancellation(caseNo));
		this.cases.close(caseNo, CaseStatus.CANCELLED, reasons, null, cn.example.servicehall.intake.Agency.HPF);
	}

	/**
	 * 二手房买卖+公积金贷款 needs the sale section (the flat's address and area, the family's homes) and a seller who is
	 * not the buyer; refused in words otherwise, before anything is written.
	 */
	private static void refuseUnlessSaleIsWhole(BundleApplication application) {
		if (application.sale() == null) {
			throw ProblemException.refusal(HttpStatus.BAD_REQUEST, "sale-missing", "problem.bundle.sale-missing");
		}
		if (application.loan().property().seller().idNumber().strip()
			.equalsIgnoreCase(application.applicant().idNumber().strip())) {
			throw ProblemException.refusal(HttpStatus.UNPROCESSABLE_ENTITY, "seller-is-buyer",
					"problem.bundle.seller-is-buyer");
		}
	}

	/** The bundle's deadline: its time limit in working days from acceptance; none while the calendar lacks the year. */
	private OffsetDateTime dueAt(OffsetDateTime acceptedAt, Bundle bundle) {
		try {
			return this.calendar.dueAfterWorkingDays(acceptedAt.toInstant(), bundle.timeLimitWorkingDays())
				.toOffsetDateTime();
		}
		catch (CalendarYearMissing missing) {
			this.calendar.warnMissing(missing);
			return null;
		}
	}

	private Optional<LoanServicing.HousingLoan> fundLoanOf(ResidentIdNumber id) {
		LocalDate today = LocalDate.now(this.clock);
		try {
			return this.loans.loansOf(id.value(), today, today)
				.stream()
				.filter(loan -> loan.kind() == LoanServicing.LoanKind.FUND)
				.filter(loan -> loan.outstandingPrincipal().signum() > 0)
				.findFirst();
		}
		catch (AgencyUnavailable ex) {
			throw ProblemException.refusal(HttpStatus.SERVICE_UNAVAILABLE, "agency-unavailable",
					"problem.bundle.agency-unavailable", ex.system());
		}
	}

	/** Whether the part is done for this citizen: it has no condition, or its condition holds. */
	private static boolean applies(Bundle.Part part, Map<String, Boolean> conditions) {
		return part.when().isEmpty() || conditions.getOrDefault(part.when().get(), false);
	}

	/**
	 * Every material of the merged checklist that a part done for this citizen needs, answered and shown; refused
	 * with the list of what is not. A part that does not apply (a fund loan's payoff for a depositor without one)
	 * asks for nothing.
	 */
	private static Map<String, Boolean> checkedMaterials(Bundle bundle, BundleApplication application,
			Map<String, Boolean> conditions) {
		java.util.Set<String> needed = new java.util.HashSet<>();
		bundle.parts().stream().filter(part -> applies(part, conditions)).forEach(part -> needed.addAll(part.materials()));
		Map<String, Boolean> answers = new LinkedHashMap<>();
		List<String> missing = new ArrayList<>();
		for (Bundle.Material material : bundle.materials()) {
			if (!needed.contains(material.code())) {
				continue;
			}
			boolean shown = Boolean.TRUE.equals(application.materials().get(material.code()));
			answers.put(material.code(), shown);
			if (!shown) {
				missing.add(material.name());
			}
		}
		if (!missing.isEmpty()) {
			throw ProblemException.refusal(HttpStatus.BAD_REQUEST, "materials-missing",
					"problem.bundle.materials-missing", String.join("、", missing));
		}
		return answers;
	}

	/**
	 * A withdrawal part's own application, from the one form: its type, the depositor, the card, its materials; a
	 * payoff names the fund loan it pays off.
	 */
	private static WithdrawalApplication withdrawalOf(Bundle.Part part, BundleApplication application,
			Map<String, Boolean> materials, Optional<String> fundLoan) {
		WithdrawalType type = WithdrawalType.valueOf(part.variant().orElseThrow());
		// a purchase withdrawal in a bundle with a loan pays the down payment of the loan's flat: price less the loan
		Optional<BundleApplication.Loan> purchase = Optional.ofNullable(application.loan()).filter(loan -> type.purchase());
		return new WithdrawalApplication(type, application.applicant(), null, application.bankCard(),
				new WithdrawalApplication.Claim(purchase.map(BundleApplication.Loan::withdrawalAmount).orElse(null),
						purchase.map(BundleApplication.Loan::home).orElse(null), null,
						type.payoff() ? fundLoan.orElse(null) : null, null, List.of(), null, null),
				part.ownAnswers(materials));
	}

	/** {@code loan-payoff} → {@code loanPayoff}: the part's or condition's name in the parent model's variables. */
	static String camel(String key) {
		StringBuilder out = new StringBuilder();
		boolean upper = false;
		for (char c : key.toCharArray()) {
			if (c == '-') {
				upper = true;
				continue;
			}
			out.append(upper ? Character.toUpperCase(c) : c);
			upper = false;
		}
		return out.toString();
	}

}
