package cn.example.servicehall.withdrawal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.intake.CasePart;
import cn.example.servicehall.intake.RetirementAge;
import cn.example.servicehall.platform.JsonColumns;

/**
 * The withdrawal's own tables: the application, the rules' decision, the flags, the opinions and the payment, each
 * kept per part of a case ({@link CasePart.Ref}): a withdrawal case alone is its part 1, a bundle's case may hold two
 * withdrawal parts (the loan's payoff and the closing), each with its own records.
 */
@Repository
public class WithdrawalRecords {

	private static final TypeReference<List<Map<String, String>>> ROWS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final Clock clock;

	WithdrawalRecords(JdbcClient jdbc, ObjectMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	void insertApplication(CasePart.Ref part, WithdrawalApplication application, RetirementAge.Kind kind) {
		this.jdbc.sql("""
				insert into withdrawal_application (case_no, part_no, type, phone, spouse_id_no, retirement_kind, bank_name,
				                                    card_no, claim, submitted_at)
				values (:case, :part, :type, :phone, :spouse, :kind, :bank, :card, cast(:claim as jsonb), :at)""")
			.param("case", part.caseNo().value())
			.param("part", part.partNo())
			.param("type", application.type().name())
			.param("phone", application.applicant().phone())
			.param("spouse", blankToNull(application.spouseIdNumber()))
			.param("kind", kind.name())
			.param("bank", application.bankCard().bankName().strip())
			.param("card", new cn.example.servicehall.intake.BankCardNumber(application.bankCard().cardNo()).value())
			.param("claim", JsonColumns.write(this.json, application.claim()))
			.param("at", OffsetDateTime.now(this.clock))
			.update();
	}

	/** The application as it was entered (its claim and card), with the applicant from the case. */
	Optional<Kept> application(CasePart.Ref part) {
		return this.jdbc.sql("select * from withdrawal_application where case_no = ? and part_no = ?")
			.params(part.caseNo().value(), part.partNo())
			.query((rs, row) -> new Kept(WithdrawalType.valueOf(rs.getString("type")), rs.getString("phone"),
					rs.getString("spouse_id_no"), RetirementAge.Kind.valueOf(rs.getString("retirement_kind")),
					rs.getString("bank_name"), rs.getString("card_no"),
					JsonColumns.read(this.json, rs.getString("claim"), WithdrawalApplication.Claim.class)))
			.optional();
	}

	/**
	 * An application as kept.
	 * @param type the type
	 * @param phone the applicant's mobile, if given
	 * @param spouseIdNumber the spouse's ID number, if given
	 * @param retirementKind the retirement track
	 * @param bankName the card's bank
	 * @param cardNo the card's digits
	 * @param claim what was claimed
	 */
	record Kept(WithdrawalType type, String phone, String spouseIdNumber, RetirementAge.Kind retirementKind,
			String bankName, String cardNo, WithdrawalApplication.Claim claim) {
	}

	/**
	 * The withdrawal parts of a case, in order: part 1 for a withdrawal case alone; a bundle's withdrawal parts (the
	 * loan's payoff, then the closing).
	 */
	java.util.List<CasePart.Ref> parts(CaseNo caseNo) {
		return this.jdbc.sql("select part_no from withdrawal_application where case_no = ? order by part_no")
			.param(caseNo.value())
			.query(Integer.class)
			.list()
			.stream()
			.map(partNo -> new CasePart.Ref(caseNo, partNo))
			.toList();
	}

	/** The case's first withdrawal part (a withdrawal case alone: its part 1). */
	CasePart.Ref first(CaseNo caseNo) {
		return parts(caseNo).stream().findFirst().orElse(new CasePart.Ref(caseNo, 1));
	}

	/** Keeps the rules' decision (the latest replaces an earlier one of a retried step) and its flags. */
	void keepDecision(CasePart.Ref part, WithdrawalDecision decision) {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		this.jdbc.sql("""
				insert into withdrawal_decision (case_no, part_no, policy_id, accepted_on, route, eligible, amount,
				                                 amount_basis, unmet, reviews, four_eyes, flags, decided_at)
				values (:case, :part, :policy, :on, :route, :eligible, :amount, :basis, cast(:unmet as jsonb),
				        cast(:reviews as jsonb), :fourEyes, cast(:flags as jsonb), :at)
				on conflict (case_no, part_no) do update set policy_id = excluded.policy_id, accepted_on = excluded.accepted_on,
				    route = excluded.route, eligible = excluded.eligible, amount = excluded.amount,
				    amount_basis = excluded.amount_basis, unmet = excluded.unmet, reviews = excluded.reviews,
				    four_eyes = excluded.four_eyes, flags = excluded.flags, decided_at = excluded.decided_at""")
			.param("case", part.caseNo().value())
			.param("part", part.partNo())
			.param("policy", decision.policyId())
			.param("on", decision.acceptedOn())
			.param("route", decision.route().name())
			.param("eligible", decision.eligible())
			.param("amount", decision.payable())
			.param("basis", decision.amount().binding().words())
			.param("unmet", JsonColumns.write(this.json, decision.unmet()))
			.param("reviews", JsonColumns.write(this.json, decision.reviews()))
			.param("fourEyes", decision.fourEyes().map(WithdrawalDecision.Reason::words).orElse(null))
			.param("flags", JsonColumns.write(this.json, decision.flags().stream()
				.map(f -> Map.of("rule", f.code(), "words", f.words()))
				.toList()))
			.param("at", now)
			.update();
		for (FraudFlag flag : decision.flags()) {
			this.jdbc.sql("""
					insert into withdrawal_flag (case_no, part_no, rule, type, words, flagged_at) values (?, ?, ?, ?, ?, ?)
					on conflict (case_no, part_no, rule) do nothing""")
				.params(part.caseNo().value(), part.partNo(), flag.code(), flag.type().name(), flag.words(), now)
				.update();
		}
	}

	Optional<Decided> decision(CasePart.Ref part) {
		return this.jdbc.sql("select * from withdrawal_decision where case_no = ? and part_no = ?")
			.params(part.caseNo().value(), part.partNo())
			.query((rs, row) -> new Decided(rs.getString("policy_id"), rs.getObject("accepted_on", LocalDate.class),
					WithdrawalDecision.Route.valueOf(rs.getString("route")), rs.getBoolean("eligible"),
					rs.getBigDecimal("amount"), rs.getString("amount_basis"), JsonColumns.read(this.json, rs.getString("unmet"), ROWS),
					JsonColumns.read(this.json, rs.getString("reviews"), ROWS), Optional.ofNullable(rs.getString("four_eyes")),
					JsonColumns.read(this.json, rs.getString("flags"), ROWS)))
			.optional();
	}

	/**
	 * The rules' decision as kept.
	 * @param policyId the policy version
	 * @param acceptedOn the day of acceptance
	 * @param route where the case went
	 * @param eligible whether every condition was met
	 * @param amount what may be paid
	 * @param amountBasis why the amount is what it is
	 * @param unmet the conditions not met, as rows of code, words, missing
	 * @param reviews why a person looks at it
	 * @param fourEyes why a second person approves
	 * @param flags the fraud flags, as rows of rule, words
	 */
	public record Decided(String policyId, LocalDate acceptedOn, WithdrawalDecision.Route route, boolean eligible,
			BigDecimal amount, String amountBasis, List<Map<String, String>> unmet, List<Map<String, String>> reviews,
			Optional<String> fourEyes, List<Map<String, String>> flags) {

		boolean secondApprovalNeeded() {
			return this.fourEyes.isPresent();
		}

	}

	void insertReview(CasePart.Ref part, String stage, String outcome, String opinion, String reviewer) {
		this.jdbc.sql("""
				insert into withdrawal_review (case_no, part_no, stage, outcome, opinion, reviewer, reviewed_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(part.caseNo().value(), part.partNo(), stage, outcome, opinion, reviewer, OffsetDateTime.now(this.clock))
			.update();
	}

	List<Review> reviews(CasePart.Ref part) {
		return this.jdbc.sql("select * from withdrawal_review where case_no = ? and part_no = ? order by reviewed_at, id")
			.params(part.caseNo().value(), part.partNo())
			.query((rs, row) -> new Review(rs.getString("stage"), rs.getString("outcome"), rs.getString("opinion"),
					rs.getString("reviewer"), rs.getObject("reviewed_at", OffsetDateTime.class)))
			.list();
	}

	/**
	 * A reviewer's opinion.
	 * @param stage REVIEW (审核) or APPROVAL (复核)
	 * @param outcome APPROVE or REJECT
	 * @param opinion in words
	 * @param reviewer login
	 * @param at when
	 */
	@Schema(name = "WithdrawalReview")
	public record Review(String stage, String outcome, String opinion, String reviewer, OffsetDateTime at) {
	}

	/** The debit or closing as the account system booked it; a retried step keeps the first. */
	void keepBooking(CasePart.Ref part, Payment booking) {
		this.jdbc.sql("""
				insert into withdrawal_payment (case_no, part_no, account_no, balance_before, interest, amount,
				                                balance_after, closed_account, booked_on)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (case_no, part_no) do nothing""")
			.params(part.caseNo().value(), part.partNo(), booking.accountNo(), booking.balanceBefore(), booking.interest(), booking.amount(),
					booking.balanceAfter(), booking.closedAccount(), booking.bookedOn())
			.update();
	}

	void keepTransfer(CasePart.Ref part, String bankReference, OffsetDateTime at) {
		this.jdbc.sql("""
				update withdrawal_payment set bank_reference = ?, transferred_at = ?
				 where case_no = ? and part_no = ? and bank_reference is null""")
			.params(bankReference, at, part.caseNo().value(), part.partNo())
			.update();
	}

	/** A payoff paid to the loan: the loan servicing system's reference stands for the bank's, the loan named. */
	void keepLoanRepayment(CasePart.Ref part, String contractNo, String reference, OffsetDateTime at) {
		this.jdbc.sql("""
				update withdrawal_payment set bank_reference = ?, transferred_at = ?, paid_to_loan = ?
				 where case_no = ? and part_no = ? and bank_reference is null""")
			.params(reference, at, contractNo, part.caseNo().value(), part.partNo())
			.update();
	}

	Optional<Payment> payment(CasePart.Ref part) {
		return this.jdbc.sql("select * from withdrawal_payment where case_no = ? and part_no = ?")
			.params(part.caseNo().value(), part.partNo())
			.query((rs, row) -> new Payment(rs.getString("account_no"), rs.getBigDecimal("balance_before"),
					rs.getBigDecimal("interest"), rs.getBigDecimal("amount"), rs.getBigDecimal("balance_after"),
					rs.getBoolean("closed_account"), rs.getObject("booked_on", LocalDate.class),
					Optional.ofNullable(rs.getString("bank_reference")),
					Optional.ofNullable(rs.getObject("transferred_at", OffsetDateTime.class)),
					Optional.ofNullable(rs.getString("paid_to_loan"))))
			.optional();
	}

	/**
	 * What was booked and paid.
	 * @param accountNo the fund account
	 * @param balanceBefore the balance before
	 * @param interest interest credited at closing (0 for a partial withdrawal)
	 * @param amount debited and to be transferred
	 * @param balanceAfter the balance after
	 * @param closedAccount whether the account was closed
	 * @param bookedOn 记账日期
	 * @param bankReference the transfer's reference, once made
	 * @param transferredAt when it was made
	 * @param paidToLoan the fund loan a payoff repaid (借款合同编号); empty when paid to the citizen's card (then
	 * {@code bankReference} is the bank's 流水号, else the loan servicing system's 还款流水号)
	 */
	public record Payment(String accountNo, BigDecimal balanceBefore, BigDecimal interest, BigDecimal amount,
			BigDecimal balanceAfter, boolean closedAccount, LocalDate bookedOn, Optional<String> bankReference,
			Optional<OffsetDateTime> transferredAt, Optional<String> paidToLoan) {

		/** A booking not yet paid out. */
		Payment(String accountNo, BigDecimal balanceBefore, BigDecimal interest, BigDecimal amount,
				BigDecimal balanceAfter, boolean closedAccount, LocalDate bookedOn) {
			this(accountNo, balanceBefore, interest, amount, balanceAfter, closedAccount, bookedOn, Optional.empty(),
					Optional.empty(), Optional.empty());
		}

	}

	/**
	 * Flags by month and rule, newest month first, for the managers.
	 * @param from the first day counted
	 * @param to the last day counted
	 */
	List<Map<String, Object>> flagCounts(LocalDate from, LocalDate to) {
		return this.jdbc.sql("""
				select to_char(flagged_at at time zone :zone, 'YYYY-MM') as month, rule, type, count(*) as cases
				  from withdrawal_flag
				 where (flagged_at at time zone :zone)::date between :from and :to
				 group by 1, 2, 3 order by 1 desc, 2, 3""")
			.param("zone", this.clock.getZone().getId())
			.param("from", from)
			.param("to", to)
			.query()
			.listOfRows();
	}

	/** The flagged cases between two days, newest first, with the case's applicant and status. */
	List<Withdrawals.FlaggedCase> flaggedCases(LocalDate from, LocalDate to) {
		return this.jdbc.sql("""
				select f.case_no, c.applicant_name, f.rule, f.type, f.words, f.flagged_at, c.status
				  from withdrawal_flag f join intake_case c on c.case_no = f.case_no
				 where (f.flagged_at at time zone :zone)::date between :from and :to
				 order by f.flagged_at desc, f.case_no, f.rule""")
			.param("zone", this.clock.getZone().getId())
			.param("from", from)
			.param("to", to)
			.query((rs, row) -> new Withdrawals.FlaggedCase(rs.getString("case_no"), rs.getString("applicant_name"),
					rs.getString("rule"), WithdrawalType.valueOf(rs.getString("type")), rs.getString("words"),
					rs.getObject("flagged_at", OffsetDateTime.class), rs.getString("status")))
			.list();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
