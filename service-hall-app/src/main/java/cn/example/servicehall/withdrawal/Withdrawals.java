package cn.example.servicehall.withdrawal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.example.servicehall.agencies.AgencyUnavailable;
import cn.example.servicehall.agencies.NotificationGateway;
import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.intake.CaseFile;
import cn.example.servicehall.intake.CaseFiles;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.intake.CasePart;
import cn.example.servicehall.intake.Channel;
import cn.example.servicehall.intake.Checklist;
import cn.example.servicehall.intake.NewCase;
import cn.example.servicehall.intake.ResidentIdNumber;
import cn.example.servicehall.intake.RetirementAge;
import cn.example.servicehall.intake.ServiceType;
import cn.example.servicehall.platform.web.HallMessages;
import cn.example.servicehall.platform.web.ProblemException;

/**
 * 公积金提取 at the counter and online: the live assessment while the form is filled, the submission (one case,
 * accepted at once, its process started), and the reviewers' steps. What happens after submission is the process's
 * ({@code WithdrawalProcess}), through {@link WithdrawalSteps}.
 */
@Service
public class Withdrawals {

	/** 公积金提取 as intake knows it. */
	public static final ServiceType SERVICE = ServiceType.WITHDRAWAL;

	static final String REVIEW = "REVIEW";

	static final String APPROVAL = "APPROVAL";

	private final WithdrawalFactsReader facts;

	private final WithdrawalRules rules;

	private final WithdrawalPolicies policies;

	private final WithdrawalRecords records;

	private final WithdrawalWorkflow workflow;

	private final CaseFiles cases;

	private final JdbcClient jdbc;

	private final NotificationGateway sms;

	private final PreviewEligibilityTables previewTables;

	private final OffsetAgreements agreements;

	private final Clock clock;

	Withdrawals(WithdrawalFactsReader facts, WithdrawalRules rules, WithdrawalPolicies policies,
			WithdrawalRecords records, WithdrawalWorkflow workflow, CaseFiles cases, JdbcClient jdbc,
			NotificationGateway sms, PreviewEligibilityTables previewTables, OffsetAgreements agreements, Clock clock) {
		this.facts = facts;
		this.rules = rules;
		this.policies = policies;
		this.records = records;
		this.workflow = workflow;
		this.cases = cases;
		this.jdbc = jdbc;
		this.sms = sms;
		this.previewTables = previewTables;
		this.agreements = agreements;
		this.clock = clock;
	}

	/**
	 * What the rules say of the application today, without writing anything: shown live on the counter's form and
	 * asked by the online hall before it submits. The tables are evaluated outside the engine: a clerk typing leaves
	 * nothing in its history (the process's decision is kept there).
	 */
	@Transactional(readOnly = true)
	public Assessment assess(WithdrawalApplication application) {
		return assessment(application.type(), preview(application), checklist(application));
	}

	/**
	 * 提交: opens the case, accepts it at once (the counter checked the materials; online, the systems' data stands
	 * for them) and starts its process, which decides and pays or sends it to a reviewer. Refused, with nothing
	 * written, when the counter's checklist is not complete or another withdrawal of the applicant is open.
	 */
	@Transactional
	public CaseNo submit(WithdrawalApplication application, CurrentOfficer officer) {
		Channel channel = channelOf(officer);
		if (application.type().onlyInBundle()) {
			throw ProblemException.refusal(HttpStatus.UNPROCESSABLE_ENTITY, "only-in-bundle",
					"problem.withdrawal.only-in-bundle", application.type().displayName(java.util.Locale.ROOT));
		}
		ResidentIdNumber id = new ResidentIdNumber(application.applicant().idNumber().strip());
		Map<String, Boolean> materials = channel == Channel.WINDOW ? checkedMaterials(application) : Map.of();
		// refused here, with nothing written: no account, not eligible, more than the balance; the process decides again
		refuseWhatCannotBePaid(application, preview(application));
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("withdrawal:" + id.value()).query().singleValue();
		openWithdrawalOf(id).ifPresent(open -> {
			throw ProblemException.refusal(HttpStatus.CONFLICT, "withdrawal-open", "problem.withdrawal.open",
					open.value());
		});
		if (application.type().repayment()) {
			// while the fund account repays the loan every month, neither a second agreement nor a yearly withdrawal
			this.agreements.activeFor(id.value(), Optional.ofNullable(application.claim().loanNo())
				.map(String::strip)
				.filter(no -> !no.isEmpty())).ifPresent(agreement -> {
					throw ProblemException.refusal(HttpStatus.CONFLICT, "offset-agreement-active",
							"problem.withdrawal.offset-agreement-active", agreement.value());
				});
		}
		CaseNo caseNo = this.cases.open(new NewCase(SERVICE, channel, application.applicant().name().strip(), id,
				Optional.empty(), Optional.of(application.type().name())), officer.id());
		RetirementAge.Kind kind = RetirementAge.kindOf(id.isMale(), application.applicant().femaleCadre());
		this.records.insertApplication(new CasePart.Ref(caseNo, 1), application, kind);
		if (!materials.isEmpty()) {
			this.cases.recordMaterialCheck(caseNo, materials, officer.id());
		}
		this.cases.accept(caseNo, officer.id(), null);
		this.cases.attachProcess(caseNo, this.workflow.start(caseNo, officer));
		return caseNo;
	}

