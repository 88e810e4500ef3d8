package cn.example.servicehall.bundle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.example.servicehall.agencies.AgencyRefused;
import cn.example.servicehall.agencies.HousingAuthority;
import cn.example.servicehall.agencies.HousingAuthority.Party;
import cn.example.servicehall.agencies.HousingAuthority.ResaleFiling;
import cn.example.servicehall.agencies.RealEstateRegistry;
import cn.example.servicehall.agencies.RealEstateRegistry.TransferRegistration;
import cn.example.servicehall.agencies.TaxBureau;
import cn.example.servicehall.agencies.TaxBureau.DeedTaxAssessment;
import cn.example.servicehall.bundle.ResaleSaleRecords.Kept;
import cn.example.servicehall.documents.Printed;
import cn.example.servicehall.documents.render.DetailRow;
import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.intake.Agency;
import cn.example.servicehall.intake.CaseFile;
import cn.example.servicehall.intake.CaseFiles;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.intake.CasePart;
import cn.example.servicehall.intake.ServiceType;
import cn.example.servicehall.platform.web.ProblemException;
import cn.example.servicehall.workflow.CaseTasks;
import cn.example.servicehall.workflow.TaskNotOpen;

/**
 * 二手房买卖+公积金贷款's own steps (ADR 0009): the sale's filing with the housing authority, the deed tax with the tax
 * bureau, the registry's transfer (with the fund centre's mortgage, or alone after a refused loan), and, when the buyer
 * cancels, the undo that exists (the tax marked for refund or voided, the filing withdrawn). Every call is keyed by the
 * case's part (its number {@code YS…-n}), so a retry after a lost answer is answered, never done twice; each answer is
 * kept ({@code bundle_resale_sale}) and written in the case's history. The housing authority's and the tax bureau's
 * steps are the hall's calls ({@link Agency#SYSTEM}): intake has no agency code for them yet.
 */
@Service
public class ResaleSales {

	/** The bundle's code in the catalogue. */
	static final String BUNDLE = "RESALE_PURCHASE_AND_LOAN";

	/** The buyer's deed-tax payment confirmed at the window. */
	static final String TASK_PAY_DEED_TAX = "Task_PayDeedTax";

	private static final String PAY_DEED_TAX = "缴纳契税";

	private final ResaleSaleRecords records;

	private final BundleRecords bundles;

	private final CaseFiles cases;

	private final CaseTasks tasks;

	private final HousingAuthority housingAuthority;

	private final TaxBureau taxBureau;

	private final RealEstateRegistry registry;

	private final BundleLoans loans;

	private final Clock clock;

	private final String mortgagee;

	ResaleSales(ResaleSaleRecords records, BundleRecords bundles, CaseFiles cases, CaseTasks tasks,
			HousingAuthority housingAuthority, TaxBureau taxBureau, RealEstateRegistry registry, BundleLoans loans,
			Clock clock, @Value("${servicehall.bundles.mortgagee:焦作市住房公积金管理中心}") String mortgagee) {
		this.records = records;
		this.bundles = bundles;
		this.cases = cases;
		this.tasks = tasks;
		this.housingAuthority = housingAuthority;
		this.taxBureau = taxBureau;
		this.registry = registry;
		this.loans = loans;
		this.clock = clock;
		this.mortgagee = mortgagee;
	}

	/** At acceptance: the sale as the form states it (the seller, the title, the price and the day from the loan's section). */
	void accept(CaseNo caseNo, ResaleSale sale, BundleApplication.Loan loan) {
		this.records.insert(caseNo, sale, loan);
	}

	/**
	 * 网签备案: the housing authority files the sale contract under the filing part's number. Its refusal (the title
	 * sealed, mortgaged, the seller not its owner) is returned in its words, written in the history; nothing was done.
	 */
	@Transactional
	public Optional<String> fileContract(CaseNo caseNo) {
		Kept sale = sale(caseNo);
		CaseFile file = this.cases.get(caseNo);
		String key = partLabel(caseNo, "contract-filing");
		ResaleFiling filing;
		try {
			filing = this.housingAuthority.fileResaleContract(new HousingAuthority.ResaleContract(key,
					sale.certificateNo(), List.of(new Party(sale.sellerName(), sale.sellerIdNumber())),
					List.of(new Party(file.applicantName(), file.applicantIdNumber().value())), sale.price(),
					sale.signedOn(), null));
		}
		catch (AgencyRefused refused) {
			this.records.filingRefused(caseNo, refused.getMessage());
			step(caseNo, "SALE_CONTRACT_FILING_REFUSED", Agency.SYSTEM,
					"住建局不予网签备案（" + key + "）：" + refused.getMessage());
			return Optional.of(refused.getMessage());
		}
		this.records.filed(caseNo, filing);
		boolean asDeclared = filing.address().equals(sale.address()) && filing.floorArea().compareTo(sale.floorArea()) == 0;
		step(caseNo, "SALE_CONTRACT_FILED", Agency.SYSTEM, "住建局已网签备案（" + key + "）：备案号 " + filing.filingNo()
				+ "，房屋坐落 " + filing.address() + "，建筑面积 " + filing.floorArea() + " 平方米，成交价 "
				+ Printed.money(filing.price()) + (asDeclared ? "" : "（申请表填写为 " + sale.address() + "，"
						+ sale.floorArea() + " 平方米，以不动产登记簿为准）"));
		return Optional.empty();
	}

