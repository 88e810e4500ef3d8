package cn.example.servicehall.withdrawal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import cn.example.servicehall.intake.Checklist;
import cn.example.servicehall.intake.MissingMaterialsNotified.Material;
import cn.example.servicehall.platform.web.HallMessages;
import cn.example.servicehall.withdrawal.WithdrawalType.Variant;

/**
 * 提取材料清单 (domain.md §4.2): what every withdrawal needs (the applicant's ID card, their own Class-I bank card, the
 * application form), then the type's own proof, then its variant's. Names and requirements are
 * {@code withdrawal.material.<CODE>} and {@code withdrawal.material.<CODE>.requirement} in {@code messages*.properties}.
 */
public final class WithdrawalMaterials {

	/** How a material is presented: {@code withdrawal.material.form.<FORM>}. */
	enum Form {
		ORIGINAL, COPY, ORIGINAL_AND_COPY
	}

	/** Every material a withdrawal may ask for, with how it is presented. */
	enum Item {

		APPLICANT_ID(Form.ORIGINAL_AND_COPY), OWN_BANK_CARD(Form.ORIGINAL_AND_COPY), APPLICATION_FORM(Form.ORIGINAL),
		SPOUSE_ID(Form.ORIGINAL_AND_COPY), MARRIAGE_CERTIFICATE(Form.ORIGINAL_AND_COPY),
		RETIREMENT_PROOF(Form.ORIGINAL_AND_COPY), WORKING_ABILITY_APPRAISAL(Form.ORIGINAL_AND_COPY),
		TERMINATION_PROOF(Form.ORIGINAL), SETTLEMENT_PROOF(Form.ORIGINAL_AND_COPY), DEATH_CERTIFICATE(Form.ORIGINAL_AND_COPY),
		INHERITANCE_PROOF(Form.ORIGINAL_AND_COPY), OTHER_HEIRS_IDS(Form.COPY), HEIRS_AUTHORISATION(Form.ORIGINAL),
		HOUSEHOLD_MOVED_OUT(Form.ORIGINAL_AND_COPY), NEW_HOME_CONTRACT(Form.ORIGINAL_AND_COPY),
		PURCHASE_INVOICE(Form.ORIGINAL_AND_COPY), RESALE_CONTRACT(Form.ORIGINAL_AND_COPY),
		TITLE_CERTIFICATE(Form.ORIGINAL_AND_COPY), DEED_TAX_RECEIPT(Form.ORIGINAL_AND_COPY), BUILD_PERMIT(Form.ORIGINAL_AND_COPY),
		BUILD_COST_PROOF(Form.ORIGINAL_AND_COPY), LOAN_CONTRACT(Form.ORIGINAL_AND_COPY), REPAYMENT_STATEMENT(Form.ORIGINAL),
		MONTHLY_AGREEMENT(Form.ORIGINAL), NO_HOME_DECLARATION(Form.ORIGINAL), LEASE(Form.ORIGINAL_AND_COPY),
		DIAGNOSIS(Form.ORIGINAL_AND_COPY), MEDICAL_INVOICES(Form.ORIGINAL_AND_COPY), INSURANCE_SETTLEMENT(Form.ORIGINAL_AND_COPY),
		PATIENT_ID(Form.ORIGINAL_AND_COPY), KINSHIP_PROOF(Form.ORIGINAL_AND_COPY), ELEVATOR_AGREEMENT(Form.ORIGINAL_AND_COPY),
		ELEVATOR_INVOICES(Form.ORIGINAL_AND_COPY);

		private final Form form;

		Item(Form form) {
			this.form = form;
		}

	}

	private static final List<Item> COMMON = List.of(Item.APPLICANT_ID, Item.OWN_BANK_CARD, Item.APPLICATION_FORM);

	private static final List<Item> WITH_SPOUSE = List.of(Item.SPOUSE_ID, Item.MARRIAGE_CERTIFICATE);

	private WithdrawalMaterials() {
	}

	/** The type's checklist with the variants asked for, each a variant the type has. */
	static Checklist checklist(WithdrawalType type, Set<Variant> variants, Locale locale) {
		Set<Variant> asked = variants.isEmpty() ? EnumSet.noneOf(Variant.class) : EnumSet.copyOf(variants);
		if (!type.variants().containsAll(asked)) {
			throw new IllegalArgumentException(type + " has no variant " + asked + "; it has " + type.variants());
		}
		List<Item> items = new ArrayList<>(COMMON);
		items.addAll(own(type));
		if (asked.contains(Variant.SPOUSE)) {
			items.addAll(WITH_SPOUSE);
		}
		if (asked.contains(Variant.FAMILY_PATIENT)) {
			items.addAll(List.of(Item.PATIENT_ID, Item.KINSHIP_PROOF));
		}
		if (asked.contains(Variant.SEVERAL_HEIRS)) {
			items.addAll(List.of(Item.OTHER_HEIRS_IDS, Item.HEIRS_AUTHORISATION));
		}
		return new Checklist(items.stream().map(item -> item(item, locale)).toList());
	}

	private static List<Item> own(WithdrawalType type) {
		return switch (type) {
			case RETIREMENT -> List.of(Item.RETIREMENT_PROOF);
			case LOSS_OF_WORKING_ABILITY -> List.of(Item.WORKING_ABILITY_APPRAISAL, Item.TERMINATION_PROOF);
			case SETTLING_ABROAD -> List.of(Item.SETTLEMENT_PROOF);
			case DEATH -> List.of(Item.DEATH_CERTIFICATE, Item.INHERITANCE_PROOF);
			case LEAVING_CITY -> List.of(Item.TERMINATION_PROOF, Item.HOUSEHOLD_MOVED_OUT);
			case PURCHASE_NEW_HOME -> List.of(Item.NEW_HOME_CONTRACT, Item.PURCHASE_INVOICE);
			case PURCHASE_RESALE_HOME -> List.of(Item.RESALE_CONTRACT, Item.TITLE_CERTIFICATE, Item.DEED_TAX_RECEIPT);
			case BUILD_OR_OVERHAUL -> List.of(Item.BUILD_PERMIT, Item.BUILD_COST_PROOF);
			case LOAN_REPAYMENT -> List.of(Item.LOAN_CONTRACT, Item.REPAYMENT_STATEMENT);
			case LOAN_REPAYMENT_MONTHLY -> List.of(Item.LOAN_CONTRACT, Item.MONTHLY_AGREEMENT);
			case LOAN_PAYOFF -> List.of(Item.LOAN_CONTRACT);
			case RENT -> List.of(Item.NO_HOME_DECLARATION, Item.LEASE);
			case SERIOUS_ILLNESS -> List.of(Item.DIAGNOSIS, Item.MEDICAL_INVOICES, Item.INSURANCE_SETTLEMENT);
			case ELEVATOR_INSTALLATION -> List.of(Item.TITLE_CERTIFICATE, Item.ELEVATOR_AGREEMENT, Item.ELEVATOR_INVOICES);
		};
	}

	private static Checklist.Item item(Item item, Locale locale) {
		String key = "withdrawal.material." + item.name();
		return new Checklist.Item(new Material(item.name(), HallMessages.text(locale, key)),
				HallMessages.text(locale, "withdrawal.material.form." + item.form.name()),
				HallMessages.text(locale, "withdrawal.material.copies"), HallMessages.text(locale, key + ".requirement"));
	}

}
