package cn.example.servicehall.loan;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.example.servicehall.agencies.AgencyUnavailable;
import cn.example.servicehall.agencies.HousingAuthority;
import cn.example.servicehall.developer.DeveloperCompany;
import cn.example.servicehall.developer.DeveloperProject;
import cn.example.servicehall.developer.Developers;
import cn.example.servicehall.agencies.FundAccountSystem;
import cn.example.servicehall.agencies.RealEstateRegistry;
import cn.example.servicehall.documents.PrintableText;
import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.intake.CaseFile;
import cn.example.servicehall.intake.CaseFiles;
import cn.example.servicehall.intake.CaseServices;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.intake.CaseStatus;
import cn.example.servicehall.intake.Channel;
import cn.example.servicehall.intake.MissingMaterialsNotified.Material;
import cn.example.servicehall.intake.NewCase;
import cn.example.servicehall.intake.ResidentIdNumber;
import cn.example.servicehall.intake.ServiceType;
import cn.example.servicehall.loan.LoanCase.Role;
import cn.example.servicehall.loan.LoanCollisions.Applicant;
import cn.example.servicehall.loan.LoanCollisions.Claims;
import cn.example.servicehall.loan.process.LoanWorkflow;
import cn.example.servicehall.platform.web.HallMessages;
import cn.example.servicehall.platform.web.ProblemException;
import cn.example.servicehall.workflow.CaseTasks.OpenCaseTask;

/**
 * 公积金贷款: applications, from the window (resale) or from a developer's sales office online (new house), through
 * acceptance against the material checklist, the citizen's return with missing materials, and withdrawal. The
 * later stages are {@link LoanReviews} and {@link LoanSettlements}.
 */
@Service
public class LoanApplications {

	private final CaseFiles cases;

	private final CaseServices services;

	private final LoanWorkflow workflow;

	private final LoanRecords records;

	private final RealEstateRegistry registry;

	private final FundAccountSystem fundAccounts;

	private final LoanCollisions collisions;

	private final Developers developers;

	private final HousingAuthority housingAuthority;

	private final PrintableText printable;

	private final String cityCode;

	private final jakarta.validation.Validator validator;

	LoanApplications(CaseFiles cases, CaseServices services, LoanWorkflow workflow, LoanRecords records, RealEstateRegistry registry,
			FundAccountSystem fundAccounts, LoanCollisions collisions, Developers developers,
			HousingAuthority housingAuthority, PrintableText printable, @Value("${servicehall.loan.city-code:JIAOZUO}") String cityCode,
			jakarta.validation.Validator validator) {
		this.validator = validator;
		this.cases = cases;
		this.services = services;
		this.workflow = workflow;
		this.records = records;
		this.registry = registry;
		this.fundAccounts = fundAccounts;
		this.collisions = collisions;
		this.developers = developers;
		this.housingAuthority = housingAuthority;
		this.printable = printable;
		this.cityCode = cityCode;
	}

	/**
	 * 窗口申请: opens a resale-loan case with both applicants, the property (as the registry has it) and the loan asked
	 * for, and starts the process; all or nothing. Refused when a name is not the fund account's of its ID number, and
	 * when another open or paid loan case names the borrower, the spouse or the flat ({@link LoanCollisions}).
	 */
	@Transactional
	public CaseNo submitAtWindow(SubmitResaleLoanApplication application, CurrentOfficer clerk) {
		if (!clerk.isIn(Groups.HPF_ACCEPTANCE_CLERK)) {
			throw ProblemException.refusal(HttpStatus.FORBIDDEN, "wrong-post", "problem.loan.window-applications");
		}
		RealEstateRegistry.Title title = checkResaleApplication(application, Optional.empty(), clerk,
				"申请未保存。如前案已不再办理，请先在前案中登记撤回，再重新提交。");
		SubmitResaleLoanApplication.Applicant borrower = application.borrower();
		CaseNo caseNo = this.cases.open(new NewCase(ServiceType.RESALE_LOAN, Channel.WINDOW, borrower.name().strip(),
				new ResidentIdNumber(borrower.idNumber().strip()), Optional.empty()), clerk.id());
		keepResaleApplication(caseNo, application, title);
		this.cases.attachProcess(caseNo, this.workflow.start(ServiceType.RESALE_LOAN, caseNo, clerk));
		return caseNo;
	}

