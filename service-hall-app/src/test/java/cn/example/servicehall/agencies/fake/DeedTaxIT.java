package cn.example.servicehall.agencies.fake;

import static cn.example.servicehall.agencies.fake.ResaleSales.contract;
import static cn.example.servicehall.agencies.fake.ResaleSales.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.agencies.AgencyRefused;
import cn.example.servicehall.agencies.AgencyRefused.Reason;
import cn.example.servicehall.agencies.AgencyUnavailable;
import cn.example.servicehall.agencies.HousingAuthority;
import cn.example.servicehall.agencies.HousingAuthority.Party;
import cn.example.servicehall.agencies.HousingAuthority.ResaleFiling;
import cn.example.servicehall.agencies.TaxBureau;
import cn.example.servicehall.agencies.TaxBureau.AssessmentStatus;
import cn.example.servicehall.agencies.TaxBureau.DeedTaxAssessment;
import cn.example.servicehall.agencies.TaxBureau.HomeCategory;
import cn.example.servicehall.agencies.fake.FakeOutages.FakeSystem;

/**
 * 契税 at the stand-in tax bureau: the rate by the buyer family's homes (counted at the registry, the spouse's too) and
 * the floor area (公告2024年第16号), one assessment per sale, one payment per assessment, and a refund or a void when
 * the sale is cancelled.
 */
@ServiceHallIntegrationTest
class DeedTaxIT {

	/** 2026-12-10 10:00 in Shanghai. */
	private static final Instant NOW = Instant.parse("2026-12-10T02:00:00Z");

	@Autowired
	private HousingAuthority housingAuthority;

	@Autowired
	private TaxBureau taxBureau;

	@Autowired
	private FakeOutages outages;

	@Autowired
	private JdbcClient jdbc;

	private ResaleSales sales;

	@BeforeEach
	void fixTheDate() {
		ClockUtil.setCurrentTime(Date.from(NOW));
		this.sales = new ResaleSales(this.jdbc);
	}

	@AfterEach
	void resetClockAndOutages() {
		ClockUtil.reset();
		this.outages.allUp();
	}

	@ParameterizedTest(name = "{0} other homes (the spouse''s: {1}), {2} m², 1,234,567.00 → {3} at {4}")
	@CsvSource({ "0, false, 140.00, ONLY_HOME, 0.0100, 12345.67", "0, false, 140.01, ONLY_HOME, 0.0150, 18518.51",
			"1, false, 140.00, SECOND_HOME, 0.0100, 12345.67", "1, true, 140.01, SECOND_HOME, 0.0200, 24691.34",
			"2, true, 96.00, THIRD_OR_MORE, 0.0300, 37037.01" })
	void theRateIsTheFamilysByItsHomesAndTheFloorArea(int homes, boolean spouses, String area, HomeCategory category,
			String rate, String tax) {
		Party buyer = person("张买方");
		Party spouse = person("李配偶");
		for (int i = 0; i < homes; i++) {
			this.sales.own(spouses && i == 0 ? spouse : buyer, this.sales.title("88.00", false, false, person("原业主")));
		}
		ResaleFiling filing = filing(area, buyer);

		DeedTaxAssessment assessment = this.taxBureau.assessDeedTax(filing.filingNo(), List.of(spouse.idNumber()));

		assertThat(assessment.homesOwned()).isEqualTo(homes);
		assertThat(assessment.category()).isEqualTo(category);
		assertThat(assessment.rate()).isEqualByComparingTo(rate);
		assertThat(assessment.taxBase()).isEqualByComparingTo("1234567.00");
		assertThat(assessment.amount()).isEqualTo(new BigDecimal(tax));
		assertThat(assessment.status()).isEqualTo(AssessmentStatus.ASSESSED);
		assertThat(assessment.assessedOn()).isEqualTo(LocalDate.of(2026, 12, 10));
	}

