package cn.example.servicehall.withdrawal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.example.servicehall.documents.Printed;
import cn.example.servicehall.documents.render.DetailRow;
import cn.example.servicehall.intake.BankCardNumber;
import cn.example.servicehall.intake.CaseFile;
import cn.example.servicehall.intake.CaseService;
import cn.example.servicehall.intake.CaseStage;
import cn.example.servicehall.intake.Checklist;
import cn.example.servicehall.intake.ServiceType;

/** 公积金提取 as intake knows it: its checklist per type, its stages, its time to decide (Art. 25: 3 days). */
@Component
class WithdrawalServices implements CaseService {

	/** 条例 Art. 25: the centre decides within 3 days of acceptance. */
	static final int DECISION_DAYS = 3;

	private final WithdrawalRecords records;

	WithdrawalServices(WithdrawalRecords records) {
		this.records = records;
	}

	@Override
	public ServiceType type() {
		return Withdrawals.SERVICE;
	}

	@Override
	public String caseNoPrefix() {
		return "TQ";
	}

	@Override
	public String displayName(Locale locale) {
		return CaseService.pick(locale, "住房公积金提取", "Fund withdrawal");
	}

	/** Its cases are counted per withdrawal type, in the order of {@link WithdrawalType}. */
	@Override
	public Map<String, String> variants(Locale locale) {
		Map<String, String> variants = new LinkedHashMap<>();
		for (WithdrawalType type : WithdrawalType.values()) {
			variants.put(type.name(), type.displayName(locale));
		}
		return variants;
	}

	@Override
	public String documentName() {
		return "住房公积金提取";
	}

	@Override
	public Checklist checklist(CaseFile file) {
		return this.records.application(this.records.first(file.caseNo()))
			.map(kept -> Withdrawals.checklist(WithdrawalSteps.application(file, kept)))
			.orElse(Checklist.none());
	}

	@Override
	public List<? extends CaseStage> stages() {
		return Arrays.asList(WithdrawalStage.values());
	}

	@Override
	public int decisionDays() {
		return DECISION_DAYS;
	}

	@Override
	public Optional<String> applicantPhone(CaseFile file) {
		return this.records.application(this.records.first(file.caseNo())).map(WithdrawalRecords.Kept::phone);
	}

	@Override
	public Completion completion(CaseFile file) {
		WithdrawalRecords.Kept kept = this.records.application(this.records.first(file.caseNo())).orElseThrow();
		List<DetailRow> details = new ArrayList<>();
		details.add(new DetailRow("提取类型", kept.type().displayName(Locale.ROOT)));
		this.records.payment(this.records.first(file.caseNo())).ifPresent(paid -> {
			details.add(new DetailRow("提取金额", Printed.moneyWithWords(paid.amount())));
			details.add(new DetailRow("收款账户", kept.bankName() + " " + new BankCardNumber(kept.cardNo()).masked()));
			paid.bankReference().ifPresent(ref -> details.add(new DetailRow("银行流水号", ref)));
		});
		List<WithdrawalRecords.Review> reviews = this.records.reviews(this.records.first(file.caseNo()));
		return new Completion(kept.type().closing() ? "准予提取，账户已销户" : "准予提取，款项已转账", details,
				List.of("提取款项以银行实际入账为准。"),
				reviews.isEmpty() ? WithdrawalSteps.DECIDED_BY_THE_RULES : reviews.get(reviews.size() - 1).reviewer());
	}

}
