package cn.example.servicehall.loan;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.example.servicehall.agencies.CreditBureau;
import cn.example.servicehall.agencies.FundAccountSystem;
import cn.example.servicehall.agencies.RealEstateRegistry;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.intake.ResidentIdNumber;
import cn.example.servicehall.loan.LoanCase.Role;
import cn.example.servicehall.loan.calculation.Instalment;
import cn.example.servicehall.loan.calculation.RepaymentMethod;
import cn.example.servicehall.loan.calculation.RepaymentSchedule;
import cn.example.servicehall.platform.JsonColumns;

/** The loan tables: what each stage of a loan case writes, and the case read back whole. */
@Component
class LoanRecords {

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final Clock clock;

	LoanRecords(JdbcClient jdbc, ObjectMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock);
	}

	void insertTerms(CaseNo caseNo, BigDecimal amount, int termMonths, RepaymentMethod method, Boolean firstHome,
			String cityCode, String project, String unit, LoanCase.RepaymentAccount repaymentAccount) {
		this.jdbc.sql("""
				insert into loan_application (case_no, requested_amount, term_months, repayment_method, first_home, city_code,
				                              project_name, unit_no, repayment_bank, repayment_account_no, created_at)
				values (:caseNo, :amount, :term, :method, :firstHome, :city, :project, :unit, :repaymentBank,
				        :repaymentAccountNo, :now)""")
			.param("caseNo", caseNo.value())
			.param("amount", amount)
			.param("term", termMonths)
			.param("method", method == null ? null : method.name())
			.param("firstHome", firstHome)
			.param("city", cityCode)
			.param("project", project)
			.param("unit", unit)
			.param("repaymentBank", repaymentAccount == null ? null : repaymentAccount.bank())
			.param("repaymentAccountNo", repaymentAccount == null ? null : repaymentAccount.accountNo())
			.param("now", now())
			.update();
	}

	/**
	 * A new house as the filed purchase contract (网签备案) states it when the application is submitted.
	 *
	 * @param filingNo 网签备案号
	 * @param floorArea 建筑面积, m² (empty for a case submitted before the hall kept it)
	 * @param price 合同总价, yuan (empty likewise)
	 */
	record FiledSale(String filingNo, Optional<BigDecimal> floorArea, Optional<BigDecimal> price) {
	}

	/** A new-house loan's project (developer_project) and its filed purchase contract. */
	void recordNewHouseSale(CaseNo caseNo, long projectId, FiledSale sale) {
		this.jdbc.sql("""
				update loan_application set project_id = ?, contract_filing_no = ?, floor_area = ?, contract_price = ?
				 where case_no = ?""")
			.params(projectId, sale.filingNo(), sale.floorArea().orElse(null), sale.price().orElse(null), caseNo.value())
			.update();
	}

	void insertParty(CaseNo caseNo, Role role, SubmitResaleLoanApplication.Applicant applicant) {
		ResidentIdNumber id = new ResidentIdNumber(applicant.idNumber().strip());
		this.jdbc.sql("""
				insert into loan_party (case_no, role, name, id_no, male, birth_date, female_cadre, marital_status,
				                        monthly_income, phone)
				values (:caseNo, :role, :name, :id, :male, :birth, :cadre, :marital, :income, :phone)""")
			.param("caseNo", caseNo.value())
			.param("role", role.name())
			.param("name", applicant.name().strip())
			.param("id", id.value())
			.param("male", id.isMale())
			.param("birth", id.birthDate())
			.param("cadre", !id.isMale() && applicant.femaleCadre())
			.param("marital", applicant.maritalStatus().name())
			.param("income", applicant.monthlyIncome())
			.param("phone", applicant.phone())
			.update();
	}

	void insertProperty(CaseNo caseNo, SubmitResaleLoanApplication.Property property, RealEstateRegistry.Title title) {
		this.jdbc.sql("""
				insert into loan_property (case_no, certificate_no, address, floor_area, build_year, contract_price,
				                           assessed_price, seller_name, seller_id_no, seller_bank, seller_account_no,
				                           seller_account_name)
				values (:caseNo, :cert, :address, :area, :year, :contract, :assessed, :seller, :sellerId, :bank, :account,
				        :accountName)""")
			.param("caseNo", caseNo.value())
			.param("cert", title.certificateNo())
			.param("address", title.address())
			.param("area", title.floorArea())
			.param("year", title.buildYear())
			.param("contract", property.contractPrice())
			.param("assessed", property.assessedPrice())
			.param("seller", property.seller().name().strip())
			.param("sellerId", new ResidentIdNumber(property.seller().idNumber().strip()).value())
			.param("bank", property.seller().bank().strip())
			.param("account", property.seller().accountNo())
			.param("accountName", property.seller().accountName().strip())
			.update();
	}

	void keepFundAccount(CaseNo caseNo, Role role, Optional<FundAccountSystem.FundAccount> account) {
		this.jdbc.sql("""
				update loan_party set fund_account_no = :no, fund_account_status = :status, fund_balance = :balance,
				       fund_continuous_months = :months, fund_monthly_deposit = :deposit, fund_outstanding_loan = :loan,
				       fund_read_at = :at
				 where case_no = :caseNo and role = :role""")
			.param("no", account.map(FundAccountSystem.FundAccount::accountNo).orElse(null))
			.param("status", account.map(a -> a.status().name()).orElse("NONE"))
			.param("balance", account.map(FundAccountSystem.FundAccount::balance).orElse(BigDecimal.ZERO))
			.param("months", account.map(FundAccountSystem.FundAccount::continuousMonths).orElse(0))
			.param("deposit", account.map(FundAccountSystem.FundAccount::monthlyDeposit).orElse(BigDecimal.ZERO))
			.param("loan", account.map(FundAccountSystem.FundAccount::outstandingLoan).orElse(false))
			.param("at", now())
			.param("caseNo", caseNo.value())
			.param("role", role.name())
			.update();
	}

	void keepCreditReport(CaseNo caseNo, Role role, CreditBureau.CreditReport report) {
		this.jdbc.sql("""
				insert into loan_credit_report (case_no, role, report_no, overdue_last_24_months, currently_overdue,
				                                existing_monthly_debt, reported_at)
				values (:caseNo, :role, :no, :overdue, :current, :debt, :at)
				on conflict (case_no, role) do update set report_no = excluded.report_no,
				    overdue_last_24_months = excluded.overdue_last_24_months, currently_overdue = excluded.currently_overdue,
				    existing_monthly_debt = excluded.existing_monthly_debt, reported_at = excluded.reported_at""")
			.param("caseNo", caseNo.value())
			.param("role", role.name())
			.param("no", report.reportNo())
			.param("overdue", report.overdueLast24Months())
			.param("current", report.currentlyOverdue())
			.param("debt", report.existingMonthlyDebt())
			.param("at", report.reportedAt())
			.update();
	}

	void keepTitleCheck(CaseNo caseNo, RealEstateRegistry.Title title, boolean ownerMatches) {
		this.jdbc.sql("""
				insert into loan_title_check (case_no, registry_ref, owner_names, sealed, mortgaged, owner_matches, checked_at)
				values (:caseNo, :ref, :owners, :sealed, :mortgaged, :matches, :at)
				on conflict (case_no) do update set registry_ref = excluded.registry_ref, owner_names = excluded.owner_names,
				    sealed = excluded.sealed, mortgaged = excluded.mortgaged, owner_matches = excluded.owner_matches,
				    checked_at = excluded.checked_at""")
			.param("caseNo", caseNo.value())
			.param("ref", title.registryRef())
			.param("owners", String.join("、", title.ownerNames()))
			.param("sealed", title.sealed())
			.param("mortgaged", title.mortgaged())
			.param("matches", ownerMatches)
			.param("at", now())
			.update();
	}

	/** 购房一件事: what the bundle's withdrawal paid toward the down payment, once per case (a retry keeps the first). */
	void keepDownPaymentWithdrawal(CaseNo caseNo, BigDecimal amount, String paidUnder) {
		this.jdbc.sql("""
				insert into loan_down_payment_withdrawal (case_no, amount, paid_under, counted_at)
				values (:caseNo, :amount, :paidUnder, :at)
				on conflict (case_no) do nothing""")
			.param("caseNo", caseNo.value())
			.param("amount", amount)
			.param("paidUnder", paidUnder)
			.param("at", now())
			.update();
	}

	/** The withdrawal a bundle paid toward the case's down payment, if any. */
	Optional<LoanCase.DownPaymentWithdrawal> downPaymentWithdrawalOf(CaseNo caseNo) {
		return this.jdbc.sql("select amount, paid_under from loan_down_payment_withdrawal where case_no = ?")
			.param(caseNo.value())
			.query((rs, row) -> new LoanCase.DownPaymentWithdrawal(rs.getBigDecimal("amount"), rs.getString("paid_under")))
			.optional();
	}

	void insertReview(CaseNo caseNo, String stage, String outcome, String opinion, String reviewer) {
		this.jdbc.sql("""
				insert into loan_review (case_no, stage, outcome, opinion, reviewer, reviewed_at)
				values (:caseNo, :stage, :outcome, :opinion, :reviewer, :at)""")
			.param("caseNo", caseNo.value())
			.param("stage", stage)
			.param("outcome", outcome)
			.param("opinion", opinion)
			.param("reviewer", reviewer)
			.param("at", now())
			.update();
	}

	void insertDecision(CaseNo caseNo, LoanCase.Decision decision) {
		this.jdbc.sql("""
				insert into loan_decision (case_no, decided_at, policy_id, rate_effective_from, annual_rate, eligible, reasons,
				                           limits, binding_limit, approvable_amount, granted_amount, explanation)
				values (:caseNo, :at, :policy, :rateFrom, :rate, :eligible, cast(:reasons as jsonb), cast(:limits as jsonb),
				        :binding, :approvable, :granted, :explanation)""")
			.param("caseNo", caseNo.value())
			.param("at", decision.decidedAt())
			.param("policy", decision.policyId())
			.param("rateFrom", decision.rateEffectiveFrom())
			.param("rate", decision.annualRate())
			.param("eligible", decision.eligible())
			.param("reasons", JsonColumns.write(this.json, decision.reasons()))
			.param("limits", JsonColumns.write(this.json, decision.limits()))
			.param("binding", decision.bindingLimit())
			.param("approvable", decision.approvableAmount())
			.param("granted", decision.grantedAmount())
			.param("explanation", decision.explanation())
			.update();
	}

	void insertApproval(CaseNo caseNo, LoanCase.Approval approval, RepaymentSchedule schedule) {
		this.jdbc.sql("""
				insert into loan_approval (case_no, approved_amount, term_months, repayment_method, annual_rate, approved_by,
				                           approved_at)
				values (:caseNo, :amount, :term, :method, :rate, :by, :at)""")
			.param("caseNo", caseNo.value())
			.param("amount", approval.approvedAmount())
			.param("term", approval.termMonths())
			.param("method", approval.repaymentMethod().name())
			.param("rate", approval.annualRate())
			.param("by", approval.approvedBy())
			.param("at", approval.approvedAt())
			.update();
		// one statement for the whole schedule (240 rows for 20 years), not one round trip a month
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Instalment instalment : schedule.instalments()) {
			rows.add(Map.of("period", instalment.period(), "due_date", instalment.dueDate().toString(), "payment",
					instalment.payment().toPlainString(), "principal", instalment.principal().toPlainString(),
					"interest", instalment.interest().toPlainString(), "remaining_principal",
					instalment.remainingPrincipal().toPlainString()));
		}
		this.jdbc.sql("""
				insert into loan_repayment_schedule (case_no, period, due_date, payment, principal, interest,
				                                     remaining_principal)
				select :caseNo, r.period, r.due_date, r.payment, r.principal, r.interest, r.remaining_principal
				  from jsonb_to_recordset(cast(:rows as jsonb))
				       as r(period integer, due_date date, payment numeric, principal numeric, interest numeric,
				            remaining_principal numeric)""")
			.param("caseNo", caseNo.value())
			.param("rows", JsonColumns.write(this.json, rows))
			.update();
	}

	void insertSignature(CaseNo caseNo, String party, String signedBy) {
		this.jdbc.sql("""
				insert into loan_contract_signature (case_no, party, signed_by, signed_at) values (:caseNo, :party, :by, :at)
				on conflict (case_no, party) do nothing""")
			.param("caseNo", caseNo.value())
			.param("party", party)
			.param("by", signedBy)
			.param("at", now())
			.update();
	}

	OffsetDateTime insertContract(CaseNo caseNo, String contractNo) {
		OffsetDateTime at = now();
		this.jdbc.sql("insert into loan_contract (case_no, contract_no, signed_at) values (?, ?, ?)")
			.params(caseNo.value(), contractNo, at)
			.update();
		return at;
	}

	void insertMortgage(CaseNo caseNo, String certificateNo, String registeredBy) {
		this.jdbc.sql("""
				insert into loan_mortgage (case_no, certificate_no, registered_by, registered_at) values (?, ?, ?, ?)""")
			.params(caseNo.value(), certificateNo, registeredBy, now())
			.update();
	}

	void insertPreMortgage(CaseNo caseNo, String certificateNo, String registeredBy) {
		this.jdbc.sql("""
				insert into loan_pre_mortgage (case_no, certificate_no, registered_by, registered_at) values (?, ?, ?, ?)""")
			.params(caseNo.value(), certificateNo, registeredBy, now())
			.update();
	}

	/** Records the conversion of the case's pre-mortgage; false if it has none. */
	/** The pre-mortgage's certificate number (预告登记证明号), once the registry recorded it. */
	Optional<String> preMortgageCertificateOf(CaseNo caseNo) {
		return this.jdbc.sql("select certificate_no from loan_pre_mortgage where case_no = ?")
			.param(caseNo.value())
			.query(String.class)
			.optional();
	}

	boolean convertPreMortgage(CaseNo caseNo, String mortgageCertificateNo, String convertedBy) {
		return this.jdbc.sql("""
				update loan_pre_mortgage set mortgage_certificate_no = ?, converted_by = ?, converted_at = ?
				where case_no = ? and converted_at is null""")
			.params(mortgageCertificateNo, convertedBy, now(), caseNo.value())
			.update() > 0;
	}

	/** Whether a certificate number is already on file for any case, as a mortgage or a pre-mortgage. */
	boolean certificateTaken(String certificateNo) {
		return mortgageCertificateTaken(certificateNo) || this.jdbc.sql("""
				select count(*) from loan_pre_mortgage where certificate_no = :no or mortgage_certificate_no = :no""")
			.param("no", certificateNo)
			.query(Integer.class)
			.single() > 0;
	}

	/** The filed purchase contract of a new-house case, as kept at submission. */
	Optional<FiledSale> filedSaleOf(CaseNo caseNo) {
		return this.jdbc.sql("""
				select contract_filing_no, floor_area, contract_price from loan_application
				 where case_no = ? and contract_filing_no is not null""")
			.param(caseNo.value())
			.query((rs, row) -> new FiledSale(rs.getString("contract_filing_no"),
					Optional.ofNullable(rs.getBigDecimal("floor_area")),
					Optional.ofNullable(rs.getBigDecimal("contract_price"))))
			.optional();
	}

	/** The developer's project a new-house case names, if any. */
	Optional<Long> projectOf(CaseNo caseNo) {
		return this.jdbc.sql("select project_id from loan_application where case_no = ?")
			.param(caseNo.value())
			.query((rs, row) -> (Long) rs.getObject("project_id"))
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.findFirst();
	}

	boolean mortgageCertificateTaken(String certificateNo) {
		return this.jdbc.sql("select count(*) from loan_mortgage where certificate_no = ?")
			.param(certificateNo)
			.query(Integer.class)
			.single() > 0;
	}

	/** Keeps the bank's payment; a repeated call for the same case keeps the first. */
	void keepDisbursement(CaseNo caseNo, LoanCase.Disbursement disbursement) {
		this.jdbc.sql("""
				insert into loan_disbursement (case_no, order_id, amount, payee_name, payee_bank, payee_account_no,
				                               bank_reference, disbursed_at)
				values (:caseNo, :order, :amount, :name, :bank, :account, :ref, :at) on conflict (case_no) do nothing""")
			.param("caseNo", caseNo.value())
			.param("order", disbursement.orderId())
			.param("amount", disbursement.amount())
			.param("name", disbursement.payeeName())
			.param("bank", disbursement.payeeBank())
			.param("account", disbursement.payeeAccountNo())
			.param("ref", disbursement.bankReference())
			.param("at", disbursement.disbursedAt())
			.update();
	}

	OffsetDateTime insertIou(CaseNo caseNo, String iouNo, BigDecimal amount) {
		OffsetDateTime at = now();
		this.jdbc.sql("insert into loan_iou (case_no, iou_no, amount, issued_at) values (?, ?, ?, ?)")
			.params(caseNo.value(), iouNo, amount, at)
			.update();
		return at;
	}

	List<Instalment> schedule(CaseNo caseNo) {
		return this.jdbc.sql("select * from loan_repayment_schedule where case_no = ? order by period")
			.param(caseNo.value())
			.query((rs, row) -> new Instalment(rs.getInt("period"), rs.getObject("due_date", LocalDate.class),
					rs.getBigDecimal("payment"), rs.getBigDecimal("principal"), rs.getBigDecimal("interest"),
					rs.getBigDecimal("remaining_principal")))
			.list();
	}

	private static Optional<LoanCase.RepaymentAccount> repaymentAccount(String bank, String accountNo) {
		return accountNo == null ? Optional.empty() : Optional.of(new LoanCase.RepaymentAccount(bank, accountNo));
	}

	/** Whether the case names a co-borrower: a narrow read for the checklist, not the whole case. */
	boolean hasCoBorrower(CaseNo caseNo) {
		return this.jdbc.sql("select exists (select 1 from loan_party where case_no = ? and role = 'CO_BORROWER')")
			.param(caseNo.value())
			.query(Boolean.class)
			.single();
	}

	/** The borrower's phone, if given: a narrow read for the receipt. */
	Optional<String> borrowerPhone(CaseNo caseNo) {
		return this.jdbc.sql("select phone from loan_party where case_no = ? and role = 'BORROWER'")
			.param(caseNo.value())
			.query((rs, row) -> Optional.ofNullable(rs.getString(1)))
			.optional()
			.flatMap(phone -> phone);
	}

	/** The eligibility decision, if made: a narrow read for the reviews. */
	Optional<LoanCase.Decision> decisionOf(CaseNo caseNo) {
		return decision(caseNo.value());
	}

	/** What was asked for (amount, term, method, …): a narrow read. */
	Optional<LoanCase.Terms> termsOf(CaseNo caseNo) {
		return terms(caseNo.value());
	}

	/** The registry's answer on the title, if asked: a narrow read. */
	Optional<LoanCase.TitleCheck> titleCheckOf(CaseNo caseNo) {
		return titleCheck(caseNo.value());
	}

	/** The reviewers' opinions in order: a narrow read. */
	List<LoanCase.Review> reviewsOf(CaseNo caseNo) {
		return reviews(caseNo.value());
	}

	/** The approval, if given: a narrow read. */
	Optional<LoanCase.Approval> approvalOf(CaseNo caseNo) {
		return approval(caseNo.value());
	}

	/**
	 * What a completed loan's receipt prints: the approval and the numbers of its contract, IOU, payment and mortgage,
	 * without the parties, reports and reviews.
	 */
	LoanCase.Outcome outcomeOf(CaseNo caseNo) {
		String no = caseNo.value();
		return new LoanCase.Outcome(approval(no), contract(no), iou(no), disbursement(no), mortgage(no));
	}

	/** The whole loan: every table of it. Asked for where the answer needs it all (the case page, the documents). */
	Optional<LoanCase> find(CaseNo caseNo) {
		String no = caseNo.value();
		Optional<LoanCase.Terms> terms = terms(no);
		if (terms.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new LoanCase(caseNo, terms.get(), parties(no), property(no), creditReports(no), titleCheck(no),
				reviews(no), decision(no), approval(no), signatures(no), contract(no), mortgage(no), disbursement(no),
				iou(no)));
	}

	private Optional<LoanCase.Terms> terms(String no) {
		return this.jdbc.sql("select * from loan_application where case_no = ?")
			.param(no)
			.query((rs, row) -> new LoanCase.Terms(rs.getBigDecimal("requested_amount"), rs.getInt("term_months"),
					Optional.ofNullable(rs.getString("repayment_method")).map(RepaymentMethod::valueOf),
					Optional.ofNullable((Boolean) rs.getObject("first_home")), Optional.ofNullable(rs.getString("city_code")),
					Optional.ofNullable(rs.getString("project_name")), Optional.ofNullable(rs.getString("unit_no")),
					repaymentAccount(rs.getString("repayment_bank"), rs.getString("repayment_account_no"))))
			.optional();
	}

	private List<LoanCase.Party> parties(String no) {
		return this.jdbc.sql("select * from loan_party where case_no = ? order by role")
			.param(no)
			.query(LoanRecords::party)
			.list();
	}

	private static LoanCase.Party party(ResultSet rs, int row) throws SQLException {
		Optional<LoanCase.FundAccountSnapshot> account = rs.getObject("fund_read_at") == null ? Optional.empty()
				: Optional.of(new LoanCase.FundAccountSnapshot(rs.getString("fund_account_no"),
						rs.getString("fund_account_status"), rs.getBigDecimal("fund_balance"),
						rs.getInt("fund_continuous_months"), rs.getBigDecimal("fund_monthly_deposit"),
						rs.getBoolean("fund_outstanding_loan"), rs.getObject("fund_read_at", OffsetDateTime.class)));
		return new LoanCase.Party(Role.valueOf(rs.getString("role")), rs.getString("name"), rs.getString("id_no"),
				rs.getBoolean("male"), rs.getObject("birth_date", LocalDate.class), rs.getBoolean("female_cadre"),
				MaritalStatus.valueOf(rs.getString("marital_status")), rs.getBigDecimal("monthly_income"),
				Optional.ofNullable(rs.getString("phone")), account);
	}

	private Optional<LoanCase.Property> property(String no) {
		return this.jdbc.sql("select * from loan_property where case_no = ?")
			.param(no)
			.query((rs, row) -> new LoanCase.Property(rs.getString("certificate_no"), rs.getString("address"),
					rs.getBigDecimal("floor_area"), rs.getInt("build_year"), rs.getBigDecimal("contract_price"),
					rs.getBigDecimal("assessed_price"), rs.getString("seller_name"), rs.getString("seller_id_no"),
					rs.getString("seller_bank"), rs.getString("seller_account_no"), rs.getString("seller_account_name")))
			.optional();
	}

	private List<LoanCase.CreditReport> creditReports(String no) {
		return this.jdbc.sql("select * from loan_credit_report where case_no = ? order by role")
			.param(no)
			.query((rs, row) -> new LoanCase.CreditReport(Role.valueOf(rs.getString("role")), rs.getString("report_no"),
					rs.getInt("overdue_last_24_months"), rs.getBoolean("currently_overdue"),
					rs.getBigDecimal("existing_monthly_debt"), rs.getObject("reported_at", OffsetDateTime.class)))
			.list();
	}

	private Optional<LoanCase.TitleCheck> titleCheck(String no) {
		return this.jdbc.sql("select * from loan_title_check where case_no = ?")
			.param(no)
			.query((rs, row) -> new LoanCase.TitleCheck(rs.getString("registry_ref"), rs.getString("owner_names"),
					rs.getBoolean("sealed"), rs.getBoolean("mortgaged"), rs.getBoolean("owner_matches"),
					rs.getObject("checked_at", OffsetDateTime.class)))
			.optional();
	}

	List<LoanCase.Review> reviews(String no) {
		return this.jdbc.sql("select * from loan_review where case_no = ? order by reviewed_at, id")
			.param(no)
			.query((rs, row) -> new LoanCase.Review(rs.getString("stage"), rs.getString("outcome"), rs.getString("opinion"),
					rs.getString("reviewer"), rs.getObject("reviewed_at", OffsetDateTime.class)))
			.list();
	}

	private Optional<LoanCase.Decision> decision(String no) {
		return this.jdbc.sql("select * from loan_decision where case_no = ? order by decided_at desc, id desc limit 1")
			.param(no)
			.query((rs, row) -> new LoanCase.Decision(rs.getObject("decided_at", OffsetDateTime.class),
					rs.getString("policy_id"), rs.getObject("rate_effective_from", LocalDate.class),
					rs.getBigDecimal("annual_rate"), rs.getBoolean("eligible"),
					JsonColumns.read(this.json, rs.getString("reasons"), new TypeReference<List<LoanCase.Reason>>() {
					}), JsonColumns.read(this.json, rs.getString("limits"), new TypeReference<List<LoanCase.LimitLine>>() {
					}), rs.getString("binding_limit"), rs.getBigDecimal("approvable_amount"),
					rs.getBigDecimal("granted_amount"), rs.getString("explanation")))
			.optional();
	}

	private Optional<LoanCase.Approval> approval(String no) {
		return this.jdbc.sql("select * from loan_approval where case_no = ?")
			.param(no)
			.query((rs, row) -> new LoanCase.Approval(rs.getBigDecimal("approved_amount"), rs.getInt("term_months"),
					RepaymentMethod.valueOf(rs.getString("repayment_method")), rs.getBigDecimal("annual_rate"),
					rs.getString("approved_by"), rs.getObject("approved_at", OffsetDateTime.class)))
			.optional();
	}

	List<LoanCase.Signature> signatures(String no) {
		return this.jdbc.sql("select * from loan_contract_signature where case_no = ? order by signed_at, party")
			.param(no)
			.query((rs, row) -> new LoanCase.Signature(rs.getString("party"), rs.getString("signed_by"),
					rs.getObject("signed_at", OffsetDateTime.class)))
			.list();
	}

	private Optional<LoanCase.Contract> contract(String no) {
		return this.jdbc.sql("select * from loan_contract where case_no = ?")
			.param(no)
			.query((rs, row) -> new LoanCase.Contract(rs.getString("contract_no"),
					rs.getObject("signed_at", OffsetDateTime.class)))
			.optional();
	}

	private Optional<LoanCase.Mortgage> mortgage(String no) {
		return this.jdbc.sql("select * from loan_mortgage where case_no = ?")
			.param(no)
			.query((rs, row) -> new LoanCase.Mortgage(rs.getString("certificate_no"), rs.getString("registered_by"),
					rs.getObject("registered_at", OffsetDateTime.class)))
			.optional();
	}

	/** The bank's payment of the case, if it was paid. */
	Optional<LoanCase.Disbursement> disbursementOf(CaseNo caseNo) {
		return disbursement(caseNo.value());
	}

	private Optional<LoanCase.Disbursement> disbursement(String no) {
		return this.jdbc.sql("select * from loan_disbursement where case_no = ?")
			.param(no)
			.query((rs, row) -> new LoanCase.Disbursement(rs.getString("order_id"), rs.getBigDecimal("amount"),
					rs.getString("payee_name"), rs.getString("payee_bank"), rs.getString("payee_account_no"),
					rs.getString("bank_reference"), rs.getObject("disbursed_at", OffsetDateTime.class)))
			.optional();
	}

	private Optional<LoanCase.Iou> iou(String no) {
		return this.jdbc.sql("select * from loan_iou where case_no = ?")
			.param(no)
			.query((rs, row) -> new LoanCase.Iou(rs.getString("iou_no"), rs.getBigDecimal("amount"),
					rs.getObject("issued_at", OffsetDateTime.class)))
			.optional();
	}

}
