package cn.example.servicehall.withdrawal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.example.servicehall.agencies.BankCore;
import cn.example.servicehall.agencies.FundAccountSystem;
import cn.example.servicehall.agencies.LoanServicing;
import cn.example.servicehall.agencies.NotificationGateway;
import cn.example.servicehall.documents.AmountInWords;
import cn.example.servicehall.documents.DocumentSettings;
import cn.example.servicehall.documents.Documents;
import cn.example.servicehall.documents.IssuedDocument;
import cn.example.servicehall.documents.Printed;
import cn.example.servicehall.documents.render.AccountClosingCertificateData;
import cn.example.servicehall.documents.render.OffsetAgreementData;
import cn.example.servicehall.documents.render.TemplateId;
import cn.example.servicehall.documents.render.WithdrawalReceiptData;
import cn.example.servicehall.documents.signing.Agency;
import cn.example.servicehall.intake.BankCardNumber;
import cn.example.servicehall.intake.CaseFile;
import cn.example.servicehall.intake.CaseFiles;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.intake.CasePart;
import cn.example.servicehall.intake.CaseStatus;

/**
 * What the withdrawal's process does without a person, one method per step of {@code WithdrawalProcess}: decide by
 * the rules, book the debit (or the closing) in the fund account, transfer to the citizen's card, issue the receipt and
 * the closing certificate, close the case, tell the citizen. Each is safe to run again: the account system and the
 * bank answer a retried case with what they did the first time, documents are issued once, messages sent once.
 */
@Service
class WithdrawalSteps {

	/** 系统自动审批: who the receipt names for a case the rules decided alone. */
	static final String DECIDED_BY_THE_RULES = "系统自动审批";

	private final Withdrawals withdrawals;

	private final WithdrawalRecords records;

	private final CaseFiles cases;

	private final FundAccountSystem accounts;

	private final BankCore bank;

	private final NotificationGateway sms;

	private final Documents documents;

	private final DocumentSettings settings;

	private final OffsetAgreements agreements;

	private final LoanServicing loans;

	WithdrawalSteps(Withdrawals withdrawals, WithdrawalRecords records, CaseFiles cases, FundAccountSystem accounts,
			BankCore bank, NotificationGateway sms, Documents documents, DocumentSettings settings,
			OffsetAgreements agreements, LoanServicing loans) {
		this.loans = loans;
		this.withdrawals = withdrawals;
		this.records = records;
		this.cases = cases;
		this.accounts = accounts;
		this.bank = bank;
		this.sms = sms;
		this.documents = documents;
		this.settings = settings;
		this.agreements = agreements;
	}

	/**
	 * {@code Task_AssessWithdrawal}: the rules decide with the systems' data of the day; the decision and its flags are
	 * kept, and the process learns where to go.
	 */
	@Transactional
	Map<String, Object> decide(CasePart.Ref part) {
		CaseFile file = this.cases.get(part.caseNo());
		WithdrawalRecords.Kept kept = kept(part);
		WithdrawalDecision decision = this.withdrawals.decide(application(file, kept)).decision();
		this.records.keepDecision(part, decision);
		String remark = switch (decision.route()) {
			case PAY_AUTOMATICALLY -> Withdrawals.text("withdrawal.route.automatic", Printed.money(decision.payable()));
			case REVIEW -> Withdrawals.text("withdrawal.route.review",
					String.join("；", decision.reviews().stream().map(WithdrawalDecision.Reason::words).toList())
							+ decision.fourEyes().map(r -> "；" + r.words()).orElse(""));
			case NOT_ELIGIBLE -> Withdrawals.text("withdrawal.route.not-eligible",
					String.join("；", decision.unmet().stream().map(WithdrawalDecision.Reason::words).toList()));
		};
		this.cases.recordStep(part.caseNo(), WithdrawalStage.CHECKED,
				decision.route() == WithdrawalDecision.Route.REVIEW ? "SENT_TO_REVIEW" : "RULES_DECIDED", null,
				cn.example.servicehall.intake.Agency.HPF, remark);
		return Map.of(WithdrawalProcess.ROUTE, decision.route().name(), WithdrawalProcess.CLOSES_ACCOUNT,
				kept.type().closing(), WithdrawalProcess.SECOND_APPROVAL, decision.fourEyes().isPresent(),
				WithdrawalProcess.OFFSET_AGREEMENT, kept.type() == WithdrawalType.LOAN_REPAYMENT_MONTHLY,
				WithdrawalProcess.PAYS_LOAN, kept.type().payoff());
	}