	/** 契税核定: the tax bureau assesses the filed sale once; the case says when it counts the family's homes otherwise. */
	@Transactional
	public void assessDeedTax(CaseNo caseNo) {
		Kept sale = sale(caseNo);
		DeedTaxAssessment tax = this.taxBureau.assessDeedTax(sale.filingNo(),
				sale.spouseIdNumber() == null ? List.of() : List.of(sale.spouseIdNumber()));
		this.records.taxed(caseNo, tax);
		String declared = sale.declaredHome() == tax.category() ? ""
				: "（申请人申报为" + sale.declaredHome().label() + "，以税务局核定为准）";
		step(caseNo, "DEED_TAX_ASSESSED", Agency.SYSTEM, "税务局契税核定（" + partLabel(caseNo, "deed-tax") + "）：核定编号 "
				+ tax.assessmentNo() + "，" + tax.category().label() + declared + "，建筑面积 " + tax.floorArea()
				+ " 平方米，计税依据 " + Printed.money(tax.taxBase()) + "，税率 " + percent(tax.rate()) + "，应纳税额 "
				+ Printed.money(tax.amount()));
	}

	/**
	 * The acceptance clerk confirms that the buyer paid the assessed deed tax at the tax window (the buyer's own money:
	 * the hall does not pay it); refused in words when the amount is not the one assessed or no payment is awaited.
	 */
	@Transactional
	public void confirmDeedTaxPaid(CaseNo caseNo, BigDecimal amount, CurrentOfficer clerk) {
		this.cases.getVisible(caseNo, clerk);
		CasePart bundle = bundlePart(caseNo, PAY_DEED_TAX);
		CaseTasks.OpenCaseTask step = this.tasks.openTaskFor(bundle, TASK_PAY_DEED_TAX, PAY_DEED_TAX, clerk);
		Kept sale = sale(caseNo);
		if (sale.taxAmount() == null || sale.taxAmount().compareTo(amount) != 0) {
			throw ProblemException.refusal(HttpStatus.UNPROCESSABLE_ENTITY, "deed-tax-amount-differs",
					"problem.bundle.deed-tax-amount-differs", Printed.money(amount),
					sale.taxAmount() == null ? "—" : Printed.money(sale.taxAmount()));
		}
		step(caseNo, "DEED_TAX_PAID_AT_WINDOW", clerk.id(), Agency.HPF,
				"申请人已在税务窗口缴纳契税 " + Printed.money(amount) + "（核定编号 " + sale.taxAssessmentNo() + "）");
		this.tasks.complete(step, clerk, Map.of());
	}

	/** 登记完税: the payment recorded with the tax bureau, once; it answers the 完税凭证号. */
	@Transactional
	public void recordDeedTaxPayment(CaseNo caseNo) {
		Kept sale = sale(caseNo);
		DeedTaxAssessment tax = this.taxBureau.recordPayment(sale.taxAssessmentNo(), sale.taxAmount());
		this.records.taxed(caseNo, tax);
		step(caseNo, "DEED_TAX_RECEIPTED", Agency.SYSTEM, "税务局已登记完税（" + partLabel(caseNo, "deed-tax")
				+ "）：完税凭证号 " + tax.paymentCertificateNo() + "，金额 " + Printed.money(tax.amount()));
	}

	/**
	 * 转移登记+抵押登记合并办理: the title moves to the buyer and the fund centre's mortgage is registered on it, in one
	 * registration under the registration part's number; the mortgage is the loan's, recorded on it.
	 */
	@Transactional
	public void registerTransferWithMortgage(CaseNo caseNo) {
		Kept sale = sale(caseNo);
		BundleLoans.Signed loan = this.loans.signed(caseNo)
			.orElseThrow(() -> new IllegalStateException("No signed loan contract for the joint registration: " + caseNo));
		TransferRegistration registration = this.registry
			.registerTransferWithMortgage(new RealEstateRegistry.TransferWithMortgage(
					partLabel(caseNo, "registration"), sale.filingNo(), this.mortgagee, loan.contractNo(), loan.amount()));
		this.records.registered(caseNo, registration);
		this.loans.recordJointMortgage(caseNo, registration.mortgageCertificateNo());
		step(caseNo, "TRANSFER_AND_MORTGAGE_REGISTERED", Agency.REGISTRY, "转移登记与抵押登记合并办理（"
				+ partLabel(caseNo, "registration") + "）：不动产权证书号 " + registration.certificateNo() + "（原证 "
				+ registration.previousCertificateNo() + " 注销），不动产登记证明号 " + registration.mortgageCertificateNo()
				+ "，抵押权人 " + registration.mortgagee() + "，被担保主债权 " + Printed.money(registration.securedAmount()));
	}

