package cn.example.servicehall.bundle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.example.servicehall.documents.Documents;
import cn.example.servicehall.documents.IssuedDocument;
import cn.example.servicehall.documents.Printed;
import cn.example.servicehall.documents.render.DetailRow;
import cn.example.servicehall.intake.CaseFile;
import cn.example.servicehall.intake.CaseFiles;
import cn.example.servicehall.intake.CasePart;
import cn.example.servicehall.intake.CaseService;
import cn.example.servicehall.intake.CaseStage;
import cn.example.servicehall.intake.Checklist;
import cn.example.servicehall.intake.ServiceType;
import cn.example.servicehall.loan.LoanSettlements;
import cn.example.servicehall.withdrawal.WithdrawalRecords;
import cn.example.servicehall.withdrawal.Withdrawals;

/**
 * 一件事一次办 as intake knows it (ADR 0009): one service for every bundle, its variant the catalogue's code; the
 * merged checklist; the documents name the bundle and its parts with their numbers; the completion receipt lists
 * each part's outcome, amount and documents.
 */
@Component
class BundleServices implements CaseService {

	private final BundleCatalogue catalogue;

	private final BundleRecords records;

	private final CaseFiles cases;

	private final Withdrawals withdrawals;

	private final Documents documents;

	private final LoanSettlements loans;

	private final java.time.ZoneId zone;

	private final org.springframework.context.MessageSource words;

	private final ResaleSales sales;

	BundleServices(BundleCatalogue catalogue, BundleRecords records, CaseFiles cases, Withdrawals withdrawals,
			Documents documents, LoanSettlements loans, java.time.Clock clock, ResaleSales sales,
			org.springframework.context.MessageSource words) {
		this.words = words;
		this.sales = sales;
		this.loans = loans;
		this.zone = clock.getZone();
		this.catalogue = catalogue;
		this.records = records;
		this.cases = cases;
		this.withdrawals = withdrawals;
		this.documents = documents;
	}

	@Override
	public ServiceType type() {
		return ServiceType.BUNDLE;
	}

	@Override
	public String caseNoPrefix() {
		return "YS";
	}

	@Override
	public String displayName(Locale locale) {
		return CaseService.pick(locale, "一件事一次办", "One thing, one visit");
	}

	/** Counted per bundle of the catalogue. */
	@Override
	public Map<String, String> variants(Locale locale) {
		Map<String, String> variants = new LinkedHashMap<>();
		this.catalogue.all().forEach(bundle -> variants.put(bundle.code(), bundle.displayName(locale)));
		return variants;
	}

	@Override
	public String documentName() {
		return "一件事一次办";
	}

	/** {@code 退休一件事（YS2026120700001-2 离休、退休提取并销户）}: the bundle and each part with its number. */
	@Override
	public String documentName(CaseFile file) {
		Optional<Bundle> bundle = bundleOf(file);
		if (bundle.isEmpty()) {
			return documentName();
		}
		List<String> parts = new ArrayList<>();
		this.records.parts(file.caseNo())
			.forEach((partNo, key) -> parts.add(file.caseNo().value() + "-" + partNo + " "
					+ bundle.get().part(key).map(Bundle.Part::name).orElse(key)));
		return bundle.get().name() + "（" + String.join("；", parts) + "）";
	}

	/**
	 * The parts this case has, as the acceptance receipt's table lists them (in Chinese, as documents are): each with
	 * its number, name, agency, and the parts of this case it waits for ({@code after}; one that did not apply to the
	 * citizen is not waited for).
	 */
	@Override
	public List<ReceiptPart> receiptParts(CaseFile file) {
		Optional<Bundle> bundle = bundleOf(file);
		if (bundle.isEmpty()) {
			return List.of();
		}
		Map<Integer, String> keys = this.records.parts(file.caseNo());
		java.util.Collection<String> present = keys.values();
		List<ReceiptPart> parts = new ArrayList<>();
		keys.forEach((partNo, key) -> bundle.get().part(key).ifPresent(part -> {
			List<String> waits = part.after()
				.stream()
				.filter(present::contains)
				.map(after -> bundle.get().part(after).map(Bundle.Part::name).orElse(after))
				.toList();
			String order = waits.isEmpty() ? word("workbench.bundles.at-once")
					: word("workbench.bundles.after", String.join("”“", waits));
			parts.add(new ReceiptPart(file.caseNo().value() + "-" + partNo, part.name(),
					word("workbench.bundles.agency." + part.agency().name()), order));
		}));
		return parts;
	}

