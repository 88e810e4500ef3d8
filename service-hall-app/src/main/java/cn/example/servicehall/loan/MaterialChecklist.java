package cn.example.servicehall.loan;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.example.servicehall.intake.Checklist;
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

	/** The new-house loan's purchase contract: same material, the developer's filed contract (domain.md §3). */
	static final Material NEW_HOUSE_PURCHASE_CONTRACT = new Material("PURCHASE_CONTRACT", "商品房买卖合同（网签备案）");

	static final Material DOWN_PAYMENT_RECEIPT = new Material("DOWN_PAYMENT_RECEIPT", "首付款收据或付款凭证");

	static final Material TITLE_CERTIFICATE = new Material("TITLE_CERTIFICATE", "卖方不动产权证书");

	static final Material SELLER_ID = new Material("SELLER_ID", "卖方居民身份证");

	static final Material SELLER_ACCOUNT = new Material("SELLER_ACCOUNT", "卖方收款账户证明");

	static final Material REPAYMENT_CARD = new Material("REPAYMENT_CARD", "借款人本人还款银行卡");

	/**
	 * 补正期限: how long after the one-time notice the citizen has to bring what is missing, as the notice prints it.
	 * The case is not closed automatically when it passes (the clerk records a withdrawal).
	 */
	public static final Period SUPPLEMENT_PERIOD = Period.ofDays(30);

	/**
	 * How each material is presented at the window, as the receipt lists it and the one-time notice explains it.
	 * @param form 原件, 复印件 or both
	 * @param copies how many
	 * @param requirement what exactly is asked for
	 */
	public record Presentation(String form, String copies, String requirement) {
	}

	private static final Map<String, Presentation> PRESENTATIONS = Map.of(
			"BORROWER_ID", new Presentation("原件及复印件", "1份", "借款人有效期内的居民身份证原件，复印件正反面印在同一页"),
			"CO_BORROWER_ID", new Presentation("原件及复印件", "1份", "共同借款人（配偶）有效期内的居民身份证原件，复印件正反面印在同一页"),
			"MARITAL_PROOF", new Presentation("原件及复印件", "1份",
					"已婚的提供结婚证；离异的提供离婚证或生效的离婚判决书、调解书；未婚的由本人在窗口签署单身声明"),
			"INCOME_PROOF", new Presentation("原件", "各1份", "工作单位出具并加盖公章的收入证明，或近六个月的工资发放银行流水"),
			"PURCHASE_CONTRACT", new Presentation("原件", "1份", "经住房城乡建设部门网签备案的存量房买卖合同"),
			"DOWN_PAYMENT_RECEIPT", new Presentation("原件及复印件", "1份", "卖方出具的首付款收据或借款人向卖方账户付款的银行凭证，金额与合同约定一致"),
			"TITLE_CERTIFICATE", new Presentation("复印件", "1份", "所购房屋的不动产权证书（或房屋所有权证）复印件，须与登记簿记载一致"),
			"SELLER_ID", new Presentation("复印件", "1份", "卖方（产权人）居民身份证复印件，产权人为多人的每人一份"),
			"SELLER_ACCOUNT", new Presentation("复印件", "1份", "卖方本人名下用于接收贷款资金的银行账户证明（银行卡或存折复印件）"),
			"REPAYMENT_CARD", new Presentation("原件及复印件", "1份", "借款人本人名下用于按月还款的银行卡"));

	/** Where the new-house loan asks for something else under the same material than the resale loan. */
	private static final Map<String, Presentation> NEW_HOUSE_PRESENTATIONS = Map.of(
			"PURCHASE_CONTRACT", new Presentation("扫描件", "1份", "与开发企业签订并经住房城乡建设部门网签备案的商品房买卖合同（期房），备案号与申请一致"),
			"DOWN_PAYMENT_RECEIPT", new Presentation("扫描件", "1份", "开发企业出具的首付款发票或收据，金额与合同约定一致"));

	private MaterialChecklist() {
	}

	/** How {@code material} is presented at the window. */
	public static Presentation presentation(Material material) {
		Presentation presentation = PRESENTATIONS.get(material.code());
		if (presentation == null) {
			throw new IllegalArgumentException("Not on the resale-loan checklist: " + material.code());
		}
		return presentation;
	}

	/** The checklist of a resale loan with how each material is presented, in the order the clerk goes through it. */
	public static Checklist resaleLoan(boolean withCoBorrower) {
		return new Checklist(forResaleLoan(withCoBorrower).stream()
			.map(m -> new Checklist.Item(m, presentation(m).form(), presentation(m).copies(), presentation(m).requirement()))
			.toList());
	}

	/**
	 * 新房公积金贷款材料清单: what the developer's sales office uploads for its buyer and the clerk checks at online
	 * acceptance, in that order; the co-borrower's ID card when there is one. No seller, title or seller's account: the
	 * seller is the developer and the loan is paid into the project's escrow account.
	 */
	public static Checklist newHouseLoan(boolean withCoBorrower) {
		return new Checklist(forNewHouseLoan(withCoBorrower).stream().map(m -> {
			Presentation p = NEW_HOUSE_PRESENTATIONS.getOrDefault(m.code(), presentation(m));
			return new Checklist.Item(m, p.form(), p.copies(), p.requirement());
		}).toList());
	}

	/** The checklist of a new-house loan, in the order the clerk goes through it. */
	public static List<Material> forNewHouseLoan(boolean withCoBorrower) {
		List<Material> list = new ArrayList<>(List.of(BORROWER_ID));
		if (withCoBorrower) {
			list.add(CO_BORROWER_ID);
		}
		list.addAll(List.of(MARITAL_PROOF, INCOME_PROOF, NEW_HOUSE_PURCHASE_CONTRACT, DOWN_PAYMENT_RECEIPT, REPAYMENT_CARD));
		return List.copyOf(list);
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
