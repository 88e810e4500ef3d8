package cn.example.servicehall.loan;

import java.util.List;

import cn.example.servicehall.identity.Groups;

/**
 * Who signs the contract, and which post does each signing step: the fund centre's clerk witnesses the borrower's
 * and co-borrower's signatures and signs for the centre; the bank and the guarantor sign for themselves.
 */
public enum ContractParty {

	/** 公积金中心 with 借款人 and 共同借款人. */
	FUND_CENTRE(Groups.HPF_ACCEPTANCE_CLERK),
	/** 受托银行. */
	BANK(Groups.BANK_LOAN_OFFICER),
	/** 担保公司. */
	GUARANTOR(Groups.GUARANTOR_OFFICER);

	private final String post;

	ContractParty(String post) {
		this.post = post;
	}

	public String post() {
		return this.post;
	}

	/** The signatures this step records. */
	List<String> signatures(boolean withCoBorrower) {
		return switch (this) {
			case FUND_CENTRE -> withCoBorrower ? List.of("BORROWER", "CO_BORROWER", "FUND_CENTRE")
					: List.of("BORROWER", "FUND_CENTRE");
			case BANK -> List.of("BANK");
			case GUARANTOR -> List.of("GUARANTOR");
		};
	}

}