	private String word(String code, Object... args) {
		return this.words.getMessage(code, args, Locale.ROOT);
	}

	/** Part 1 is the bundle itself; each other part as the catalogue names it. */
	@Override
	public Optional<String> partName(CaseFile file, CasePart part, Locale locale) {
		return bundleOf(file).flatMap(bundle -> part.partNo() == 1 ? Optional.of(bundle.displayName(locale))
				: Optional.ofNullable(this.records.parts(file.caseNo()).get(part.partNo()))
					.flatMap(bundle::part)
					.map(p -> p.displayName(locale)));
	}

	/**
	 * The merged checklist of the parts this case has: a part that did not apply to the citizen (a fund loan's payoff
	 * for a depositor without one) asked for nothing, so its materials are not on the receipt. Before the parts are
	 * registered, the whole merged checklist.
	 */
	@Override
	public Checklist checklist(CaseFile file) {
		return bundleOf(file).map(bundle -> {
			java.util.Set<String> needed = new java.util.HashSet<>();
			this.records.parts(file.caseNo())
				.values()
				.forEach(key -> bundle.part(key).ifPresent(part -> needed.addAll(part.materials())));
			Checklist merged = bundle.checklist();
			return needed.isEmpty() ? merged
					: new Checklist(merged.items().stream().filter(item -> needed.contains(item.material().code())).toList());
		}).orElse(Checklist.none());
	}

	@Override
	public List<? extends CaseStage> stages() {
		return List.of();
	}

	/** The longest time limit of the catalogue, for a case whose bundle is not known. */
	@Override
	public int decisionDays() {
		return this.catalogue.all().stream().mapToInt(Bundle::timeLimitWorkingDays).max().orElse(1);
	}

	/** The case's bundle's time limit. */
	@Override
	public int decisionDays(CaseFile file) {
		return bundleOf(file).map(Bundle::timeLimitWorkingDays).orElseGet(this::decisionDays);
	}

	/** A bundle's limit is in working days: the receipt promises the day its deadline falls on (bundle_case.due_at). */
	@Override
	public Promise promise(CaseFile file, java.time.LocalDate acceptedOn) {
		int days = decisionDays(file);
		return this.records.dueOf(List.of(file.caseNo().value()))
			.values()
			.stream()
			.findFirst()
			.map(due -> new Promise(days + "个工作日", due.atZone(this.zone).toLocalDate()))
			.orElseGet(() -> CaseService.super.promise(file, acceptedOn));
	}

	@Override
	public Optional<String> applicantPhone(CaseFile file) {
		return this.records.find(file.caseNo()).map(BundleRecords.Kept::phone);
	}

