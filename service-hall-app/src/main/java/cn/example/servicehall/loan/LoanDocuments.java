package cn.example.servicehall.loan;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.example.servicehall.documents.AmountInWords;
import cn.example.servicehall.documents.DocumentSettings;
import cn.example.servicehall.documents.Documents;
import cn.example.servicehall.documents.IssuedDocument;
import cn.example.servicehall.documents.Printed;
import cn.example.servicehall.documents.render.Borrower;
import cn.example.servicehall.documents.render.DisbursementNoticeData;
import cn.example.servicehall.documents.render.IouData;
import cn.example.servicehall.documents.render.LoanContractData;
import cn.example.servicehall.documents.render.Organisation;
import cn.example.servicehall.documents.render.ReasonRow;
import cn.example.servicehall.documents.render.RefusalReceiptData;
import cn.example.servicehall.documents.render.ScheduleRow;
import cn.example.servicehall.documents.render.TemplateId;
import cn.example.servicehall.documents.signing.Agency;
import cn.example.servicehall.intake.CaseFile;
import cn.example.servicehall.developer.DeveloperProject;
import cn.example.servicehall.intake.CaseFiles;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.intake.ServiceType;
import cn.example.servicehall.loan.calculation.Instalment;
import cn.example.servicehall.loan.policy.InterestRates;

/**
 * The documents only a loan case issues, filled from what the case holds: the contract (借款合同), the IOU (借款借据),
 * the disbursement notice (放款通知书) and, for a refused case, the refusal receipt (不予贷款回执) saying why. The
 * documents every case shares (受理回执, 一次性告知书, 办结回执) are intake's ({@code intake.CaseReceipts}). Each is
 * issued once per case: the process's steps call these, and a retried step gets the same document.
 * <p>
 * Who speaks and who lends: under entrusted lending (委托贷款) the fund centre is the lender (贷款人) and the bank the
 * entrusted bank (受托银行) that pays out and collects for it. The centre issues the refusal receipt and the
 * contract; the bank issues, seals and speaks in the IOU and the disbursement notice, and both name the centre as the
 * lender, as the contract does. Staff are printed by name as the case's history recorded them, not by login.
 */
@Service
public class LoanDocuments {

	/** Printed where the borrower has not yet named a repayment account. */
	static final String NOT_YET_NAMED = "（待借款人指定）";

	/** Printed for what a case submitted before the hall kept it does not hold. */
	private static final String NOT_KEPT = "—";

	private final Documents documents;

	private final CaseFiles cases;

	private final LoanRecords records;

	private final LoanReviews reviews;

	private final DocumentSettings settings;

	private final Clock clock;

	private final Payees payees;

	LoanDocuments(Documents documents, CaseFiles cases, LoanRecords records, LoanReviews reviews,
			DocumentSettings settings, Clock clock, Payees payees) {
		this.payees = payees;
		this.documents = documents;
		this.cases = cases;
		this.records = records;
		this.reviews = reviews;
		this.settings = settings;
		this.clock = clock;
	}