	/**
	 * 一件事一次办 (ADR 0009): a bundle accepted at the counter gives its resale-loan part its record from the one form,
	 * under the bundle's case number (one loan part per case), before it starts its process, which calls the loan's
	 * model with {@code acceptedInBundle}. Checked as a submission at the window would be (the form's rules, the
	 * registry's title, the names against the fund accounts, another case holding the people or the flat); refused in
	 * words, with nothing written.
	 */
	@Transactional
	public void acceptInBundle(CaseNo caseNo, SubmitResaleLoanApplication application, CurrentOfficer clerk) {
		List<String> invalid = this.validator.validate(application)
			.stream()
			.map(jakarta.validation.ConstraintViolation::getMessage)
			.sorted()
			.toList();
		if (!invalid.isEmpty()) {
			throw ProblemException.refusal(HttpStatus.BAD_REQUEST, "invalid-loan-part", "problem.loan.invalid-in-bundle",
					String.join("；", invalid));
		}
		if (this.records.find(caseNo).isPresent()) {
			throw ProblemException.refusal(HttpStatus.UNPROCESSABLE_ENTITY, "one-loan-per-case",
					"problem.loan.one-per-case", caseNo.value());
		}
		RealEstateRegistry.Title title = checkResaleApplication(application, Optional.of(caseNo), clerk,
				"一件事未受理。如前案已不再办理，请先在前案中登记撤回，再重新受理。");
		keepResaleApplication(caseNo, application, title);
	}

	/**
	 * As {@link #acceptInBundle(CaseNo, SubmitResaleLoanApplication, CurrentOfficer)}, with the answers of the bundle's
	 * merged checklist for the loan's own checklist, under the loan's own codes (the bundle maps its codes to them,
	 * {@code own-codes} in the catalogue): every material the loan's checklist asks of this application
	 * ({@link MaterialChecklist#forResaleLoan}, the co-borrower's ID card with a co-borrower) must be among them and
	 * shown, as at the loan's own acceptance; refused in words otherwise, nothing written.
	 */
	@Transactional
	public void acceptInBundle(CaseNo caseNo, SubmitResaleLoanApplication application, Map<String, Boolean> materials,
			CurrentOfficer clerk) {
		List<String> notAsked = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		for (Material material : MaterialChecklist.forResaleLoan(application.coBorrower() != null)) {
			Boolean shown = materials.get(material.code());
			if (shown == null) {
				notAsked.add(material.name());
			}
			else if (!shown) {
				missing.add(material.name());
			}
		}
		if (!notAsked.isEmpty()) {
			throw ProblemException.refusal(HttpStatus.UNPROCESSABLE_ENTITY, "loan-materials-not-in-bundle",
					"problem.loan.materials-not-in-bundle", String.join("、", notAsked));
		}
		if (!missing.isEmpty()) {
			throw ProblemException.refusal(HttpStatus.BAD_REQUEST, "materials-missing",
					"problem.loan.bundle-materials-missing", String.join("、", missing));
		}
		acceptInBundle(caseNo, application, clerk);
	}