	/** {@code Task_DebitFundAccount}: a partial withdrawal debited once, tied to the case. */
	@Transactional
	void debit(CasePart.Ref part) {
		CaseFile file = this.cases.get(part.caseNo());
		WithdrawalRecords.Kept kept = kept(part);
		WithdrawalRecords.Decided decided = this.records.decision(part).orElseThrow();
		FundAccountSystem.Debit debit = this.accounts.debit(new FundAccountSystem.DebitOrder(orderKey(part),
				file.applicantIdNumber().value(), reason(kept.type()), kept.type().name(), decided.amount(),
				reference(kept).orElse(null)));
		this.records.keepBooking(part, new WithdrawalRecords.Payment(debit.accountNo(),
				debit.balanceAfter().add(debit.amount()), java.math.BigDecimal.ZERO.setScale(2), debit.amount(),
				debit.balanceAfter(), false, debit.bookedOn()));
		this.cases.recordStep(part.caseNo(), WithdrawalStage.DEBITED, "DEBITED", null, cn.example.servicehall.intake.Agency.HPF,
				Withdrawals.text("withdrawal.step.debited", Printed.money(debit.amount()), Printed.money(debit.balanceAfter())));
	}

	/** {@code Task_CloseFundAccount}: the interest to date credited, everything debited, the account closed (05). */
	@Transactional
	void close(CasePart.Ref part) {
		CaseFile file = this.cases.get(part.caseNo());
		WithdrawalRecords.Kept kept = kept(part);
		FundAccountSystem.Closing closing = this.accounts.close(new FundAccountSystem.ClosingOrder(orderKey(part),
				file.applicantIdNumber().value(), reason(kept.type()), kept.type().name()));
		this.records.keepBooking(part, new WithdrawalRecords.Payment(closing.accountNo(), closing.balance(),
				closing.interest(), closing.total(), java.math.BigDecimal.ZERO.setScale(2), true, closing.closedOn()));
		this.cases.recordStep(part.caseNo(), WithdrawalStage.DEBITED, "ACCOUNT_CLOSED", null,
				cn.example.servicehall.intake.Agency.HPF, Withdrawals.text("withdrawal.step.closed",
						Printed.money(closing.balance()), Printed.money(closing.interest()), Printed.money(closing.total())));		// a standing repayment-offset agreement has nothing left to pay from
		this.agreements.endAllOf(file.applicantIdNumber().value(), part.caseNo());
	}

	/** {@code Task_TransferToCitizen}: the bank transfers what was booked to the citizen's card, once per case. */
	@Transactional
	void transfer(CasePart.Ref part) {
		CaseFile file = this.cases.get(part.caseNo());
		WithdrawalRecords.Kept kept = kept(part);
		WithdrawalRecords.Payment booked = this.records.payment(part).orElseThrow();
		BankCore.Payment payment = this.bank.transfer(new BankCore.CardTransfer(orderKey(part), booked.amount(),
				file.applicantName(), file.applicantIdNumber().value(), kept.cardNo(), kept.bankName(), "住房公积金提取"));
		this.records.keepTransfer(part, payment.bankReference(), payment.executedAt());
		this.cases.recordStep(part.caseNo(), WithdrawalStage.PAID, "TRANSFERRED", null, cn.example.servicehall.intake.Agency.BANK,
				Withdrawals.text("withdrawal.step.transferred", Printed.money(payment.amount()),
						new BankCardNumber(kept.cardNo()).masked(), payment.bankReference()));
	}

