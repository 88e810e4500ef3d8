package cn.example.servicehall.loan;

import java.util.ArrayList;
import java.util.List;

import cn.example.servicehall.intake.MissingMaterialsNotified.Material;

/**
 * 二手房公积金贷款材料清单: what the acceptance clerk checks at the window. The spouse's ID card is on it when there is a
 * co-borrower. Every item is checked each time, so one notice can list everything missing (一次性告知).
 */
public final class MaterialChecklist {

	static final Material BORROWER_ID = new Material("BORROWER_ID", "借款人居民身份证");

	static final Material CO_BORROWER_ID = new Material("CO_BORROWER_ID", "共同借款人（配偶）居民身份证");

	static final Material MARITAL_PROOF = new Material("MARITAL_PROOF", "婚姻状况证明（结婚证、离婚证或单身声明）");

	static final Material INCOME_PROOF = new Material("INCOME_PROOF", "借款人及共同借款人收入证明");

	static final Material PURCHASE_CONTRACT = new Material("PURCHASE_CONTRACT", "二手房买卖合同（网签备案）");

	static final Material DOWN_PAYMENT_RECEIPT = new Material("DOWN_PAYMENT_RECEIPT", "首付款收据或付款凭证");

	static final Material TITLE_CERTIFICATE = new Material("TITLE_CERTIFICATE", "卖方不动产权证书");

	static final Material SELLER_ID = new Material("SELLER_ID", "卖方居民身份证");

	static final Material SELLER_ACCOUNT = new Material("SELLER_ACCOUNT", "卖方收款账户证明");

	static final Material REPAYMENT_CARD = new Material("REPAYMENT_CARD", "借款人本人还款银行卡");

	private MaterialChecklist() {
	}

	/** The checklist of a resale loan, in the order the clerk goes through it. */
	public static List<Material> forResaleLoan(boolean withCoBorrower) {
		List<Material> list = new ArrayList<>(List.of(BORROWER_ID));
		if (withCoBorrower) {
			list.add(CO_BORROWER_ID);
		}
		list.addAll(List.of(MARITAL_PROOF, INCOME_PROOF, PURCHASE_CONTRACT, DOWN_PAYMENT_RECEIPT, TITLE_CERTIFICATE,
				SELLER_ID, SELLER_ACCOUNT, REPAYMENT_CARD));
		return List.copyOf(list);
	}

}