	/**
	 * 购房一件事 (ADR 0009): the bundle's withdrawal part paid {@code amount} toward this loan's down payment before the
	 * loan's assessment ({@code Task_CountWithdrawalInLoan}); the assessment shows it and reads the fund balance left
	 * after it. Once per case: a retried step keeps the first.
	 * @param paidUnder the withdrawal part's number, as the explanation names it
	 */
	@Transactional
	public void countDownPaymentWithdrawal(CaseNo caseNo, java.math.BigDecimal amount, String paidUnder) {
		if (this.records.find(caseNo).isEmpty()) {
			throw new IllegalStateException("No loan data for " + caseNo);
		}
		if (this.records.downPaymentWithdrawalOf(caseNo).isPresent()) {
			return;
		}
		this.records.keepDownPaymentWithdrawal(caseNo, amount, paidUnder);
		this.cases.recordStep(caseNo, this.cases.get(caseNo).status(), "DOWN_PAYMENT_WITHDRAWAL_COUNTED", null,
				cn.example.servicehall.intake.Agency.SYSTEM, "首付款中的公积金提取 "
						+ cn.example.servicehall.platform.money.Yuan.of(amount) + "（" + paidUnder + "）计入贷款额度测算");
	}

	/** The checks of a resale application before anything is written; the registry's title of the flat. */
	private RealEstateRegistry.Title checkResaleApplication(SubmitResaleLoanApplication application,
			Optional<CaseNo> except, CurrentOfficer clerk, String whatToDo) {
		RealEstateRegistry.Title title = registeredTitle(application.property().certificateNo().strip());
		SubmitResaleLoanApplication.Applicant borrower = application.borrower();
		List<Applicant> applicants = new ArrayList<>(List.of(applicant(Role.BORROWER, borrower.name(), borrower.idNumber())));
		Optional.ofNullable(application.coBorrower())
			.ifPresent(spouse -> applicants.add(applicant(Role.CO_BORROWER, spouse.name(), spouse.idNumber())));
		checkNamesAgainstFundAccounts(applicants, Map.of(Role.BORROWER, new NameField("borrower.name", "借款人"),
				Role.CO_BORROWER, new NameField("coBorrower.name", "共同借款人")));
		this.collisions.refuseIfHeld(new Claims(applicants, Optional.of(title.certificateNo())), except,
				visibleTo(clerk), whatToDo);
		return title;
	}

	/** A resale application's terms, people and flat, kept under the case number. */
	private void keepResaleApplication(CaseNo caseNo, SubmitResaleLoanApplication application,
			RealEstateRegistry.Title title) {
		this.records.insertTerms(caseNo, application.loan().requestedAmount(), application.loan().termMonths(),
				application.loan().repaymentMethod(), application.property().firstHome(), this.cityCode, null, null,
				Optional.ofNullable(application.loan().repaymentAccount())
					.map(account -> new LoanCase.RepaymentAccount(account.bank().strip(), account.accountNo().strip()))
					.orElse(null));
		this.records.insertParty(caseNo, Role.BORROWER, application.borrower());
		if (application.coBorrower() != null) {
			this.records.insertParty(caseNo, Role.CO_BORROWER, application.coBorrower());
		}
		this.records.insertProperty(caseNo, application.property(), title);
	}

	/** 网上申请: a developer's sales office submits a new-house loan application for its buyer. */
	@Transactional
	public CaseNo submitOnline(SubmitNewHouseLoanApplication application, CurrentOfficer agent) {
		if (!agent.isIn(Groups.DEVELOPER_AGENT)) {
			throw ProblemException.refusal(HttpStatus.FORBIDDEN, "wrong-post", "problem.loan.online-applications");
		}
		DeveloperCompany company = this.developers.actingCompany(agent);
		DeveloperProject project = this.developers.projectForSale(company, application.project());
		HousingAuthority.FiledContract filed = checkFiledContract(application, project);
		List<Applicant> applicants = List.of(applicant(Role.BORROWER, application.applicant().name(),
				application.applicant().idNumber()));
		checkNamesAgainstFundAccounts(applicants, Map.of(Role.BORROWER, new NameField("applicant.name", "借款申请人")));
		this.collisions.refuseIfHeld(new Claims(applicants, Optional.empty()), Optional.empty(), visibleTo(agent),
				"申请未保存。如有疑问，请购房人到公积金中心咨询。");
		CaseNo caseNo = this.cases.open(new NewCase(ServiceType.NEW_HOUSE_LOAN, Channel.ONLINE,
				application.applicant().name().strip(), new ResidentIdNumber(application.applicant().idNumber().strip()),
				Optional.of(company.uscc())), agent.id());
		this.records.insertTerms(caseNo, application.requestedAmount(), application.termMonths(), null, null,
				this.cityCode, project.name(), application.unitNo().strip(), null);
		this.records.recordNewHouseSale(caseNo, project.id(), new LoanRecords.FiledSale(
				application.contractFilingNo().strip(), Optional.ofNullable(filed.floorArea()), Optional.of(filed.price())));
		this.cases.attachProcess(caseNo, this.workflow.start(ServiceType.NEW_HOUSE_LOAN, caseNo, agent));
		return caseNo;
	}