	@Test
	void aSaleIsAssessedOnceAndPaidOnceWithOneCertificate() {
		ResaleFiling filing = filing("128.00", person("张买方"));
		DeedTaxAssessment assessment = this.taxBureau.assessDeedTax(filing.filingNo(), List.of());
		assertThat(this.taxBureau.assessDeedTax(filing.filingNo(), List.of())).isEqualTo(assessment);
		this.outages.loseNextAnswers(FakeSystem.TAX_BUREAU, 1);

		assertThatThrownBy(() -> this.taxBureau.recordPayment(assessment.assessmentNo(), assessment.amount()))
			.isInstanceOf(AgencyUnavailable.class);
		DeedTaxAssessment paid = this.taxBureau.recordPayment(assessment.assessmentNo(), assessment.amount());

		assertThat(paid.status()).isEqualTo(AssessmentStatus.PAID);
		assertThat(paid.paymentCertificateNo()).startsWith("WS20261210");
		assertThat(this.taxBureau.recordPayment(assessment.assessmentNo(), new BigDecimal("12345.670"))).isEqualTo(paid);
		assertThat(this.taxBureau.assessment(assessment.assessmentNo())).contains(paid);
		assertThat(this.jdbc.sql("select count(*) from fake_deed_tax_assessment where filing_no = ?")
			.param(filing.filingNo()).query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void theSamePaymentRecordedTwiceAtOnceIsOnePayment() throws Exception {
		DeedTaxAssessment assessment = this.taxBureau.assessDeedTax(filing("128.00", person("张买方")).filingNo(), List.of());
		CyclicBarrier together = new CyclicBarrier(2);

		CompletableFuture<DeedTaxAssessment> one = CompletableFuture.supplyAsync(() -> atOnce(together, assessment));
		CompletableFuture<DeedTaxAssessment> two = CompletableFuture.supplyAsync(() -> atOnce(together, assessment));

		DeedTaxAssessment paid = one.get(30, TimeUnit.SECONDS);
		assertThat(two.get(30, TimeUnit.SECONDS)).isEqualTo(paid);
		assertThat(paid.status()).isEqualTo(AssessmentStatus.PAID);
	}

	private DeedTaxAssessment atOnce(CyclicBarrier together, DeedTaxAssessment assessment) {
		try {
			together.await(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return this.taxBureau.recordPayment(assessment.assessmentNo(), assessment.amount());
	}

	@Test
	void aPaymentOfAnotherAmountIsRefusedAndNothingRecorded() {
		DeedTaxAssessment assessment = this.taxBureau.assessDeedTax(filing("128.00", person("张买方")).filingNo(), List.of());

		assertThatThrownBy(() -> this.taxBureau.recordPayment(assessment.assessmentNo(), new BigDecimal("12345.66")))
			.isInstanceOfSatisfying(AgencyRefused.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.AMOUNT_DIFFERS))
			.hasMessageContaining("应纳税额 12345.67 元");
		assertThat(this.taxBureau.assessment(assessment.assessmentNo()).orElseThrow().status())
			.isEqualTo(AssessmentStatus.ASSESSED);
	}

	@Test
	void aCancelledSaleMarksAPaidTaxForRefundAndVoidsAnUnpaidOneOnce() {
		ResaleFiling paidSale = filing("128.00", person("张买方"));
		DeedTaxAssessment paid = this.taxBureau.assessDeedTax(paidSale.filingNo(), List.of());
		this.taxBureau.recordPayment(paid.assessmentNo(), paid.amount());
		DeedTaxAssessment unpaid = this.taxBureau.assessDeedTax(filing("128.00", person("王买方")).filingNo(), List.of());

		DeedTaxAssessment refund = this.taxBureau.cancelForSaleCancelled(paid.assessmentNo(), "交易取消：贷款未获批准");
		DeedTaxAssessment voided = this.taxBureau.cancelForSaleCancelled(unpaid.assessmentNo(), "交易取消");

		assertThat(refund.status()).isEqualTo(AssessmentStatus.REFUND_PENDING);
		assertThat(refund.cancelledOn()).isEqualTo(LocalDate.of(2026, 12, 10));
		assertThat(refund.paymentCertificateNo()).isNotNull();
		assertThat(voided.status()).isEqualTo(AssessmentStatus.VOIDED);
		assertThat(this.taxBureau.cancelForSaleCancelled(paid.assessmentNo(), "again")).isEqualTo(refund);
		assertThatThrownBy(() -> this.taxBureau.recordPayment(unpaid.assessmentNo(), unpaid.amount()))
			.isInstanceOfSatisfying(AgencyRefused.class,
					refused -> assertThat(refused.reason()).isEqualTo(Reason.FILING_NOT_IN_FORCE))
			.hasMessageContaining("作废");
	}

	@Test
	void aWithdrawnFilingIsNeitherAssessedNorPaid() {
		ResaleFiling filing = filing("128.00", person("张买方"));
		DeedTaxAssessment assessment = this.taxBureau.assessDeedTax(filing.filingNo(), List.of());
		this.housingAuthority.withdrawResaleFiling(filing.filingNo(), ResaleSales.key(), "交易取消");

		assertThatThrownBy(() -> this.taxBureau.recordPayment(assessment.assessmentNo(), assessment.amount()))
			.isInstanceOfSatisfying(AgencyRefused.class,
					refused -> assertThat(refused.reason()).isEqualTo(Reason.FILING_NOT_IN_FORCE))
			.hasMessageContaining("已注销");
		ResaleFiling other = filing("128.00", person("王买方"));
		this.housingAuthority.withdrawResaleFiling(other.filingNo(), ResaleSales.key(), "交易取消");
		assertThatThrownBy(() -> this.taxBureau.assessDeedTax(other.filingNo(), List.of()))
			.isInstanceOfSatisfying(AgencyRefused.class,
					refused -> assertThat(refused.reason()).isEqualTo(Reason.FILING_NOT_IN_FORCE));
	}

	@Test
	void whileTheTaxBureauIsDownNothingIsAssessedOrPaid() {
		ResaleFiling filing = filing("128.00", person("张买方"));
		DeedTaxAssessment assessment = this.taxBureau.assessDeedTax(filing.filingNo(), List.of());
		ResaleFiling other = filing("128.00", person("王买方"));
		this.outages.down(FakeSystem.TAX_BUREAU);

		assertThatThrownBy(() -> this.taxBureau.assessDeedTax(other.filingNo(), List.of()))
			.isInstanceOf(AgencyUnavailable.class).hasMessageContaining("TAX_BUREAU is unavailable");
		assertThatThrownBy(() -> this.taxBureau.recordPayment(assessment.assessmentNo(), assessment.amount()))
			.isInstanceOf(AgencyUnavailable.class);
		assertThatThrownBy(() -> this.taxBureau.cancelForSaleCancelled(assessment.assessmentNo(), "交易取消"))
			.isInstanceOf(AgencyUnavailable.class);
		assertThat(this.jdbc.sql("select count(*) from fake_deed_tax_assessment where filing_no = ?")
			.param(other.filingNo()).query(Integer.class).single()).isZero();

		this.outages.up(FakeSystem.TAX_BUREAU);
		assertThat(this.taxBureau.recordPayment(assessment.assessmentNo(), assessment.amount()).status())
			.isEqualTo(AssessmentStatus.PAID);
	}

	private ResaleFiling filing(String area, Party buyer) {
		Party seller = person("马卖方");
		return this.housingAuthority.fileResaleContract(
				contract(this.sales.title(area, false, false, seller), List.of(seller), List.of(buyer), "1234567.00"));
	}

}
