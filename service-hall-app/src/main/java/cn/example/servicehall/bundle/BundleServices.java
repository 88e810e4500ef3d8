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

	private final java.time.ZoneId zone;

	BundleServices(BundleCatalogue catalogue, BundleRecords records, CaseFiles cases, Withdrawals withdrawals,
			Documents documents, java.time.Clock clock) {
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
		List<DetailRow> details = new ArrayList<>();
		boolean everyPartDone = true;
		for (CasePart part : this.cases.parts(file.caseNo())) {
			String key = keys.get(part.partNo());
			if (key == null) {
				continue;
			}
			String name = bundle.part(key).map(Bundle.Part::name).orElse(key);
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
		for (IssuedDocument document : this.documents.ofCase(file.caseNo().value())) {
			if (!document.kind().equals(cn.example.servicehall.documents.render.TemplateId.ACCEPTANCE_RECEIPT)
					&& !document.kind().equals(cn.example.servicehall.documents.render.TemplateId.COMPLETION_RECEIPT)) {
				details.add(new DetailRow(document.title(), document.documentNo()));
			}
		}
		String signedBy = this.cases.actorsOf(file.caseNo(), CaseFiles.ACCEPTED).stream().findFirst().orElse("system");
		return new Completion(everyPartDone ? bundle.name() + "已办结，各事项均已办结" : bundle.name() + "已办结，部分事项不予办理",
				details, List.of("提取款项以银行实际入账为准。", "各事项的回执、证明可凭办件编号查询和验证。"), signedBy);
	}

	private Optional<Bundle> bundleOf(CaseFile file) {
		return this.records.find(file.caseNo()).flatMap(kept -> this.catalogue.find(kept.bundleCode()));
	}

}