	/**
	 * A withdrawal as a part of a bundle's case (一件事一次办, ADR 0009): the bundle opened and accepted the case against
	 * its merged checklist and starts the part's process itself (acceptedInBundle); this checks the application as
	 * {@link #submit} does (refused in words, nothing written, when it could only be refused) and keeps its record.
	 * The records are the part's ({@code part}): a case may hold two withdrawal parts (the loan's payoff, the closing),
	 * each with its own application, decision, payment, booking, transfer and documents.
	 */
	@Transactional
	public void acceptInBundle(CasePart.Ref part, WithdrawalApplication application) {
		refuseWhatCannotBePaid(application, preview(application));
		if (this.records.application(part).isPresent()) {
			throw ProblemException.refusal(HttpStatus.UNPROCESSABLE_ENTITY, "one-withdrawal-per-part",
					"problem.withdrawal.one-per-part", part.toString());
		}
		ResidentIdNumber id = new ResidentIdNumber(application.applicant().idNumber().strip());
		this.records.insertApplication(part, application,
				RetirementAge.kindOf(id.isMale(), application.applicant().femaleCadre()));
	}

	/** What the part's withdrawal booked and paid, once it has (a bundle's completion receipt lists each part's). */
	@Transactional(readOnly = true)
	public Optional<WithdrawalRecords.Payment> payment(CasePart.Ref part) {
		return this.records.payment(part);
	}

	/** The case's withdrawal part a step of the case alone is about: its first (a withdrawal case alone: part 1). */
	CasePart.Ref partOf(CaseNo caseNo) {
		return this.records.first(caseNo);
	}

	/** 审核: the reviewer approves or refuses, in words. */
	@Transactional
	public void review(CaseNo caseNo, CurrentOfficer reviewer, boolean approve, String opinion) {
		this.cases.getVisible(caseNo, reviewer);
		var step = this.workflow.checkOpen(caseNo, WithdrawalProcess.TASK_REVIEW, "提取审核", reviewer);
		boolean second = this.records.decision(step.part()).map(WithdrawalRecords.Decided::secondApprovalNeeded).orElse(false);
		this.records.insertReview(step.part(), REVIEW, approve ? "APPROVE" : "REJECT", opinion, reviewer.id());
		this.cases.recordStep(caseNo, approve ? (second ? WithdrawalStage.REVIEWED : WithdrawalStage.APPROVED)
				: this.cases.get(caseNo).status(), "WITHDRAWAL_REVIEWED", reviewer.id(),
				cn.example.servicehall.intake.Agency.HPF, (approve ? "同意" : "不同意") + "：" + opinion);
		this.workflow.complete(step, reviewer, WithdrawalProcess.REVIEW_OUTCOME, approve ? "APPROVE" : "REJECT");
	}