	/** Each part: its number and name, then its outcome, the amount paid and the documents it issued. */
	@Override
	public Completion completion(CaseFile file) {
		Bundle bundle = bundleOf(file).orElseThrow();
		Map<Integer, String> keys = this.records.parts(file.caseNo());
		if (this.sales.isResale(file.caseNo())) {
			return resaleCompletion(file, bundle, keys);
		}
		List<DetailRow> details = new ArrayList<>();
		boolean everyPartDone = true;
		for (CasePart part : this.cases.parts(file.caseNo())) {
			String key = keys.get(part.partNo());
			if (key == null) {
				continue;
			}
			String name = bundle.part(key).map(Bundle.Part::name).orElse(key);
			if (ServiceType.RESALE_LOAN.equals(part.serviceType())) {
				Optional<String> disbursed = loanOutcome(file);
				everyPartDone &= disbursed.isPresent();
				details.add(new DetailRow(part.label() + " " + name, disbursed.orElse("不予办理")));
				continue;
			}
			Optional<WithdrawalRecords.Payment> paid = this.withdrawals.payment(part.ref());
			if (paid.isEmpty()) {
				everyPartDone = false;
				details.add(new DetailRow(part.label() + " " + name, "不予办理"));
				continue;
			}
			StringBuilder outcome = new StringBuilder("已办结，金额 " + Printed.moneyWithWords(paid.get().amount()));
			if (paid.get().closedAccount()) {
				outcome.append("，账户已销户");
			}
			if (paid.get().paidToLoan().isPresent()) {
				outcome.append("，已偿还公积金贷款 ").append(paid.get().paidToLoan().get()).append("，贷款已结清");
				paid.get().bankReference().ifPresent(ref -> outcome.append("，还款流水号 ").append(ref));
			}
			else {
				paid.get().bankReference().ifPresent(ref -> outcome.append("，银行流水号 ").append(ref));
			}
			details.add(new DetailRow(part.label() + " " + name, outcome.toString()));
		}
		details.addAll(documentRows(file));
		String signedBy = signedBy(file);
		return new Completion(everyPartDone ? bundle.name() + "已办结，各事项均已办结" : bundle.name() + "已办结，部分事项不予办理",
				details, List.of("提取款项以银行实际入账为准。", "各事项的回执、证明可凭办件编号查询和验证。"), signedBy);
	}

	/**
	 * 二手房买卖+公积金贷款: each part with what the buyer leaves with (the filing's number, the 完税凭证号, the new
	 * 不动产权证书号 and the 不动产登记证明号, the loan's contract and IOU numbers), then the documents issued.
	 */
	private Completion resaleCompletion(CaseFile file, Bundle bundle, Map<Integer, String> keys) {
		List<DetailRow> details = new ArrayList<>(this.sales.completion(file.caseNo(), keys, bundle));
		details.addAll(documentRows(file));
		String signedBy = signedBy(file);
		return new Completion(this.sales.everyPartDone(file.caseNo()) ? bundle.name() + "已办结，各事项均已办结"
				: bundle.name() + "已办结，贷款不予办理，申请人以自有资金购房",
				details, List.of("新不动产权证书和不动产登记证明由不动产登记中心颁发，凭证号码以登记簿为准。",
						"各事项的回执、证明可凭办件编号查询和验证。"), signedBy);
	}

	/** The documents the case issued, but its receipts: each by its title and number. */
	private List<DetailRow> documentRows(CaseFile file) {
		List<DetailRow> rows = new ArrayList<>();
		for (IssuedDocument document : this.documents.ofCase(file.caseNo().value())) {
			if (!document.kind().equals(cn.example.servicehall.documents.render.TemplateId.ACCEPTANCE_RECEIPT)
					&& !document.kind().equals(cn.example.servicehall.documents.render.TemplateId.COMPLETION_RECEIPT)) {
				rows.add(new DetailRow(document.title(), document.documentNo()));
			}
		}
		return rows;
	}

	/** Who accepted the case signs its completion receipt. */
	private String signedBy(CaseFile file) {
		return this.cases.actorsOf(file.caseNo(), CaseFiles.ACCEPTED).stream().findFirst().orElse("system");
	}

	/** A loan part disbursed: the amount paid to the seller and its contract's and IOU's numbers; empty if not. */
	private Optional<String> loanOutcome(CaseFile file) {
		return this.loans.outcome(file.caseNo())
			.filter(outcome -> outcome.disbursement().isPresent())
			.map(outcome -> "已放款，金额 " + Printed.moneyWithWords(outcome.disbursement().get().amount())
					+ outcome.contract().map(c -> "，借款合同 " + c.contractNo()).orElse("")
					+ outcome.iou().map(iou -> "，借据 " + iou.iouNo()).orElse("")
					+ outcome.mortgage().map(m -> "，不动产登记证明 " + m.certificateNo()).orElse(""));
	}

	private Optional<Bundle> bundleOf(CaseFile file) {
		return this.records.find(file.caseNo()).flatMap(kept -> this.catalogue.find(kept.bundleCode()));
	}

}
