package cn.example.servicehall.loan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.example.servicehall.documents.Printed;
import cn.example.servicehall.documents.render.DetailRow;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.intake.CaseFile;
import cn.example.servicehall.intake.CaseService;
import cn.example.servicehall.intake.CaseStage;
import cn.example.servicehall.intake.CaseStatus;
import cn.example.servicehall.intake.Checklist;
import cn.example.servicehall.intake.ServiceType;
import cn.example.servicehall.loan.calculation.Instalment;

/**
 * The loans as intake knows them ({@link CaseService}): the resale loan at the window, with its checklist and its
 * withdrawal at the window until the contract is signed, and the new-house loan submitted online by a developer.
 */
@Configuration(proxyBeanMethods = false)
class LoanServices {

	/** 二手房公积金贷款 as the documents name the service. */
	static final String RESALE_DOCUMENT_NAME = "二手房住房公积金个人贷款";

	/** 新房（期房）公积金贷款 as the documents name the service. */
	static final String NEW_HOUSE_DOCUMENT_NAME = "新建商品房住房公积金个人贷款";

	/**
	 * 审批时限: a decision within 15 days of acceptance (《住房公积金管理条例》 Art. 26, domain.md §6), as the receipt
	 * promises it. Calendar days until the working-day calendar comes.
	 */
	static final int DECISION_DAYS = 15;

	/** What the borrower does next, as the completion receipt says it. */
	static final List<String> COMPLETION_NOTES = List.of("请妥善保管本回执及借款合同、借款借据和放款通知书。",
			"请自首次还款日起，于每月还款日前在还款账户中存足当期应还款额，按时足额还款；逾期的，将按借款合同计收罚息，并影响个人信用记录。",
			"提前还款、以住房公积金按月冲还贷款本息等手续，请咨询本中心或受托银行；贷款还清后，请持结清证明办理抵押注销登记。");

	/** After these the applicant can no longer withdraw at the window (the contract is signed). */
	private static final Set<String> TOO_LATE_TO_WITHDRAW = Set.of(LoanStage.CONTRACT_SIGNED.name(),
			LoanStage.MORTGAGE_REGISTERED.name(), LoanStage.DISBURSED.name());

	/**
	 * A new-house case can be withdrawn until it is approved: whatever comes after approval (signing appointment,
	 * signing, pre-mortgage) is not on this list.
	 */
	private static final Set<String> NEW_HOUSE_WITHDRAWABLE = Set.of(CaseStatus.SUBMITTED.name(),
			CaseStatus.AWAITING_MATERIALS.name(), CaseStatus.ACCEPTED.name(), LoanStage.RETURNED.name(),
			LoanStage.ASSESSED.name(), LoanStage.FIRST_REVIEWED.name());

	@Bean
	CaseService resaleLoanService(LoanRecords records, MessageSource messages) {
		return new Loan(ServiceType.RESALE_LOAN, messages, RESALE_DOCUMENT_NAME, records) {

			@Override
			public Checklist checklist(CaseFile file) {
				return MaterialChecklist.resaleLoan(records.hasCoBorrower(file.caseNo()));
			}

			@Override
			public Set<String> withdrawnBy() {
				return Set.of(Groups.HPF_ACCEPTANCE_CLERK);
			}

			@Override
			public boolean mayWithdraw(CaseFile file) {
				return !file.status().isClosed() && !TOO_LATE_TO_WITHDRAW.contains(file.status().name());
			}

		};
	}

	@Bean
	CaseService newHouseLoanService(LoanRecords records, MessageSource messages) {
		return new Loan(ServiceType.NEW_HOUSE_LOAN, messages, NEW_HOUSE_DOCUMENT_NAME, records) {

			@Override
			public Checklist checklist(CaseFile file) {
				return MaterialChecklist.newHouseLoan(records.hasCoBorrower(file.caseNo()));
			}

			/** The sales office online, or the clerk for the buyer at the window. */
			@Override
			public Set<String> withdrawnBy() {
				return Set.of(Groups.DEVELOPER_AGENT, Groups.HPF_ACCEPTANCE_CLERK);
			}

			@Override
			public boolean mayWithdraw(CaseFile file) {
				return NEW_HOUSE_WITHDRAWABLE.contains(file.status().name());
			}

		};
	}

	/** What both loans share: the prefix, the stages, the promised days, the completion receipt's words. */
	private abstract static class Loan implements CaseService {

		private final ServiceType type;

		private final MessageSource messages;

		private final String documentName;

		private final LoanRecords records;

		Loan(ServiceType type, MessageSource messages, String documentName, LoanRecords records) {
			this.type = type;
			this.messages = messages;
			this.documentName = documentName;
			this.records = records;
		}

		@Override
		public ServiceType type() {
			return this.type;
		}

		@Override
		public String caseNoPrefix() {
			return "DK";
		}

		@Override
		public String displayName(Locale locale) {
			return this.messages.getMessage("service." + this.type.name(), null, this.type.name(), locale);
		}

		@Override
		public String documentName() {
			return this.documentName;
		}

		@Override
		public List<? extends CaseStage> stages() {
			return Arrays.asList(LoanStage.values());
		}

		@Override
		public int decisionDays() {
			return DECISION_DAYS;
		}

		@Override
		public java.time.Period supplementPeriod() {
			return MaterialChecklist.SUPPLEMENT_PERIOD;
		}

		@Override
		public Optional<String> applicantPhone(CaseFile file) {
			return this.records.borrowerPhone(file.caseNo());
		}

		/** 办结回执: the loan was paid out; the case's numbers and terms for the citizen's file. */
		@Override
		public Completion completion(CaseFile file) {
			LoanCase.Outcome loan = this.records.outcomeOf(file.caseNo());
			LoanCase.Approval approval = loan.approval()
				.orElseThrow(() -> new IllegalStateException("Not approved: " + file.caseNo()));
			List<Instalment> schedule = this.records.schedule(file.caseNo());
			List<DetailRow> details = new ArrayList<>();
			loan.contract().ifPresent(c -> details.add(new DetailRow("借款合同编号", c.contractNo())));
			loan.iou().ifPresent(i -> details.add(new DetailRow("借款借据编号", i.iouNo())));
			details.add(new DetailRow("借款金额", Printed.moneyWithWords(approval.approvedAmount())));
			details.add(new DetailRow("借款期限", approval.termMonths() + "个月"));
			details.add(new DetailRow("年利率", Printed.percent(approval.annualRate())));
			loan.disbursement().ifPresent(d -> details.add(new DetailRow("放款日期", Printed.date(d.disbursedAt()))));
			details.add(new DetailRow("首次还款日", Printed.date(schedule.get(0).dueDate())));
			loan.mortgage().ifPresent(m -> details.add(new DetailRow("抵押登记证明号", m.certificateNo())));
			return new Completion("准予贷款，贷款已发放", details, COMPLETION_NOTES, approval.approvedBy());
		}

	}

}
