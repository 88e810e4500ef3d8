package cn.example.servicehall.withdrawal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import cn.example.servicehall.intake.Checklist;
import cn.example.servicehall.intake.MissingMaterialsNotified.Material;
import cn.example.servicehall.withdrawal.WithdrawalType.Variant;

/** Every type's name, codes and checklist, with its variants, in Chinese and English. */
class WithdrawalMaterialsTest {

	@ParameterizedTest
	@EnumSource(WithdrawalType.class)
	void everyChecklistStartsWithTheIdCardTheOwnBankCardAndTheForm(WithdrawalType type) {
		Checklist checklist = type.checklist(Set.of());

		assertThat(checklist.materials()).extracting(Material::code)
			.startsWith("APPLICANT_ID", "OWN_BANK_CARD", "APPLICATION_FORM")
			.hasSizeGreaterThan(3)
			.doesNotHaveDuplicates();
		assertThat(checklist.items()).allSatisfy(item -> {
			assertThat(item.material().name()).doesNotStartWith("withdrawal.");
			assertThat(item.requirement()).isNotBlank();
			assertThat(item.form()).isIn("原件", "复印件", "原件及复印件");
		});
		assertThat(type.displayName(Locale.ROOT)).endsWith(type == WithdrawalType.LOAN_REPAYMENT_MONTHLY ? "还贷" : "提取");
		assertThat(type.displayName(Locale.ENGLISH)).isNotEqualTo(type.displayName(Locale.ROOT));
		assertThat(type.checklist(Set.of(), Locale.ENGLISH).items().get(0).material().name())
			.isEqualTo("Applicant's resident ID card");
	}

	@Test
	void eachTypeCarriesItsNationalReasonCodeAndWhetherItClosesTheAccount() {
		assertThat(WithdrawalType.RETIREMENT.reasonCode()).isEqualTo("03");
		assertThat(WithdrawalType.LOSS_OF_WORKING_ABILITY.reasonCode()).isEqualTo("04");
		assertThat(WithdrawalType.SETTLING_ABROAD.reasonCode()).isEqualTo("05");
		assertThat(WithdrawalType.LEAVING_CITY.reasonCode()).isEqualTo("05");
		assertThat(WithdrawalType.DEATH.reasonCode()).isEqualTo("08");
		assertThat(WithdrawalType.PURCHASE_NEW_HOME.reasonCode()).isEqualTo("01");
		assertThat(WithdrawalType.BUILD_OR_OVERHAUL.reasonCode()).isEqualTo("02");
		assertThat(WithdrawalType.LOAN_REPAYMENT_MONTHLY.reasonCode()).isEqualTo("06");
		assertThat(WithdrawalType.RENT.reasonCode()).isEqualTo("07");
		assertThat(WithdrawalType.SERIOUS_ILLNESS.reasonCode()).isEqualTo("09");
		assertThat(WithdrawalType.ELEVATOR_INSTALLATION.reasonCode()).isEqualTo("99");
		assertThat(List.of(WithdrawalType.values())).filteredOn(WithdrawalType::closing)
			.containsExactly(WithdrawalType.RETIREMENT, WithdrawalType.LOSS_OF_WORKING_ABILITY,
					WithdrawalType.SETTLING_ABROAD, WithdrawalType.DEATH, WithdrawalType.LEAVING_CITY)
			.allSatisfy(type -> assertThat(type.businessType()).isEqualTo("12"));
		assertThat(WithdrawalType.RENT.businessType()).isEqualTo("11");
	}

	@Test
	void theVariantsAddTheSpousesTheHeirsAndThePatientsPapers() {
		assertThat(WithdrawalType.PURCHASE_RESALE_HOME.checklist(Set.of(Variant.SPOUSE)).materials())
			.extracting(Material::code)
			.containsExactly("APPLICANT_ID", "OWN_BANK_CARD", "APPLICATION_FORM", "RESALE_CONTRACT", "TITLE_CERTIFICATE",
					"DEED_TAX_RECEIPT", "SPOUSE_ID", "MARRIAGE_CERTIFICATE");
		assertThat(WithdrawalType.DEATH.checklist(Set.of(Variant.SEVERAL_HEIRS)).materials()).extracting(Material::code)
			.containsExactly("APPLICANT_ID", "OWN_BANK_CARD", "APPLICATION_FORM", "DEATH_CERTIFICATE",
					"INHERITANCE_PROOF", "OTHER_HEIRS_IDS", "HEIRS_AUTHORISATION");
		assertThat(WithdrawalType.SERIOUS_ILLNESS.checklist(Set.of(Variant.FAMILY_PATIENT)).materials())
			.extracting(Material::code)
			.endsWith("PATIENT_ID", "KINSHIP_PROOF");
		assertThat(WithdrawalType.RETIREMENT.checklist(Set.of()).materials()).extracting(Material::name)
			.containsExactly("申请人居民身份证", "申请人本人一类银行卡", "住房公积金提取申请表", "退休证或退休审批表");
	}

	@Test
	void aVariantTheTypeDoesNotHaveIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> WithdrawalType.RETIREMENT.checklist(Set.of(Variant.SPOUSE)));
	}

	@Test
	void everyWithdrawalTextHasItsEnglish() throws java.io.IOException {
		assertThat(keys("messages_en.properties")).containsAll(keys("messages.properties").stream()
			.filter(key -> key.startsWith("withdrawal."))
			.toList()); // refusals (problem.withdrawal.*) are written in both languages in the Chinese bundle
	}

	private static Set<String> keys(String bundle) throws java.io.IOException {
		java.util.Properties properties = new java.util.Properties();
		try (java.io.Reader in = java.nio.file.Files.newBufferedReader(java.nio.file.Path.of("src/main/resources", bundle))) {
			properties.load(in);
		}
		return properties.stringPropertyNames();
	}

}
