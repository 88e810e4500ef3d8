package cn.example.servicehall.bundle;

import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.example.servicehall.intake.CaseFile;
import cn.example.servicehall.intake.CaseService;
import cn.example.servicehall.intake.CaseStage;
import cn.example.servicehall.intake.Checklist;
import cn.example.servicehall.intake.ServiceType;

/**
 * The other agencies' parts of 二手房买卖+公积金贷款 as intake knows them (ADR 0009): the housing authority's filing
 * ({@code CONTRACT_FILING}), the tax bureau's deed tax ({@code DEED_TAX}) and the registry's joint registration
 * ({@code TRANSFER_AND_MORTGAGE_REGISTRATION}). Owned by {@code bundle} because only a bundle runs them: they are parts
 * under a bundle case (their own numbers {@code YS…-n} on the case page and the receipts), never cases of their own,
 * with no checklist (the bundle's merged one covers them) and no stages; their steps are the bundle's
 * ({@link ResaleSales}).
 */
@Configuration(proxyBeanMethods = false)
class AgencyPartServices {

	@Bean
	CaseService contractFilingPart() {
		return new AgencyPart("CONTRACT_FILING", "WQ", "存量房买卖合同网签备案", "Filing of the sale contract", 1);
	}

	@Bean
	CaseService deedTaxPart() {
		return new AgencyPart("DEED_TAX", "QS", "契税核定与缴纳", "Deed tax assessed and paid", 1);
	}

	@Bean
	CaseService transferAndMortgageRegistrationPart() {
		return new AgencyPart("TRANSFER_AND_MORTGAGE_REGISTRATION", "DJ", "转移登记与抵押登记合并办理",
				"Transfer and mortgage registration together", 5);
	}

	/** A part done by another agency through its port, inside a bundle only. */
	private record AgencyPart(String code, String prefix, String name, String nameEn, int days) implements CaseService {

		@Override
		public ServiceType type() {
			return ServiceType.valueOf(this.code);
		}

		@Override
		public String caseNoPrefix() {
			return this.prefix;
		}

		@Override
		public String displayName(Locale locale) {
			return CaseService.pick(locale, this.name, this.nameEn);
		}

		@Override
		public String documentName() {
			return this.name;
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
			return this.days;
		}

		/** Never a case of its own: the bundle's completion receipt lists the part. */
		@Override
		public Completion completion(CaseFile file) {
			throw new IllegalStateException(this.code + " is a part of a bundle case, not a case: " + file.caseNo());
		}

	}

}
