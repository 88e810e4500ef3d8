package cn.example.servicehall.bundle;

import java.math.BigDecimal;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.loan.LoanCase;
import cn.example.servicehall.loan.LoanSettlements;

/**
 * The fund loan part of a bundle as the bundle's own steps need it (through the loan's public API): its signed
 * contract and approved amount for the joint registration, the mortgage that registration made, and what the loan
 * came to for the completion receipt.
 */
@Component
class BundleLoans {

	private final LoanSettlements settlements;

	BundleLoans(LoanSettlements settlements) {
		this.settlements = settlements;
	}

	/** The loan's contract once every party signed it, with the approved amount the mortgage secures. */
	Optional<Signed> signed(CaseNo caseNo) {
		return this.settlements.outcome(caseNo)
			.filter(loan -> loan.contract().isPresent() && loan.approval().isPresent())
			.map(loan -> new Signed(loan.contract().get().contractNo(), loan.approval().get().approvedAmount()));
	}

	/** The registry's 不动产登记证明 of the joint registration, recorded as the loan's mortgage. */
	void recordJointMortgage(CaseNo caseNo, String mortgageCertificateNo) {
		this.settlements.recordJointMortgage(caseNo, mortgageCertificateNo);
	}

	/** What the loan came to: its contract and, once disbursed, its IOU; empty when the bundle has no loan record. */
	Optional<Settled> settled(CaseNo caseNo) {
		return this.settlements.outcome(caseNo)
			.filter(loan -> loan.contract().isPresent())
			.map(loan -> new Settled(loan.contract().get().contractNo(),
					loan.iou().map(LoanCase.Iou::amount)
						.orElse(loan.approval().map(LoanCase.Approval::approvedAmount).orElse(null)),
					loan.iou().map(LoanCase.Iou::iouNo).orElse(null)));
	}

	/**
	 * A signed loan.
	 * @param contractNo 借款合同号
	 * @param amount the approved amount, yuan
	 */
	record Signed(String contractNo, BigDecimal amount) {
	}

	/**
	 * A loan as the completion receipt names it.
	 * @param contractNo 借款合同号
	 * @param amount lent (the IOU's), yuan
	 * @param iouNo 借据号, null until disbursed
	 */
	record Settled(String contractNo, BigDecimal amount, String iouNo) {
	}

}