	/** 复核 (四眼): a second person, not the reviewer, approves or refuses. */
	@Transactional
	public void approve(CaseNo caseNo, CurrentOfficer approver, boolean approve, String opinion) {
		this.cases.getVisible(caseNo, approver);
		var step = this.workflow.checkOpen(caseNo, WithdrawalProcess.TASK_APPROVE, "提取复核", approver);
		if (this.records.reviews(step.part()).stream().anyMatch(r -> r.reviewer().equals(approver.id()))) {
			throw ProblemException.refusal(HttpStatus.FORBIDDEN, "four-eyes", "problem.withdrawal.four-eyes",
					caseNo.value());
		}
		this.records.insertReview(step.part(), APPROVAL, approve ? "APPROVE" : "REJECT", opinion, approver.id());
		this.cases.recordStep(caseNo, approve ? WithdrawalStage.APPROVED : this.cases.get(caseNo).status(),
				"WITHDRAWAL_APPROVED", approver.id(), cn.example.servicehall.intake.Agency.HPF,
				(approve ? "同意" : "不同意") + "：" + opinion);
		this.workflow.complete(step, approver, WithdrawalProcess.APPROVAL_OUTCOME, approve ? "APPROVE" : "REJECT");
	}

	/** What the case page and the API show of a withdrawal. */
	@Transactional(readOnly = true)
	public Optional<WithdrawalView> view(CaseNo caseNo, CurrentOfficer officer) {
		this.cases.getVisible(caseNo, officer);
		CasePart.Ref part = partOf(caseNo);
		return this.records.application(part)
			.map(kept -> new WithdrawalView(kept.type(), kept.type().displayName(java.util.Locale.ROOT),
					kept.type().closing(), kept.bankName(),
					new cn.example.servicehall.intake.BankCardNumber(kept.cardNo()).masked(), kept.claim(),
					this.records.decision(part), this.records.reviews(part), this.records.payment(part),
					this.agreements.agreement(caseNo)));
	}

	/** The text messages the SMS gateway sent for the case, oldest first, phone numbers masked (the case page). */
	@Transactional(readOnly = true)
	public List<SentMessage> messages(CaseNo caseNo, CurrentOfficer officer) {
		this.cases.getVisible(caseNo, officer);
		return this.sms.sentFor(caseNo.value())
			.stream()
			.map(m -> new SentMessage(m.maskedPhoneNumber(), m.text(), m.sentAt()))
			.toList();
	}

	/**
	 * A text message sent for a case.
	 * @param phone the number, masked ({@code 138****5678})
	 * @param text the text
	 * @param sentAt when
	 */
	public record SentMessage(String phone, String text, OffsetDateTime sentAt) {
	}

	/**
	 * 骗提预警 for the managers: the fraud flags raised between two days (in the hall's time zone), counted by month,
	 * rule and type, and the flagged cases themselves, newest first.
	 */
	@Transactional(readOnly = true)
	public FlagReport flags(LocalDate from, LocalDate to) {
		List<FlagCount> counts = this.records.flagCounts(from, to)
			.stream()
			.map(row -> new FlagCount((String) row.get("month"), (String) row.get("rule"),
					WithdrawalType.valueOf((String) row.get("type")), ((Number) row.get("cases")).intValue()))
			.toList();
		return new FlagReport(counts, this.records.flaggedCases(from, to));
	}

	/**
	 * The flags of a period.
	 * @param counts by month (newest first), rule and type
	 * @param cases every flagged case, newest first
	 */
	public record FlagReport(List<FlagCount> counts, List<FlaggedCase> cases) {
	}

	/**
	 * How many cases one rule flagged in a month for one type.
	 * @param month {@code 2026-12}
	 * @param rule the rule's code ({@link FraudFlag.Rule})
	 * @param type the withdrawal type
	 * @param cases how many cases
	 */
	public record FlagCount(String month, String rule, WithdrawalType type, int cases) {
	}

	/**
	 * A flagged case.
	 * @param caseNo the case
	 * @param applicantName who applied
	 * @param rule the rule's code
	 * @param type the withdrawal type
	 * @param words what the rule found
	 * @param flaggedAt when
	 * @param status the case's status now
	 */
	public record FlaggedCase(String caseNo, String applicantName, String rule, WithdrawalType type, String words,
			OffsetDateTime flaggedAt, String status) {
	}