	/** 个人住房公积金借款合同: every party signed; the contract with its number, the terms and the schedule. */
	public IssuedDocument issueLoanContract(CaseNo caseNo) {
		LoanCase loan = loan(caseNo);
		LoanCase.Contract contract = loan.contract().orElseThrow(() -> new IllegalStateException("No contract: " + caseNo));
		LoanCase.Approval approval = approval(loan);
		House house = house(loan);
		List<Instalment> schedule = this.records.schedule(caseNo);
		List<Borrower> borrowers = new ArrayList<>();
		loan.parties()
			.forEach(p -> borrowers.add(new Borrower(p.role() == LoanCase.Role.BORROWER ? "借款人" : "共同借款人", p.name(),
					p.idNumber(), p.phone().orElse("—"), "", "")));
		if (borrowers.isEmpty()) {
			Buyer buyer = buyer(loan);
			borrowers.add(new Borrower("借款人", buyer.name(), buyer.idNumber(), "—", "", ""));
		}
		boolean firstHome = loan.terms().firstHome().orElse(true);
		Optional<LoanCase.RepaymentAccount> repayment = loan.terms().repaymentAccount();
		return this.documents.issue(new Documents.Request(caseNo.value(), TemplateId.LOAN_CONTRACT, "1", Agency.HPF,
				Optional.of(contract.contractNo()),
				(no, url) -> new LoanContractData(no, this.documents.issuerName(Agency.HPF), caseNo.value(), Printed.date(contract.signedAt()),
						url.toString(), hall().name(), borrowers, organisation(Agency.HPF, this.settings.lender()),
						organisation(Agency.BANK, this.settings.trusteeBank()),
						organisation(Agency.GUARANTOR, this.settings.guarantor()),
						house.address(), house.certificateNo(), house.floorArea(), house.price(), house.seller(),
						Printed.money(approval.approvedAmount()),
						AmountInWords.of(approval.approvedAmount()),
						Integer.toString(approval.termMonths()), InterestRates.category(firstHome, approval.termMonths()),
						Printed.percent(approval.annualRate()), Printed.monthlyPerMille(approval.annualRate()),
						Printed.percent(InterestRates.overdueRate(approval.annualRate())), approval.repaymentMethod().label(),
						repaymentDay(schedule), Printed.money(schedule.get(0).payment()), scheduleSummary(schedule),
						Printed.money(total(schedule, Instalment::payment)),
						Printed.money(total(schedule, Instalment::principal)),
						Printed.money(total(schedule, Instalment::interest)),
						repayment.map(a -> Printed.account(a.accountNo())).orElse(NOT_YET_NAMED),
						repayment.map(LoanCase.RepaymentAccount::bank).orElse(NOT_YET_NAMED), house.payee().accountName(),
						Printed.account(house.payee().accountNo()), house.payee().bank())));
	}

	/** The borrower as the documents name them. */
	private record Buyer(String name, String idNumber) {
	}

	/**
	 * The borrower: the resale loan's applicant as recorded, or the buyer a developer's sales office named on a new-house
	 * application (the case's applicant).
	 */
	private Buyer buyer(LoanCase loan) {
		return loan.borrower()
			.map(p -> new Buyer(p.name(), p.idNumber()))
			.orElseGet(() -> {
				CaseFile file = this.cases.get(loan.caseNo());
				return new Buyer(file.applicantName(), file.applicantIdNumber().value());
			});
	}

	/** What the contract prints of the house and whom the loan is paid to. */
	private record House(String address, String certificateNo, String floorArea, String price, String seller,
			Payees.Payee payee) {
	}

	/**
	 * A resale flat as registered; a new house as sold: the project, the unit, the filed contract with its floor area and
	 * total price (kept from the housing authority at submission), the escrow account.
	 */
	private House house(LoanCase loan) {
		Payees.Payee payee = this.payees.of(loan);
		if (loan.property().isPresent()) {
			LoanCase.Property property = loan.property().get();
			return new House(property.address(), property.certificateNo(), property.floorArea().toPlainString(),
					Printed.money(property.contractPrice()), property.sellerName(), payee);
		}
		DeveloperProject project = this.payees.project(loan.caseNo());
		String unit = loan.terms().unitNo().map(u -> " " + u).orElse("");
		Optional<LoanRecords.FiledSale> sale = this.records.filedSaleOf(loan.caseNo());
		return new House(project.address() + unit,
				"网签备案号 " + sale.map(LoanRecords.FiledSale::filingNo).orElse(NOT_KEPT) + "；预售许可证 "
						+ project.presalePermitNo(),
				sale.flatMap(LoanRecords.FiledSale::floorArea).map(BigDecimal::toPlainString).orElse(NOT_KEPT),
				sale.flatMap(LoanRecords.FiledSale::price).map(Printed::money).orElse(NOT_KEPT), payee.accountName(), payee);
	}