	/** The loan case, if the officer may see the case; 404 otherwise. */
	public LoanCase loanCase(CaseNo caseNo, CurrentOfficer officer) {
		this.cases.getVisible(caseNo, officer);
		return this.records.find(caseNo).orElseThrow(() -> ProblemException.refusal(HttpStatus.NOT_FOUND, "not-a-loan-case",
				"problem.loan.not-a-loan-case", caseNo));
	}

	/** The repayment schedule kept at approval. */
	public List<cn.example.servicehall.loan.calculation.Instalment> schedule(CaseNo caseNo, CurrentOfficer officer) {
		return schedule(loanCase(caseNo, officer));
	}

	/** The repayment schedule of a loan case already read for the officer (empty before approval). */
	public List<cn.example.servicehall.loan.calculation.Instalment> schedule(LoanCase loan) {
		return this.records.schedule(loan.caseNo());
	}

	/**
	 * The material checklist of the case, in the order the clerk goes through it: a resale loan's (with the
	 * co-borrower's items when there is one); none yet for a new-house loan, whose uploads come with its own work.
	 */
	public List<Material> checklist(CaseNo caseNo, CurrentOfficer officer) {
		CaseFile file = this.cases.getVisible(caseNo, officer);
		loanCase(caseNo, officer);
		return this.services.of(file.serviceType()).checklist(file).materials();
	}

	/**
	 * 受理: the clerk has checked every material on the checklist. All present: the case is accepted. Anything missing:
	 * one notice lists all of it (一次性告知书) and the case waits for the citizen. Refused, as at submission, while
	 * another open or paid loan case names the borrower, the spouse or the flat (a case from before that check).
	 * @param provided every item of the checklist, provided or not
	 * @return the missing materials; empty when the case was accepted
	 */
	@Transactional
	public List<Material> accept(CaseNo caseNo, CurrentOfficer clerk, Map<String, Boolean> provided, String remark) {
		CaseFile file = this.cases.getVisible(caseNo, clerk);
		OpenCaseTask acceptance = this.workflow.checkAcceptanceOpen(file.serviceType(), caseNo, clerk);
		Optional<LoanCase> loan = this.records.find(caseNo);
		Claims claims = loan.filter(l -> !l.parties().isEmpty())
			.map(Claims::of)
			.orElseGet(() -> new Claims(List.of(new Applicant(Role.BORROWER, file.applicantName(),
					file.applicantIdNumber().value())), Optional.empty()));
		this.collisions.refuseIfHeld(claims, Optional.of(caseNo), visibleTo(clerk),
				"本案暂不能受理。请核实：如前案已不再办理，请先撤回前案；否则请申请人撤回本申请。");
		List<Material> checklist = this.services.of(file.serviceType()).checklist(file).materials();
		Map<String, Boolean> answers = completeAnswers(checklist, provided);
		List<Material> missing = new ArrayList<>();
		checklist.stream().filter(m -> !answers.get(m.code())).forEach(missing::add);
		if (!checklist.isEmpty()) {
			this.cases.recordMaterialCheck(caseNo, answers, clerk.id());
		}
		this.workflow.accept(acceptance, clerk, missing.isEmpty(), remark);
		return List.copyOf(missing);
	}

