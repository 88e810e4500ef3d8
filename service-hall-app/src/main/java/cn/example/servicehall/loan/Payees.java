package cn.example.servicehall.loan;

import org.springframework.stereotype.Component;

import cn.example.servicehall.developer.DeveloperProject;
import cn.example.servicehall.developer.Developers;
import cn.example.servicehall.intake.CaseNo;

/**
 * Whom a loan is paid to (受托支付): the seller's account for a resale loan, the project's supervised escrow account
 * (预售资金监管账户) for a new house. One place for the rule: the payment, the contract and the notices read it here.
 */
@Component
class Payees {

	private final LoanRecords records;

	private final Developers developers;

	Payees(LoanRecords records, Developers developers) {
		this.records = records;
		this.developers = developers;
	}

	/**
	 * @param accountName 户名
	 * @param bank 开户银行
	 * @param accountNo 账号
	 * @param shown how the case history names it ("至卖方账户")
	 */
	record Payee(String accountName, String bank, String accountNo, String shown) {
	}

	Payee of(LoanCase loan) {
		if (loan.property().isPresent()) {
			LoanCase.Property property = loan.property().get();
			return new Payee(property.sellerAccountName(), property.sellerBank(), property.sellerAccountNo(), "至卖方账户");
		}
		DeveloperProject project = project(loan.caseNo());
		DeveloperProject.EscrowAccount escrow = project.escrow();
		return new Payee(escrow.accountName(), escrow.bank(), escrow.accountNo(),
				"至项目监管账户（" + project.name() + " " + escrow.accountNo() + "）");
	}

	/** The project a new-house case was sold in. */
	DeveloperProject project(CaseNo caseNo) {
		long projectId = this.records.projectOf(caseNo)
			.orElseThrow(() -> new IllegalStateException("Neither a seller nor a project: " + caseNo));
		return this.developers.project(projectId)
			.orElseThrow(() -> new IllegalStateException("Project " + projectId + " is gone: " + caseNo));
	}

}