	/**
	 * {@code Task_RepayFundLoan}: a payoff's debit paid to the fund loan by the loan servicing system, once per part
	 * (its key the part, {@code YS…-2}); the loan is settled. A retry after a lost answer gets the first repayment.
	 */
	@Transactional
	void repayLoan(CasePart.Ref part) {
		CaseFile file = this.cases.get(part.caseNo());
		WithdrawalRecords.Kept kept = kept(part);
		WithdrawalRecords.Payment booked = this.records.payment(part).orElseThrow();
		String contractNo = kept.claim().loanNo();
		LoanServicing.Repayment repaid = this.loans.repayFromFund(new LoanServicing.FundRepayment(orderKey(part),
				contractNo, file.applicantIdNumber().value(), booked.amount()));
		this.records.keepLoanRepayment(part, repaid.contractNo(), repaid.reference(),
				repaid.repaidOn().atStartOfDay(this.withdrawals.zone()).toOffsetDateTime());
		this.cases.recordStep(part.caseNo(), WithdrawalStage.PAID, "LOAN_REPAID", null,
				cn.example.servicehall.intake.Agency.HPF, Withdrawals.text("withdrawal.step.loan-repaid",
						Printed.money(repaid.amount()), repaid.contractNo(), repaid.reference()));
		// a standing monthly offset on the loan has nothing left to pay, whatever becomes of the closing after it
		this.agreements.endOnPayoff(file.applicantIdNumber().value(), repaid.contractNo(), part.toString());
	}

	/** {@code Task_IssueWithdrawalReceipt}: 提取回执, with the amount in capital numerals. */
	IssuedDocument issueReceipt(CasePart.Ref part) {
		CaseFile file = this.cases.get(part.caseNo());
		WithdrawalRecords.Kept kept = kept(part);
		WithdrawalRecords.Payment paid = this.records.payment(part).orElseThrow();
		String officer = handlingOfficer(part);
		LocalDate paidOn = paid.transferredAt().map(t -> t.atZoneSameInstant(this.withdrawals.zone()).toLocalDate())
			.orElse(this.withdrawals.today());
		return this.documents.issue(new Documents.Request(part.caseNo().value(), TemplateId.WITHDRAWAL_RECEIPT, occurrence(part), Agency.HPF,
				Optional.empty(),
				(no, url) -> new WithdrawalReceiptData(no, this.documents.issuerName(Agency.HPF), part.caseNo().value(),
						Printed.date(this.withdrawals.today()), url.toString(), file.applicantName(),
						file.applicantIdNumber().masked(), paid.accountNo(), "—", kept.type().displayName(Locale.ROOT),
						Printed.money(paid.amount()), AmountInWords.of(paid.amount()),
						paid.paidToLoan()
							.map(contractNo -> Withdrawals.text("withdrawal.receipt.paid-to-loan", contractNo))
							.orElseGet(() -> Withdrawals.text("withdrawal.receipt.paid-to-card")),
						Printed.money(paid.balanceBefore().add(paid.interest())), Printed.money(paid.balanceAfter()),
						payeeBank(kept, paid), payeeAccount(kept, paid), Printed.date(paidOn),
						file.channel() == cn.example.servicehall.intake.Channel.ONLINE ? Withdrawals.text("withdrawal.online-hall")
								: this.settings.hall().name(),
						officer, this.settings.hall().enquiryPhone())));
	}

	/** {@code Task_IssueClosingCertificate}: 销户证明, for a type that closed the account. */
	IssuedDocument issueClosingCertificate(CasePart.Ref part) {
		CaseFile file = this.cases.get(part.caseNo());
		WithdrawalRecords.Kept kept = kept(part);
		WithdrawalRecords.Payment paid = this.records.payment(part).orElseThrow();
		String officer = handlingOfficer(part);
		return this.documents.issue(new Documents.Request(part.caseNo().value(), TemplateId.ACCOUNT_CLOSING_CERTIFICATE, occurrence(part),
				Agency.HPF, Optional.empty(),
				(no, url) -> new AccountClosingCertificateData(no, this.documents.issuerName(Agency.HPF), part.caseNo().value(),
						Printed.date(this.withdrawals.today()), url.toString(), file.applicantName(),
						file.applicantIdNumber().masked(), paid.accountNo(), "—", kept.type().displayName(Locale.ROOT),
						Printed.date(paid.bookedOn()), Printed.money(paid.balanceBefore()), Printed.money(paid.interest()),
						Printed.money(paid.amount()), AmountInWords.of(paid.amount()), kept.bankName(),
						new BankCardNumber(kept.cardNo()).masked(), officer, this.settings.hall().enquiryPhone())));
	}