	/** 一次性告知: the notice of every material the latest check found missing. */
	@Transactional
	public void notifyMissingMaterials(CaseNo caseNo, String clerkId) {
		CaseFile file = this.cases.get(caseNo);
		List<String> missingCodes = this.cases.latestMaterialCheck(caseNo)
			.entrySet()
			.stream()
			.filter(entry -> !entry.getValue())
			.map(Map.Entry::getKey)
			.toList();
		List<Material> missing = this.services.of(file.serviceType())
			.checklist(file)
			.materials()
			.stream()
			.filter(m -> missingCodes.contains(m.code()))
			.toList();
		this.cases.issueMissingMaterialsNotice(caseNo, missing, clerkId);
	}

	/** 补正: the citizen brought the missing materials; the case goes back to the acceptance clerk. */
	@Transactional
	public void supplementMaterials(CaseNo caseNo, CurrentOfficer clerk, String remark) {
		supplement(this.cases.getVisible(caseNo, clerk), clerk, remark);
	}

	/**
	 * 网上补正: the developer's sales office has uploaded what the one-time notice listed and resubmits; the case goes
	 * back to online acceptance, where it stopped. Only a new-house case of the agent's own company (else 404).
	 */
	@Transactional
	public void resubmit(CaseNo caseNo, CurrentOfficer agent, String remark) {
		supplement(newHouseCase(caseNo, agent), agent, remark);
	}

	/** 撤回 by the developer's sales office: a new-house case of its own company, before approval. */
	@Transactional
	public void withdrawOnline(CaseNo caseNo, CurrentOfficer agent, String reason) {
		newHouseCase(caseNo, agent);
		withdraw(caseNo, agent, reason);
	}

	private CaseFile newHouseCase(CaseNo caseNo, CurrentOfficer agent) {
		CaseFile file = this.cases.getVisible(caseNo, agent);
		if (!ServiceType.NEW_HOUSE_LOAN.equals(file.serviceType())) {
			throw ProblemException.refusal(HttpStatus.NOT_FOUND, "not-a-new-house-case", "problem.loan.not-a-new-house-case",
					caseNo);
		}
		return file;
	}

	private void supplement(CaseFile file, CurrentOfficer clerk, String remark) {
		CaseNo caseNo = file.caseNo();
		if (file.status() != CaseStatus.AWAITING_MATERIALS) {
			throw ProblemException.refusal(HttpStatus.CONFLICT, "not-awaiting-materials",
					"problem.loan.not-awaiting-materials", caseNo, file.status());
		}
		this.cases.materialsSupplemented(caseNo, clerk.id(), remark);
		this.workflow.materialsSupplemented(caseNo);
	}

	/**
	 * 撤回: the applicant withdraws at the window. Possible until the contract is signed; every agency's open task ends
	 * with the case.
	 */
	@Transactional
	public void withdraw(CaseNo caseNo, CurrentOfficer clerk, String reason) {
		CaseFile file = this.cases.getVisible(caseNo, clerk);
		if (this.services.of(file.serviceType()).withdrawnBy().isEmpty()) {
			throw ProblemException.refusal(HttpStatus.UNPROCESSABLE_ENTITY, "withdrawal-not-supported",
					"problem.loan.withdrawal-not-supported", caseNo);
		}
		if (!this.services.of(file.serviceType()).mayWithdraw(file)) {
			throw ProblemException.refusal(HttpStatus.CONFLICT, "withdrawal-not-possible",
					file.status().isClosed() ? "problem.loan.withdrawal-not-possible-closed"
							: ServiceType.NEW_HOUSE_LOAN.equals(file.serviceType())
									? "problem.loan.withdrawal-not-possible-approved"
									: "problem.loan.withdrawal-not-possible-signed", caseNo, file.status());
		}
		this.workflow.withdraw(file.serviceType(), caseNo, clerk, reason);
	}

