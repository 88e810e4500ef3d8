package cn.example.servicehall.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

/**
 * The catalogue's files as a non-programmer writes them: the shipped bundles load with one ID card on the merged
 * checklist, and each kind of mistake is refused with the file, the line and the key that are wrong.
 */
class BundleCatalogueTest {

	/** The services the hall registers, with their variants, as the catalogue checks against them. */
	private static final CatalogueReader.Services SERVICES = code -> Optional.ofNullable(Map
		.of("WITHDRAWAL", Set.of("RETIREMENT", "LOAN_REPAYMENT", "LOAN_PAYOFF", "PURCHASE_RESALE_HOME"), "RESALE_LOAN",
				Set.<String>of(), "CONTRACT_FILING", Set.<String>of(), "DEED_TAX", Set.<String>of(),
				"TRANSFER_AND_MORTGAGE_REGISTRATION", Set.<String>of())
		.get(code));

	private static final String GOOD = """
			code: RETIREMENT
			name: 退休一件事
			name-en: Retirement
			available: true
			process: RetirementBundleProcess
			time-limit-working-days: 5
			on-refusal: ask-to-continue
			parts:
			  - key: loan-payoff
			    name: 贷款结清
			    name-en: Loan paid off
			    service: WITHDRAWAL
			    variant: LOAN_REPAYMENT
			    agency: HPF
			    when: has-fund-loan
			    materials: [APPLICANT_ID, LOAN_CONTRACT]
			  - key: closing
			    name: 退休提取
			    name-en: Retirement withdrawal
			    service: WITHDRAWAL
			    variant: RETIREMENT
			    agency: HPF
			    after: [loan-payoff]
			    materials: [APPLICANT_ID, RETIREMENT_PROOF]
			materials:
			  - code: APPLICANT_ID
			    name: 身份证
			    name-en: ID card
			    form: 原件及复印件
			    copies: 1份
			    requirement: 有效期内
			  - code: LOAN_CONTRACT
			    name: 借款合同
			    name-en: Loan contract
			    form: 原件
			    copies: 1份
			    requirement: 本中心贷款免交
			  - code: RETIREMENT_PROOF
			    name: 退休证
			    name-en: Retirement certificate
			    form: 原件
			    copies: 1份
			    requirement: 社保有记录的免交
			""";

	@Test
	void theShippedBundlesLoadAndRetirementAndHousePurchaseMayBeAppliedFor() throws IOException {
		Map<String, Bundle> bundles = new java.util.LinkedHashMap<>();
		for (String file : List.of("retirement.yml", "house-purchase.yml", "resale-purchase-and-loan.yml")) {
			Bundle bundle = CatalogueReader.read(file, shipped(file), SERVICES);
			bundles.put(bundle.code(), bundle);
		}

		assertThat(bundles).containsOnlyKeys("RETIREMENT", "HOUSE_PURCHASE", "RESALE_PURCHASE_AND_LOAN");
		Bundle retirement = bundles.get("RETIREMENT");
		assertThat(retirement.name()).isEqualTo("退休一件事");
		assertThat(retirement.available()).isTrue();
		assertThat(retirement.onRefusal()).isEqualTo(Bundle.OnRefusal.ASK_TO_CONTINUE);
		assertThat(retirement.part("closing").orElseThrow().after()).containsExactly("loan-payoff");
		assertThat(retirement.part("loan-payoff").orElseThrow().when()).contains("has-fund-loan");
		// one ID card, one bank card and one form for both parts
		assertThat(retirement.materials()).extracting(Bundle.Material::code)
			.containsExactly("APPLICANT_ID", "OWN_BANK_CARD", "APPLICATION_FORM", "RETIREMENT_PROOF", "LOAN_CONTRACT");
		assertThat(retirement.material("APPLICANT_ID").orElseThrow().neededBy()).containsExactly("loan-payoff",
				"closing");
		Bundle purchase = bundles.get("HOUSE_PURCHASE");
		assertThat(purchase.available()).isTrue();
		assertThat(purchase.process()).contains("HousePurchaseBundleProcess");
		assertThat(purchase.part("loan").orElseThrow().after()).containsExactly("purchase-withdrawal");
		// one ID card for both parts: the loan calls it BORROWER_ID, and gets the answer under its own code
		assertThat(purchase.materials()).extracting(Bundle.Material::code).containsOnlyOnce("APPLICANT_ID");
		assertThat(purchase.part("loan").orElseThrow().ownAnswers(Map.of("APPLICANT_ID", true, "RESALE_CONTRACT", false)))
			.containsEntry("BORROWER_ID", true)
			.containsEntry("PURCHASE_CONTRACT", false)
			.doesNotContainKeys("APPLICANT_ID", "RESALE_CONTRACT");
		assertThat(purchase.part("purchase-withdrawal").orElseThrow().ownAnswers(Map.of("APPLICANT_ID", true)))
			.containsEntry("APPLICANT_ID", true);
		Bundle resale = bundles.get("RESALE_PURCHASE_AND_LOAN");
		assertThat(resale.available()).isTrue();
		assertThat(resale.process()).contains("ResalePurchaseBundleProcess");
		assertThat(resale.parts()).extracting(Bundle.Part::service).containsExactly("CONTRACT_FILING", "DEED_TAX",
				"RESALE_LOAN", "TRANSFER_AND_MORTGAGE_REGISTRATION");
		assertThat(resale.parts()).noneMatch(Bundle.Part::planned);
		assertThat(resale.materials()).extracting(Bundle.Material::code).containsOnlyOnce("BUYER_ID", "SELLER_ID");
		assertThat(resale.part("loan").orElseThrow().ownAnswers(Map.of("BUYER_ID", true, "SALE_CONTRACT", true)))
			.containsEntry("BORROWER_ID", true)
			.containsEntry("PURCHASE_CONTRACT", true);
	}