	/** {@code Task_SignOffsetAgreement}: the standing agreement signed and its months' process started. */
	void signOffsetAgreement(CasePart.Ref part) {
		this.agreements.sign(part.caseNo());
	}

	/** {@code Task_IssueOffsetAgreement}: 委托按月提取还贷确认书, instead of a receipt: nothing is paid today. */
	IssuedDocument issueOffsetAgreement(CasePart.Ref part) {
		CaseFile file = this.cases.get(part.caseNo());
		OffsetAgreements.Agreement agreement = this.agreements.agreement(part.caseNo()).orElseThrow();
		String accountNo = this.accounts.accountOf(file.applicantIdNumber().value())
			.map(FundAccountSystem.FundAccount::accountNo)
			.orElse("—");
		String officer = handlingOfficer(part);
		return this.documents.issue(new Documents.Request(part.caseNo().value(), TemplateId.OFFSET_AGREEMENT, occurrence(part), Agency.HPF,
				Optional.empty(),
				(no, url) -> new OffsetAgreementData(no, this.documents.issuerName(Agency.HPF), part.caseNo().value(),
						Printed.date(this.withdrawals.today()), url.toString(), file.applicantName(),
						file.applicantIdNumber().masked(), accountNo, agreement.loanContractNo(), agreement.lender(),
						Printed.money(agreement.instalment()), AmountInWords.of(agreement.instalment()),
						"每月" + agreement.dueDay() + "日", OffsetAgreements.month(agreement.firstPeriod()),
						OffsetAgreements.month(agreement.lastPeriod()),
						file.channel() == cn.example.servicehall.intake.Channel.ONLINE
								? Withdrawals.text("withdrawal.online-hall") : this.settings.hall().name(),
						officer, this.settings.hall().enquiryPhone())));
	}

	/** {@code Task_CompleteCase}: 办结. */
	@Transactional
	void complete(CasePart.Ref part) {
		this.cases.close(part.caseNo(), CaseStatus.COMPLETED, List.of(), null, cn.example.servicehall.intake.Agency.HPF);
	}

	/** {@code Task_RecordRefusal}: 不予提取, with every reason in words. */
	@Transactional
	void refuse(CasePart.Ref part) {
		this.cases.close(part.caseNo(), CaseStatus.REJECTED, refusalReasons(part), null,
				cn.example.servicehall.intake.Agency.HPF);
	}

	/** {@code Task_NotifyPaid}: the citizen's SMS that the money is on its way (or the agreement signed), once. */
	void notifyPaid(CasePart.Ref part) {
		WithdrawalRecords.Kept kept = kept(part);
		Optional<OffsetAgreements.Agreement> agreement = this.agreements.agreement(part.caseNo());
		if (agreement.isPresent()) {
			send(part, "AGREED", kept, Withdrawals.text("withdrawal.sms.offset-signed", part.caseNo().value(),
					agreement.get().loanContractNo(), agreement.get().dueDay(),
					OffsetAgreements.month(agreement.get().firstPeriod())));
			return;
		}
		WithdrawalRecords.Payment paid = this.records.payment(part).orElseThrow();
		send(part, "PAID", kept, Withdrawals.text("withdrawal.sms.paid", part.caseNo().value(), Printed.money(paid.amount()),
				kept.bankName(), last4(kept.cardNo())));
	}

	/** {@code Task_NotifyRefused}: the citizen's SMS that the withdrawal was refused, and where to ask why. */
	void notifyRefused(CasePart.Ref part) {
		send(part, "REFUSED", kept(part), Withdrawals.text("withdrawal.sms.refused", part.caseNo().value(),
				String.join("；", refusalReasons(part)), this.settings.hall().enquiryPhone()));
	}