	/** 借款借据: the borrower's receipt for the loan the lender (the centre) paid out through the bank, sealed by the bank. */
	public IssuedDocument issueIou(CaseNo caseNo) {
		LoanCase loan = loan(caseNo);
		LoanCase.Iou iou = loan.iou().orElseThrow(() -> new IllegalStateException("No IOU: " + caseNo));
		LoanCase.Approval approval = approval(loan);
		LoanCase.Disbursement disbursement = loan.disbursement().orElseThrow();
		Buyer borrower = buyer(loan);
		List<Instalment> schedule = this.records.schedule(caseNo);
		Optional<LoanCase.RepaymentAccount> repayment = loan.terms().repaymentAccount();
		return this.documents.issue(new Documents.Request(caseNo.value(), TemplateId.IOU, "1", Agency.BANK,
				Optional.of(iou.iouNo()),
				(no, url) -> new IouData(no, this.documents.issuerName(Agency.BANK), caseNo.value(), Printed.date(iou.issuedAt()),
						url.toString(), loan.contract().orElseThrow().contractNo(), borrower.name(), borrower.idNumber(),
						loan.coBorrower().map(LoanCase.Party::name).orElse("无"), caseNo.value(),
						Printed.money(iou.amount()), AmountInWords.of(iou.amount()),
						Printed.percent(approval.annualRate()), Integer.toString(approval.termMonths()),
						Printed.date(disbursement.disbursedAt()), Printed.date(schedule.get(schedule.size() - 1).dueDate()),
						approval.repaymentMethod().label(), repaymentDay(schedule), Printed.money(schedule.get(0).payment()),
						repayment.map(a -> Printed.account(a.accountNo())).orElse(NOT_YET_NAMED),
						repayment.map(LoanCase.RepaymentAccount::bank).orElse(NOT_YET_NAMED), disbursement.payeeName(),
						Printed.account(disbursement.payeeAccountNo()), disbursement.payeeBank(), lender())));
	}

	/** 放款通知书: the bank tells the borrower it paid the loan to the seller for the lender, and when repayments start. */
	public IssuedDocument issueDisbursementNotice(CaseNo caseNo) {
		LoanCase loan = loan(caseNo);
		LoanCase.Approval approval = approval(loan);
		LoanCase.Disbursement disbursement = loan.disbursement()
			.orElseThrow(() -> new IllegalStateException("Not disbursed: " + caseNo));
		List<Instalment> schedule = this.records.schedule(caseNo);
		Optional<LoanCase.RepaymentAccount> repayment = loan.terms().repaymentAccount();
		String borrowers = loan.parties().isEmpty() ? buyer(loan).name()
				: String.join("、", loan.parties().stream().map(LoanCase.Party::name).toList());
		Collateral collateral = collateral(loan);
		return this.documents.issue(new Documents.Request(caseNo.value(), TemplateId.DISBURSEMENT_NOTICE, "1",
				Agency.BANK, Optional.empty(),
				(no, url) -> new DisbursementNoticeData(no, this.documents.issuerName(Agency.BANK), caseNo.value(), today(),
						url.toString(), borrowers, loan.contract().orElseThrow().contractNo(),
						loan.iou().map(LoanCase.Iou::iouNo).orElse("—"), Printed.money(disbursement.amount()),
						AmountInWords.of(disbursement.amount()),
						Printed.date(disbursement.disbursedAt()), disbursement.payeeName(),
						Printed.maskedAccount(disbursement.payeeAccountNo()), disbursement.payeeBank(), lender(),
						Printed.percent(approval.annualRate()),
						Integer.toString(approval.termMonths()), approval.repaymentMethod().label(),
						Printed.money(schedule.get(0).payment()), Printed.date(schedule.get(0).dueDate()),
						repaymentDay(schedule), repayment.map(a -> Printed.maskedAccount(a.accountNo())).orElse(NOT_YET_NAMED),
						repayment.map(LoanCase.RepaymentAccount::bank).orElse(NOT_YET_NAMED),
						collateral.kind(), collateral.certificateNo(), this.settings.trusteeBank().phone(),
						hall().enquiryPhone())));
	}

	/**
	 * What the money was released against: the registered mortgage (抵押登记证明) of a resale home, or a new home's
	 * pre-mortgage (预告登记证明) until the house is delivered and the registry converts it.
	 */
	private Collateral collateral(LoanCase loan) {
		return loan.mortgage()
			.map(m -> new Collateral("抵押登记证明", m.certificateNo()))
			.or(() -> this.records.preMortgageCertificateOf(loan.caseNo()).map(no -> new Collateral("预告登记证明", no)))
			.orElse(new Collateral("抵押登记证明", "—"));
	}

	private record Collateral(String kind, String certificateNo) {
	}