	/** 转移登记 alone: the buyer goes on with own funds after the loan was refused; no mortgage. */
	@Transactional
	public void registerTransfer(CaseNo caseNo) {
		Kept sale = sale(caseNo);
		TransferRegistration registration = this.registry
			.registerTransfer(new RealEstateRegistry.TransferAlone(partLabel(caseNo, "registration"), sale.filingNo()));
		this.records.registered(caseNo, registration);
		step(caseNo, "TRANSFER_REGISTERED", Agency.REGISTRY, "转移登记（" + partLabel(caseNo, "registration")
				+ "，自有资金购房，无抵押）：不动产权证书号 " + registration.certificateNo() + "（原证 "
				+ registration.previousCertificateNo() + " 注销）");
	}

	/**
	 * The sale is cancelled: a paid deed tax is marked for refund, an unpaid assessment voided, once. Nothing assessed:
	 * nothing to undo. The tax bureau's refusal is written in the history and named when the bundle is cancelled.
	 */
	@Transactional
	public void undoDeedTax(CaseNo caseNo) {
		Kept sale = sale(caseNo);
		if (sale.taxAssessmentNo() == null) {
			return;
		}
		try {
			DeedTaxAssessment tax = this.taxBureau.cancelForSaleCancelled(sale.taxAssessmentNo(),
					"申请人撤销买卖（" + caseNo.value() + "）");
			this.records.taxed(caseNo, tax);
			step(caseNo, "DEED_TAX_CANCELLED", Agency.SYSTEM, tax.status() == TaxBureau.AssessmentStatus.REFUND_PENDING
					? "税务局已受理退税：契税 " + Printed.money(tax.amount()) + "（完税凭证号 " + tax.paymentCertificateNo() + "）待退还"
					: "税务局已作废契税核定 " + tax.assessmentNo() + "（未缴纳）");
		}
		catch (AgencyRefused refused) {
			step(caseNo, "DEED_TAX_NOT_CANCELLED", Agency.SYSTEM, "契税未能退税或作废：" + refused.getMessage());
		}
	}

	/** The sale is cancelled: the housing authority withdraws (注销) the filing, once; its refusal is written down. */
	@Transactional
	public void withdrawFiling(CaseNo caseNo) {
		Kept sale = sale(caseNo);
		if (sale.filingNo() == null) {
			return;
		}
		try {
			ResaleFiling withdrawn = this.housingAuthority.withdrawResaleFiling(sale.filingNo(),
					partLabel(caseNo, "contract-filing") + "/注销", "申请人撤销买卖（一件事 " + caseNo.value() + "）");
			this.records.filingWithdrawn(caseNo, withdrawn.withdrawnOn());
			step(caseNo, "SALE_CONTRACT_FILING_WITHDRAWN", Agency.SYSTEM, "住建局已注销网签备案 " + withdrawn.filingNo());
		}
		catch (AgencyRefused refused) {
			step(caseNo, "SALE_CONTRACT_FILING_NOT_WITHDRAWN", Agency.SYSTEM, "网签备案未能注销：" + refused.getMessage());
		}
	}

	/**
	 * What a cancelled sale leaves, in words, for the cancellation: what was undone and what was not (a tax refund
	 * the bureau still has to pay, a filing or an assessment the agency would not undo).
	 */
	List<String> cancellation(CaseNo caseNo) {
		List<String> reasons = new ArrayList<>();
		Optional<Kept> found = this.records.find(caseNo);
		if (found.isEmpty()) {
			return reasons;
		}
		Kept sale = found.get();
		if (sale.filingRefusal() != null) {
			reasons.add("住建局不予网签备案，其余事项均未办理：" + sale.filingRefusal());
		}
		if (sale.filingNo() != null) {
			reasons.add(sale.filingWithdrawnOn() != null ? "已撤回：网签备案 " + sale.filingNo() + " 已注销"
					: "未能撤回：网签备案 " + sale.filingNo() + " 未注销，请申请人或窗口到住建局办理注销");
		}
		if (sale.taxAssessmentNo() != null) {
			if ("REFUND_PENDING".equals(sale.taxCancelStatus())) {
				reasons.add("无法当场撤回：契税 " + Printed.money(sale.taxAmount()) + " 已缴纳（完税凭证号 "
						+ sale.taxCertificateNo() + "），已申请退税，款项由税务局退还申请人");
			}
			else if ("VOIDED".equals(sale.taxCancelStatus())) {
				reasons.add("已撤回：契税核定 " + sale.taxAssessmentNo() + " 已作废（未缴纳）");
			}
			else {
				reasons.add("未能撤回：契税核定 " + sale.taxAssessmentNo() + " 未退税或作废，请到税务局办理");
			}
		}
		return reasons;
	}