	/**
	 * A withdrawal case's data.
	 * @param type the type
	 * @param typeName its name
	 * @param closesAccount whether it closes the account
	 * @param bankName the card's bank
	 * @param cardNo the card, masked
	 * @param claim what was claimed
	 * @param decision the rules' decision, once made
	 * @param reviews the reviewers' opinions
	 * @param payment the booking and the transfer, once made
	 */
	public record WithdrawalView(WithdrawalType type, String typeName, boolean closesAccount, String bankName,
			String cardNo, WithdrawalApplication.Claim claim, Optional<WithdrawalRecords.Decided> decision,
			List<WithdrawalRecords.Review> reviews, Optional<WithdrawalRecords.Payment> payment,
			Optional<OffsetAgreements.Agreement> offsetAgreement) {
	}

	/**
	 * The rules' answer in the words the counter reads out.
	 * @param type the type
	 * @param route PAY_AUTOMATICALLY (秒批), REVIEW or NOT_ELIGIBLE
	 * @param eligible whether every condition is met
	 * @param amount what may be paid, yuan
	 * @param amountBasis why the amount is what it is
	 * @param balance the account's balance
	 * @param interestToDate interest accrued to date (paid on closing)
	 * @param unmet the conditions not met, with what is missing
	 * @param reviews why a person must look at it
	 * @param fourEyes why a second person approves
	 * @param flags the fraud rules that found something
	 * @param policyId the city policy applied
	 * @param materials the counter's checklist for this type
	 */
	public record Assessment(WithdrawalType type, WithdrawalDecision.Route route, boolean eligible, BigDecimal amount,
			String amountBasis, BigDecimal balance, BigDecimal interestToDate, List<WithdrawalDecision.Reason> unmet,
			List<WithdrawalDecision.Reason> reviews, Optional<String> fourEyes, List<Flag> flags, String policyId,
			List<Material> materials) {
	}

	/**
	 * A fraud flag as shown.
	 * @param rule its code
	 * @param name its short name
	 * @param words what was found
	 */
	public record Flag(String rule, String name, String words) {
	}

	/**
	 * A material of the checklist.
	 * @param code its code
	 * @param name its name
	 * @param requirement what exactly is asked for
	 */
	@Schema(name = "WithdrawalMaterial")
	public record Material(String code, String name, String requirement) {
	}

	/** Decided with the facts the systems give today: refused in words when the applicant has no account. */
	Decision decide(WithdrawalApplication application) {
		return decide(application, null);
	}

	/** The same, with the tables evaluated outside the engine: nothing is kept (the live assessment, the checks). */
	Decision preview(WithdrawalApplication application) {
		return decide(application, this.previewTables);
	}

	private Decision decide(WithdrawalApplication application, EligibilityTables tables) {
		WithdrawalFactsReader.Read read;
		try {
			read = this.facts.read(application).orElseThrow(() -> ProblemException.refusal(
					HttpStatus.UNPROCESSABLE_ENTITY, "no-fund-account", "problem.withdrawal.no-fund-account"));
		}
		catch (AgencyUnavailable ex) {
			throw ProblemException.refusal(HttpStatus.SERVICE_UNAVAILABLE, "agency-unavailable",
					"problem.withdrawal.agency-unavailable", ex.system());
		}
		WithdrawalPolicy policy = this.policies.inForce(read.facts().acceptedOn());
		return new Decision(tables == null ? this.rules.decide(application.type(), read.facts(), policy)
				: this.rules.decide(application.type(), read.facts(), policy, tables), read);
	}

	/**
	 * A decision with what it was made on.
	 * @param decision the rules' decision
	 * @param read the facts and the account statement
	 */
	record Decision(WithdrawalDecision decision, WithdrawalFactsReader.Read read) {
	}

	private static Assessment assessment(WithdrawalType type, Decision decided, Checklist checklist) {
		WithdrawalDecision d = decided.decision();
		return new Assessment(type, d.route(), d.eligible(), d.payable(), d.amount().binding().words(),
				decided.read().statement().balance(), decided.read().statement().interestToDate(), d.unmet(),
				d.reviews(), d.fourEyes().map(WithdrawalDecision.Reason::words),
				d.flags().stream().map(f -> new Flag(f.code(), f.rule().displayName(java.util.Locale.ROOT), f.words())).toList(),
				d.policyId(), checklist.items()
					.stream()
					.map(i -> new Material(i.material().code(), i.material().name(), i.requirement()))
					.toList());
	}