	@Test
	void aGoodFileLoads() {
		Bundle bundle = CatalogueReader.read("retirement.yml", GOOD, SERVICES);

		assertThat(bundle.parts()).extracting(Bundle.Part::key).containsExactly("loan-payoff", "closing");
		assertThat(bundle.timeLimitWorkingDays()).isEqualTo(5);
		assertThat(bundle.process()).contains("RetirementBundleProcess");
	}

	@Test
	void anUnknownServiceIsRefusedWithItsLine() {
		assertRefused(GOOD.replace("service: WITHDRAWAL\n    variant: RETIREMENT", "service: WITHDRAWL\n    variant: RETIREMENT"),
				"retirement.yml:20: parts[1].service: no service \"WITHDRAWL\"");
	}

	@Test
	void aVariantTheServiceDoesNotHaveIsRefused() {
		assertRefused(GOOD.replace("variant: RETIREMENT", "variant: RETIRED"),
				"retirement.yml:21: parts[1].variant: service WITHDRAWAL has no variant \"RETIRED\"");
	}

	@Test
	void anUnknownMaterialIsRefused() {
		assertRefused(GOOD.replace("materials: [APPLICANT_ID, RETIREMENT_PROOF]", "materials: [APPLICANT_ID, RETIRMENT_PROOF]"),
				"retirement.yml:24: parts[1].materials[1]: no material \"RETIRMENT_PROOF\" in this file's materials");
	}

	@Test
	void anOwnCodeForAMaterialThePartDoesNotNeedIsRefusedWithItsLine() {
		assertRefused(GOOD.replace("    materials: [APPLICANT_ID, RETIREMENT_PROOF]\n",
				"    materials: [APPLICANT_ID, RETIREMENT_PROOF]\n    own-codes:\n      LOAN_CONTRACT: CONTRACT\n"),
				"retirement.yml:26: parts[1].own-codes.LOAN_CONTRACT: not a key of this part's own codes");
	}

	@Test
	void aMaterialListedTwiceIsRefused() {
		assertRefused(GOOD.replace("  - code: LOAN_CONTRACT", "  - code: APPLICANT_ID"),
				"retirement.yml:32: materials[1].code: material \"APPLICANT_ID\" is listed twice");
	}

	@Test
	void aCycleInAfterIsRefused() {
		assertRefused(GOOD.replace("    when: has-fund-loan\n", "    when: has-fund-loan\n    after: [closing]\n"),
				"retirement.yml:16: parts[0].after: the parts wait for each other in a circle: loan-payoff → closing → loan-payoff");
	}

	@Test
	void anAfterNamingNoPartIsRefused() {
		assertRefused(GOOD.replace("after: [loan-payoff]", "after: [loan-payof]"),
				"retirement.yml:23: parts[1].after[0]: no part \"loan-payof\" in this bundle");
	}

	@Test
	void aMissingNameIsRefused() {
		assertRefused(GOOD.replace("name: 退休一件事\n", ""), "retirement.yml:1: name: missing");
		assertRefused(GOOD.replace("    name: 退休提取\n", ""), "retirement.yml:17: parts[1].name: missing");
	}

	@Test
	void anUnknownKeyIsRefused() {
		assertRefused(GOOD.replace("on-refusal: ask-to-continue", "on-refusal: ask-to-continue\ntime-limit: 5"),
				"retirement.yml:8: time-limit: not a key of a bundle");
	}

	@Test
	void anOnRefusalOutsideItsWordsIsRefused() {
		assertRefused(GOOD.replace("on-refusal: ask-to-continue", "on-refusal: carry-on"),
				"retirement.yml:7: on-refusal: \"carry-on\" is none of ask-to-continue, cancel-bundle");
	}

	@Test
	void aPlannedServiceMayNotBeInABundleThatCanBeAppliedFor() {
		assertRefused(GOOD.replace("service: WITHDRAWAL\n    variant: RETIREMENT",
				"service: DEED_TAX\n    planned: true"),
				"retirement.yml:21: parts[1].planned: a bundle that can be applied for (available: true) runs only services the hall runs");
	}

	@Test
	void anAvailableBundleNamesItsProcess() {
		assertRefused(GOOD.replace("process: RetirementBundleProcess\n", ""),
				"retirement.yml:1: process: missing (a bundle that can be applied for needs its parent process)");
	}

	@Test
	void aFileThatIsNotYamlIsRefusedWithItsLine() {
		assertRefused(GOOD.replace("  - key: closing", "  - key: closing: x"), "retirement.yml:17:");
	}

	private static void assertRefused(String yaml, String message) {
		assertThatThrownBy(() -> CatalogueReader.read("retirement.yml", yaml, SERVICES))
			.isInstanceOf(BundleCatalogueException.class)
			.hasMessageContaining(message);
	}

	private static String shipped(String file) throws IOException {
		return new ClassPathResource("bundles/" + file).getContentAsString(StandardCharsets.UTF_8);
	}

}