	private void send(CasePart.Ref part, String what, WithdrawalRecords.Kept kept, String text) {
		if (kept.phone() == null || kept.phone().isBlank()) {
			return;
		}
		this.sms.send(new NotificationGateway.Message(orderKey(part) + ":" + what, part.caseNo().value(), kept.phone(), text));
	}

	private List<String> refusalReasons(CasePart.Ref part) {
		List<String> reasons = new ArrayList<>();
		this.records.reviews(part)
			.stream()
			.filter(r -> "REJECT".equals(r.outcome()))
			.forEach(r -> reasons.add(r.opinion()));
		if (reasons.isEmpty()) {
			this.records.decision(part)
				.ifPresent(d -> d.unmet().forEach(u -> reasons.add(u.get("words"))));
		}
		if (reasons.isEmpty()) {
			reasons.add(Withdrawals.text("withdrawal.refused"));
		}
		return reasons;
	}

	/** The person who decided, by name; the rules when nobody did. */
	private String handlingOfficer(CasePart.Ref part) {
		List<WithdrawalRecords.Review> reviews = this.records.reviews(part);
		if (reviews.isEmpty()) {
			return DECIDED_BY_THE_RULES;
		}
		String login = reviews.get(reviews.size() - 1).reviewer();
		return this.cases.staffNames(part.caseNo()).getOrDefault(login, login);
	}

	private WithdrawalRecords.Kept kept(CasePart.Ref part) {
		return this.records.application(part)
			.orElseThrow(() -> new IllegalStateException("Not a withdrawal part: " + part));
	}

	/** The application again, as the rules read it, from the case and what was kept. */
	static WithdrawalApplication application(CaseFile file, WithdrawalRecords.Kept kept) {
		return new WithdrawalApplication(kept.type(),
				new WithdrawalApplication.Applicant(file.applicantName(), file.applicantIdNumber().value(), kept.phone(),
						kept.retirementKind() == cn.example.servicehall.intake.RetirementAge.Kind.F55),
				kept.spouseIdNumber(), new WithdrawalApplication.Card(kept.cardNo(), kept.bankName()), kept.claim(),
				Map.of());
	}

	/**
	 * The key of what the part asks of the account system, the bank, the loan servicing system and the SMS gateway:
	 * the case number for a withdrawal case alone (its part 1, as before), the part ({@code YS…-2}) for a bundle's part,
	 * so that two withdrawal parts of one case are each booked and paid once.
	 */
	static String orderKey(CasePart.Ref part) {
		return part.partNo() == 1 ? part.caseNo().value() : part.toString();
	}

	/** Which of its kind a document of the part is in the case: the part's number ({@code 1} for a case alone). */
	static String occurrence(CasePart.Ref part) {
		return Integer.toString(part.partNo());
	}

	/** Who the receipt names as paid: the card's bank, or for a payoff the loan's lender. */
	private String payeeBank(WithdrawalRecords.Kept kept, WithdrawalRecords.Payment paid) {
		return paid.paidToLoan().isPresent() ? Withdrawals.text("withdrawal.receipt.loan-payee") : kept.bankName();
	}

	/** The card, masked, or for a payoff the loan's contract number. */
	private static String payeeAccount(WithdrawalRecords.Kept kept, WithdrawalRecords.Payment paid) {
		return paid.paidToLoan()
			.map(contractNo -> Withdrawals.text("withdrawal.receipt.loan-account", contractNo))
			.orElseGet(() -> new BankCardNumber(kept.cardNo()).masked());
	}

	/** What the ledger keeps the booking for: the home bought, or the loan repaid. */
	private static Optional<String> reference(WithdrawalRecords.Kept kept) {
		if (kept.type().repayment() || kept.type().payoff()) {
			return Optional.ofNullable(kept.claim().loanNo());
		}
		return Optional.ofNullable(kept.claim().home()).map(WithdrawalApplication.Home::certificateNo);
	}

	private static FundAccountSystem.WithdrawalReason reason(WithdrawalType type) {
		return FundAccountSystem.WithdrawalReason.ofCode(type.reasonCode());
	}

	private static String last4(String cardNo) {
		return cardNo.substring(cardNo.length() - 4);
	}

}