	private static Map<String, Boolean> completeAnswers(List<Material> checklist, Map<String, Boolean> provided) {
		Map<String, Boolean> answers = new LinkedHashMap<>();
		Set<String> unknown = new TreeSet<>(provided == null ? Set.of() : provided.keySet());
		List<String> unanswered = new ArrayList<>();
		for (Material material : checklist) {
			unknown.remove(material.code());
			Boolean answer = provided == null ? null : provided.get(material.code());
			if (answer == null) {
				unanswered.add(material.name());
			}
			answers.put(material.code(), Boolean.TRUE.equals(answer));
		}
		if (!unknown.isEmpty() || !unanswered.isEmpty()) {
			throw ProblemException.refusal(HttpStatus.BAD_REQUEST, "incomplete-checklist",
					"problem.loan.incomplete-checklist",
					unanswered.isEmpty() ? "" : HallMessages.text("loan.checklist.unanswered", String.join("；", unanswered)),
					unknown.isEmpty() ? "" : HallMessages.text("loan.checklist.unknown", String.join("、", unknown)));
		}
		return answers;
	}

	private static Applicant applicant(Role role, String name, String idNumber) {
		return new Applicant(role, name.strip(), new ResidentIdNumber(idNumber.strip()).value());
	}

	/** Whether the officer may learn a case's number ({@code intake.CaseVisibility}). */
	private Predicate<CaseNo> visibleTo(CurrentOfficer officer) {
		return caseNo -> this.cases.findVisible(caseNo, officer).isPresent();
	}

	/**
	 * Where an applicant's name is in the request.
	 * @param path the field, e.g. {@code borrower.name}
	 * @param label who it is, e.g. 借款人
	 */
	private record NameField(String path, String label) {
	}

	/**
	 * Each applicant's name must be the holder's of the fund account of the ID number given (someone without an
	 * account is left to the eligibility rules). The holder's name is personal data: the refusal does not say it.
	 * @param fields the request's name field of each role
	 */
	private void checkNamesAgainstFundAccounts(List<Applicant> applicants, Map<Role, NameField> fields) {
		List<Map<String, String>> errors = new ArrayList<>();
		for (Applicant applicant : applicants) {
			Optional<FundAccountSystem.FundAccount> account;
			try {
				account = this.fundAccounts.accountOf(applicant.idNumber());
			}
			catch (AgencyUnavailable ex) {
				throw ProblemException.refusal(HttpStatus.SERVICE_UNAVAILABLE, "fund-accounts-unavailable",
						"problem.loan.fund-accounts-unavailable");
			}
			if (account.isPresent() && !sameName(account.get().holderName(), applicant.name())) {
				NameField field = fields.get(applicant.role());
				errors.add(Map.of("field", field.path(), "message",
						HallMessages.text("loan.name-mismatch.field", field.label())));
			}
		}
		if (!errors.isEmpty()) {
			StringBuilder fix = new StringBuilder();
			errors.forEach(error -> fix.append(error.get("message")).append("；"));
			ProblemException refusal = ProblemException.refusal(HttpStatus.UNPROCESSABLE_ENTITY, "name-mismatch",
					"problem.loan.name-mismatch", fix);
			refusal.getBody().setProperty("errors", errors);
			throw refusal;
		}
	}

	/** The same name, whatever the width of its characters, its spaces and its kind of middle dot (阿依·买买提). */
	private static boolean sameName(String one, String other) {
		return nameKey(one).equals(nameKey(other));
	}

	private static String nameKey(String name) {
		return Normalizer.normalize(name, Normalizer.Form.NFKC)
			.replaceAll("\\s+", "")
			.replaceAll("[·•・.．‧]", "·")
			.toUpperCase(java.util.Locale.ROOT);
	}

