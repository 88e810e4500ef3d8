package cn.example.servicehall.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import cn.example.servicehall.intake.CaseFile;
import cn.example.servicehall.intake.CaseService;
import cn.example.servicehall.intake.CaseStage;
import cn.example.servicehall.intake.Checklist;
import cn.example.servicehall.intake.ServiceType;

/**
 * The catalogue is read when the hall starts: the shipped files start, and a broken file stops the start with a
 * message naming the file, the line and the key.
 */
class BundleCatalogueStartTest {

	private final ApplicationContextRunner hall = new ApplicationContextRunner()
		.withBean("withdrawals", CaseService.class, Withdrawal::new)
		.withBean("resaleLoans", CaseService.class, () -> new Withdrawal() {
			@Override
			public ServiceType type() {
				return ServiceType.RESALE_LOAN;
			}

			@Override
			public Map<String, String> variants(Locale locale) {
				return Map.of();
			}
		})
		.withUserConfiguration(AgencyPartServices.class, BundleCatalogue.class);

	@Test
	void theShippedCatalogueStarts() {
		this.hall.run(context -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(BundleCatalogue.class).all()).extracting(Bundle::code)
				.containsExactly("HOUSE_PURCHASE", "RESALE_PURCHASE_AND_LOAN", "RETIREMENT");
		});
	}

	@Test
	void aBrokenFileStopsTheStartNamingTheFileAndTheKey() {
		this.hall.withPropertyValues("servicehall.bundles.location=classpath:bundles-broken/*.yml").run(context -> {
			assertThat(context).hasFailed();
			assertThat(org.springframework.core.NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.isInstanceOf(BundleCatalogueException.class)
				.hasMessageContaining("retirement.yml:16: parts[0].after[0]: no part \"loan-payof\" in this bundle");
		});
	}

	@Test
	void aBundleNamingAModelThatIsNotDeployedStopsTheStart() {
		this.hall.withPropertyValues("servicehall.bundles.location=classpath:bundles-no-model/*.yml").run(context -> {
			assertThat(context).hasFailed();
			assertThat(org.springframework.core.NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.isInstanceOf(BundleCatalogueException.class)
				.hasMessageContaining("retirement.yml:32: process: no process model \"RetirementBundleProces\" is deployed");
		});
	}

	@Test
	void aModelCallingAPartTheFileDoesNotHaveStopsTheStart() {
		// the file renamed the part "closing"; the model still hands its call activity closingPartNo
		this.hall.withPropertyValues("servicehall.bundles.location=classpath:bundles-unwired/*.yml").run(context -> {
			assertThat(context).hasFailed();
			assertThat(org.springframework.core.NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.isInstanceOf(BundleCatalogueException.class)
				.hasMessageContaining("retirement.yml:32: process: the model's call activity CallActivity_Closing hands "
						+ "its child closingPartNo, which names no part of this bundle (its parts: loan-payoff, account-closing)");
		});
	}

	/** The withdrawal as the catalogue sees it: its code and its types. */
	static class Withdrawal implements CaseService {

		@Override
		public ServiceType type() {
			return ServiceType.WITHDRAWAL;
		}

		@Override
		public Map<String, String> variants(Locale locale) {
			Map<String, String> variants = new LinkedHashMap<>();
			for (String type : List.of("RETIREMENT", "LOAN_REPAYMENT", "LOAN_PAYOFF", "PURCHASE_RESALE_HOME")) {
				variants.put(type, type);
			}
			return variants;
		}

		@Override
		public String caseNoPrefix() {
			return "TQ";
		}

		@Override
		public String displayName(Locale locale) {
			return "公积金提取";
		}

		@Override
		public String documentName() {
			return "住房公积金提取";
		}

		@Override
		public Checklist checklist(CaseFile file) {
			return Checklist.none();
		}

		@Override
		public List<? extends CaseStage> stages() {
			return List.of();
		}

		@Override
		public int decisionDays() {
			return 1;
		}

		@Override
		public Completion completion(CaseFile file) {
			throw new UnsupportedOperationException();
		}

	}

}