	/** The completion receipt's rows of a resale bundle, part by part, with every number the buyer leaves with. */
	List<DetailRow> completion(CaseNo caseNo, Map<Integer, String> partKeys, Bundle bundle) {
		Kept sale = sale(caseNo);
		Optional<BundleLoans.Settled> loan = this.loans.settled(caseNo);
		List<DetailRow> rows = new ArrayList<>();
		partKeys.forEach((partNo, key) -> {
			String name = caseNo.value() + "-" + partNo + " " + bundle.part(key).map(Bundle.Part::name).orElse(key);
			String outcome = switch (key) {
				case "contract-filing" -> sale.filingNo() == null ? "不予备案" : "已备案，网签备案号 " + sale.filingNo();
				case "deed-tax" -> sale.taxCertificateNo() == null ? "未缴纳"
						: "已缴纳 " + Printed.money(sale.taxAmount()) + "，完税凭证号 " + sale.taxCertificateNo();
				case "registration" -> sale.newCertificateNo() == null ? "未登记"
						: "已登记，新不动产权证书号 " + sale.newCertificateNo() + (sale.mortgageCertificateNo() == null
								? "（自有资金购房，无抵押）" : "；抵押登记，不动产登记证明号 " + sale.mortgageCertificateNo());
				case "loan" -> loan.filter(l -> l.iouNo() != null)
					.map(l -> "已放款 " + Printed.money(l.amount()) + "，借款合同号 " + l.contractNo() + "，借据号 " + l.iouNo())
					.orElse("不予贷款（申请人以自有资金购房）");
				default -> "—";
			};
			rows.add(new DetailRow(name, outcome));
		});
		return rows;
	}

	/** Whether every part of a completed resale bundle was done (none refused). */
	boolean everyPartDone(CaseNo caseNo) {
		return this.records.find(caseNo).map(sale -> sale.mortgageCertificateNo() != null).orElse(false);
	}

	boolean isResale(CaseNo caseNo) {
		return this.records.find(caseNo).isPresent();
	}

	private CasePart bundlePart(CaseNo caseNo, String taskName) {
		return this.cases.parts(caseNo)
			.stream()
			.filter(p -> p.partNo() == 1 && p.serviceType().equals(ServiceType.BUNDLE))
			.findFirst()
			.orElseThrow(() -> new TaskNotOpen(caseNo.value(), taskName));
	}

	/** The deed tax assessed for the case's sale, once the tax bureau assessed it: its number and amount. */
	public Optional<AssessedDeedTax> assessedDeedTax(CaseNo caseNo) {
		return this.records.find(caseNo)
			.filter(sale -> sale.taxAmount() != null)
			.map(sale -> new AssessedDeedTax(sale.taxAssessmentNo(), sale.taxAmount()));
	}

	/**
	 * A deed tax as assessed.
	 * @param assessmentNo the tax bureau's 核定编号
	 * @param amount 应纳税额, yuan
	 */
	public record AssessedDeedTax(String assessmentNo, BigDecimal amount) {
	}

	private Kept sale(CaseNo caseNo) {
		return this.records.find(caseNo)
			.orElseThrow(() -> new IllegalStateException("Not a resale bundle case: " + caseNo));
	}

	/** The part's number, {@code YS…-n}: the request key of its agency's call. */
	private String partLabel(CaseNo caseNo, String partKey) {
		return this.bundles.parts(caseNo)
			.entrySet()
			.stream()
			.filter(part -> part.getValue().equals(partKey))
			.map(part -> caseNo.value() + "-" + part.getKey())
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No part " + partKey + " in " + caseNo));
	}

	private void step(CaseNo caseNo, String action, Agency agency, String remark) {
		step(caseNo, action, null, agency, remark);
	}

	private void step(CaseNo caseNo, String action, String actorId, Agency agency, String remark) {
		this.cases.recordStep(caseNo, this.cases.get(caseNo).status(), action, actorId, agency, remark);
	}

	private static String percent(BigDecimal rate) {
		return rate.movePointRight(2).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
	}

}