	/** 不予贷款回执: the case ended refused; every reason on file, and what the citizen may do next. */
	public IssuedDocument issueRefusalNotice(CaseNo caseNo) {
		List<ReasonRow> reasons = new ArrayList<>();
		for (String reason : this.reviews.refusalReasons(caseNo)) {
			reasons.add(new ReasonRow(Integer.toString(reasons.size() + 1), reason));
		}
		LoanCase loan = loan(caseNo);
		String officer = loan.reviews()
			.stream()
			.filter(r -> "REJECT".equals(r.outcome()))
			.reduce((first, second) -> second)
			.map(r -> staff(caseNo, r.reviewer()))
			.orElse(this.documents.issuerName(Agency.HPF));
		CaseFile file = this.cases.get(caseNo);
		OffsetDateTime closedAt = closedAt(file);
		String service = ServiceType.NEW_HOUSE_LOAN.equals(file.serviceType()) ? LoanServices.NEW_HOUSE_DOCUMENT_NAME
				: LoanServices.RESALE_DOCUMENT_NAME;
		return this.documents.issue(new Documents.Request(caseNo.value(), TemplateId.REFUSAL_RECEIPT, "1", Agency.HPF,
				Optional.empty(),
				(no, url) -> new RefusalReceiptData(no, this.documents.issuerName(Agency.HPF), caseNo.value(), today(),
						url.toString(), file.applicantName(), file.applicantIdNumber().masked(), service,
						Printed.date(acceptedAt(caseNo, file)), Printed.date(closedAt), reasons, officer, hall().window(),
						hall().address(), hall().enquiryPhone())));
	}

	private OffsetDateTime acceptedAt(CaseNo caseNo, CaseFile file) {
		return this.cases.firstTime(caseNo, CaseFiles.ACCEPTED).orElse(file.submittedAt());
	}

	private static OffsetDateTime closedAt(CaseFile file) {
		return file.closedAt().orElseThrow(() -> new IllegalStateException("Not closed: " + file.caseNo()));
	}

	/** The first three instalments and the last, as the contract's summary shows them. */
	static List<ScheduleRow> scheduleSummary(List<Instalment> schedule) {
		List<ScheduleRow> rows = new ArrayList<>();
		int shown = Math.min(3, schedule.size() - 1);
		for (int i = 0; i < shown; i++) {
			rows.add(row(schedule.get(i), Integer.toString(schedule.get(i).period())));
		}
		Instalment last = schedule.get(schedule.size() - 1);
		rows.add(row(last, last.period() + "（末期）"));
		return rows;
	}

	private static ScheduleRow row(Instalment instalment, String period) {
		return new ScheduleRow(period, Printed.date(instalment.dueDate()), Printed.money(instalment.payment()),
				Printed.money(instalment.principal()), Printed.money(instalment.interest()),
				Printed.money(instalment.remainingPrincipal()));
	}

	private static BigDecimal total(List<Instalment> schedule, java.util.function.Function<Instalment, BigDecimal> part) {
		return schedule.stream().map(part).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private static String repaymentDay(List<Instalment> schedule) {
		return Integer.toString(schedule.get(0).dueDate().getDayOfMonth());
	}

	private LoanCase loan(CaseNo caseNo) {
		return this.records.find(caseNo).orElseThrow(() -> new IllegalStateException("Not a loan case: " + caseNo));
	}

	private static LoanCase.Approval approval(LoanCase loan) {
		return loan.approval().orElseThrow(() -> new IllegalStateException("Not approved: " + loan.caseNo()));
	}

	private DocumentSettings.Hall hall() {
		return this.settings.hall();
	}

	private String today() {
		return Printed.date(LocalDate.now(this.clock));
	}

	private Organisation organisation(Agency agency, DocumentSettings.Organisation organisation) {
		return new Organisation(this.documents.issuerName(agency), organisation.address(), organisation.representative(),
				organisation.phone());
	}

	/** The fund centre, the lender (贷款人) of every fund loan, named as the contract names it. */
	private String lender() {
		return this.documents.issuerName(Agency.HPF);
	}

	/** A staff member by name, as the case's history recorded it; their login if none was. */
	private String staff(CaseNo caseNo, String login) {
		return this.cases.staffNames(caseNo).getOrDefault(login, login);
	}

}