	/**
	 * A withdrawal the rules refuse (and nothing is flagged: a flag goes to a person), or a partial one asking for more
	 * than the balance, is answered in words at once instead of opening a case that could only be refused.
	 */
	private static void refuseWhatCannotBePaid(WithdrawalApplication application, Decision decided) {
		WithdrawalDecision decision = decided.decision();
		java.math.BigDecimal balance = decided.read().statement().balance();
		java.math.BigDecimal requested = application.claim().requestedAmount();
		if (!application.type().closing() && requested != null && requested.compareTo(balance) > 0) {
			throw ProblemException.refusal(HttpStatus.UNPROCESSABLE_ENTITY, "above-balance",
					"problem.withdrawal.above-balance", cn.example.servicehall.platform.money.Yuan.of(requested),
					cn.example.servicehall.platform.money.Yuan.of(balance));
		}
		if (decision.route() == WithdrawalDecision.Route.NOT_ELIGIBLE) {
			ProblemException refusal = ProblemException.refusal(HttpStatus.UNPROCESSABLE_ENTITY, "not-eligible",
					"problem.withdrawal.not-eligible", String.join("；",
							decision.unmet().stream().map(WithdrawalDecision.Reason::words).toList()));
			refusal.getBody().setProperty("unmet", decision.unmet());
			throw refusal;
		}
	}

	/** The counter's checklist for the application: the type's, with the spouse's papers when a spouse is named. */
	static Checklist checklist(WithdrawalApplication application) {
		Set<WithdrawalType.Variant> variants = application.spouseIdNumber() == null
				|| application.spouseIdNumber().isBlank() || !application.type().variants().contains(WithdrawalType.Variant.SPOUSE)
						? Set.of() : Set.of(WithdrawalType.Variant.SPOUSE);
		return application.type().checklist(variants);
	}

	/** Every material of the counter's checklist answered and shown; refused with the list of what is not. */
	private static Map<String, Boolean> checkedMaterials(WithdrawalApplication application) {
		Map<String, Boolean> answers = new LinkedHashMap<>();
		List<String> missing = new ArrayList<>();
		for (Checklist.Item item : checklist(application).items()) {
			boolean shown = Boolean.TRUE.equals(application.materials().get(item.material().code()));
			answers.put(item.material().code(), shown);
			if (!shown) {
				missing.add(item.material().name());
			}
		}
		if (!missing.isEmpty()) {
			throw ProblemException.refusal(HttpStatus.BAD_REQUEST, "materials-missing",
					"problem.withdrawal.materials-missing", String.join("、", missing));
		}
		return answers;
	}

	private static Channel channelOf(CurrentOfficer officer) {
		if (officer.isIn(Groups.HPF_ACCEPTANCE_CLERK)) {
			return Channel.WINDOW;
		}
		if (officer.isIn(Groups.ONLINE_HALL)) {
			return Channel.ONLINE;
		}
		throw ProblemException.refusal(HttpStatus.FORBIDDEN, "wrong-post", "problem.withdrawal.who-submits");
	}

	private Optional<CaseNo> openWithdrawalOf(ResidentIdNumber id) {
		return this.jdbc.sql("""
				select case_no from intake_case
				 where service_type = ? and applicant_id_no = ? and closed_at is null
				 order by submitted_at limit 1""")
			.params(SERVICE.name(), id.value())
			.query(String.class)
			.optional()
			.map(CaseNo::new);
	}

	/** Today, as the hall's clock says. */
	LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/** The hall's time zone. */
	java.time.ZoneId zone() {
		return this.clock.getZone();
	}

	/** Now, as the hall's clock says. */
	OffsetDateTime now() {
		return OffsetDateTime.now(this.clock);
	}

	static String text(String code, Object... args) {
		return HallMessages.text(code, args);
	}

}