	/**
	 * The filed purchase contract (网签备案) must be at the housing authority, filed (not cancelled), name the applicant
	 * as a buyer (by ID number) and be for the project's pre-sale permit and the unit applied for. The authority down:
	 * 503 with a retry hint, nothing saved. Answers the filed contract, whose floor area and price the case keeps.
	 */
	private HousingAuthority.FiledContract checkFiledContract(SubmitNewHouseLoanApplication application, DeveloperProject project) {
		String filingNo = application.contractFilingNo().strip();
		HousingAuthority.FiledContract contract;
		try {
			contract = this.housingAuthority.filedContract(filingNo)
				.orElseThrow(() -> ProblemException.refusal(HttpStatus.UNPROCESSABLE_ENTITY, "unknown-filing",
						"problem.loan.unknown-filing", filingNo));
		}
		catch (AgencyUnavailable ex) {
			ProblemException unavailable = ProblemException.refusal(HttpStatus.SERVICE_UNAVAILABLE,
					"housing-authority-unavailable", "problem.loan.housing-authority-unavailable");
			unavailable.getHeaders().set(HttpHeaders.RETRY_AFTER, "60");
			unavailable.getBody().setProperty("retryAfterSeconds", 60);
			throw unavailable;
		}
		if (contract.status() != HousingAuthority.FilingStatus.FILED) {
			throw ProblemException.refusal(HttpStatus.UNPROCESSABLE_ENTITY, "filing-cancelled",
					"problem.loan.filing-cancelled", contract.filingNo());
		}
		String idNumber = application.applicant().idNumber().strip().toUpperCase(java.util.Locale.ROOT);
		boolean buyer = contract.buyers()
			.stream()
			.anyMatch(b -> b.idNumber().strip().toUpperCase(java.util.Locale.ROOT).equals(idNumber));
		if (!buyer) {
			throw ProblemException.refusal(HttpStatus.UNPROCESSABLE_ENTITY, "filing-other-buyer",
					"problem.loan.filing-other-buyer", contract.filingNo(), application.applicant().name().strip());
		}
		boolean samePermit = unitKey(contract.presalePermitNo()).equals(unitKey(project.presalePermitNo()));
		boolean sameUnit = unitKey(contract.unitNo()).equals(unitKey(application.unitNo()));
		if (!samePermit || !sameUnit) {
			throw ProblemException.refusal(HttpStatus.UNPROCESSABLE_ENTITY, "filing-other-unit",
					"problem.loan.filing-other-unit", contract.filingNo(), contract.projectName(),
					contract.presalePermitNo(), contract.unitNo(), project.name(), project.presalePermitNo(),
					application.unitNo().strip());
		}
		return contract;
	}

	/** A permit or unit number compared whatever its width and spaces. */
	private static String unitKey(String value) {
		return Normalizer.normalize(value, Normalizer.Form.NFKC).replaceAll("\\s+", "").toUpperCase(java.util.Locale.ROOT);
	}

	/** The registry's title, whose address the loan contract prints: refused here if a document cannot print it. */
	private RealEstateRegistry.Title registeredTitle(String certificateNo) {
		RealEstateRegistry.Title title;
		try {
			title = this.registry.titleOf(certificateNo)
				.orElseThrow(() -> ProblemException.refusal(HttpStatus.UNPROCESSABLE_ENTITY, "unknown-property",
						"problem.loan.unknown-property", certificateNo));
		}
		catch (AgencyUnavailable ex) {
			throw ProblemException.refusal(HttpStatus.SERVICE_UNAVAILABLE, "registry-unavailable",
					"problem.loan.registry-unavailable");
		}
		this.printable.firstUnprintable(title.address()).ifPresent(unprintable -> {
			throw ProblemException.refusal(HttpStatus.UNPROCESSABLE_ENTITY, "unprintable-address",
					"problem.loan.unprintable-address", title.address(), unprintable.character(), unprintable.label());
		});
		return title;
	}

}
