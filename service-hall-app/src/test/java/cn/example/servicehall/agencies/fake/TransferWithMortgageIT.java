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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.agencies.AgencyRefused;
import cn.example.servicehall.agencies.AgencyRefused.Reason;
import cn.example.servicehall.agencies.AgencyUnavailable;
import cn.example.servicehall.agencies.HousingAuthority;
import cn.example.servicehall.agencies.HousingAuthority.Party;
import cn.example.servicehall.agencies.HousingAuthority.ResaleFiling;
import cn.example.servicehall.agencies.RealEstateRegistry;
import cn.example.servicehall.agencies.RealEstateRegistry.Title;
import cn.example.servicehall.agencies.RealEstateRegistry.TransferRegistration;
import cn.example.servicehall.agencies.RealEstateRegistry.TransferWithMortgage;
import cn.example.servicehall.agencies.TaxBureau;
import cn.example.servicehall.agencies.TaxBureau.DeedTaxAssessment;
import cn.example.servicehall.agencies.fake.FakeOutages.FakeSystem;

/**
 * 转移登记 + 抵押登记 合并办理 at the stand-in registry: one call moves the title to the buyers under a new certificate
 * and registers the fund centre's mortgage, once per request key; refused while the deed tax is unpaid, the title
 * sealed or the filing withdrawn; and once registered, the filing cannot be withdrawn nor the tax refunded.
 */
@ServiceHallIntegrationTest
class TransferWithMortgageIT {

	/** 2026-12-10 10:00 in Shanghai. */
	private static final Instant NOW = Instant.parse("2026-12-10T02:00:00Z");

	private static final String CENTRE = "焦作市住房公积金管理中心";

	@Autowired
	private HousingAuthority housingAuthority;

	@Autowired
	private TaxBureau taxBureau;

	@Autowired
	private RealEstateRegistry registry;

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

	@Test
	void theTitleMovesToTheBuyersWithTheCentresMortgageOnItInOneRegistrationOnce() {
		Party seller = person("马卖方");
		Party buyer = person("张买方");
		Party wife = person("李买方");
		String title = this.sales.title("128.00", false, false, seller);
		ResaleFiling filing = this.housingAuthority
			.fileResaleContract(contract(title, List.of(seller), List.of(buyer, wife), "1380000.00"));
		payTax(filing);
		TransferWithMortgage request = request(filing);
		this.outages.loseNextAnswers(FakeSystem.REGISTRY, 1);

		assertThatThrownBy(() -> this.registry.registerTransferWithMortgage(request))
			.isInstanceOf(AgencyUnavailable.class).hasMessageContaining("read timed out");
		TransferRegistration registration = this.registry.registerTransferWithMortgage(request);

		assertThat(this.registry.registerTransferWithMortgage(request)).isEqualTo(registration);
		assertThat(registration.previousCertificateNo()).isEqualTo(title);
		assertThat(registration.certificateNo()).matches("豫\\(2026\\)焦作市不动产权第\\d{7}号").isNotEqualTo(title);
		assertThat(registration.mortgageCertificateNo()).matches("豫\\(2026\\)焦作市不动产证明第\\d{7}号");
		assertThat(registration.ownerNames()).containsExactly("张买方", "李买方");
		assertThat(registration.registeredOn()).isEqualTo(LocalDate.of(2026, 12, 10));
		Title newTitle = this.registry.titleOf(registration.certificateNo()).orElseThrow();
		assertThat(newTitle.mortgaged()).isTrue();
		assertThat(newTitle.floorArea()).isEqualByComparingTo("128.00");
		assertThat(this.registry.homesOwnedBy(buyer.idNumber())).extracting(RealEstateRegistry.OwnedHome::certificateNo)
			.containsExactly(registration.certificateNo());
		assertThat(this.registry.homesOwnedBy(seller.idNumber())).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from fake_registry_transfer where filing_no = ?")
			.param(filing.filingNo()).query(Integer.class).single()).isEqualTo(1);

		assertThatThrownBy(() -> this.registry.registerTransferWithMortgage(new TransferWithMortgage(ResaleSales.key(),
				filing.filingNo(), CENTRE, "JK2026121000001", new BigDecimal("900000.00"))))
			.isInstanceOfSatisfying(AgencyRefused.class,
					refused -> assertThat(refused.reason()).isEqualTo(Reason.ALREADY_REGISTERED));
		assertThatThrownBy(() -> this.housingAuthority.withdrawResaleFiling(filing.filingNo(), ResaleSales.key(), "交易取消"))
			.isInstanceOfSatisfying(AgencyRefused.class,
					refused -> assertThat(refused.reason()).isEqualTo(Reason.ALREADY_REGISTERED))
			.hasMessageContaining(registration.certificateNo());
		DeedTaxAssessment tax = this.taxBureau.assessDeedTax(filing.filingNo(), List.of());
		assertThatThrownBy(() -> this.taxBureau.cancelForSaleCancelled(tax.assessmentNo(), "交易取消"))
			.isInstanceOfSatisfying(AgencyRefused.class,
					refused -> assertThat(refused.reason()).isEqualTo(Reason.ALREADY_REGISTERED))
			.hasMessageContaining("契税法第十二条");
	}

	@Test
	void withOwnFundsTheTitleMovesAloneWithoutAMortgageOnceAndStillOnlyWithTheTaxPaid() {
		Party seller = person("马卖方");
		Party buyer = person("张买方");
		String title = this.sales.title("88.00", false, false, seller);
		ResaleFiling filing = this.housingAuthority
			.fileResaleContract(contract(title, List.of(seller), List.of(buyer), "700000.00"));
		RealEstateRegistry.TransferAlone request = new RealEstateRegistry.TransferAlone("DJ-" + filing.filingNo(),
				filing.filingNo());
		assertThatThrownBy(() -> this.registry.registerTransfer(request))
			.isInstanceOfSatisfying(AgencyRefused.class,
					refused -> assertThat(refused.reason()).isEqualTo(Reason.DEED_TAX_NOT_PAID));
		payTax(filing);

		TransferRegistration registration = this.registry.registerTransfer(request);

		assertThat(this.registry.registerTransfer(request)).isEqualTo(registration);
		assertThat(registration.previousCertificateNo()).isEqualTo(title);
		assertThat(registration.certificateNo()).matches("豫\\(2026\\)焦作市不动产权第\\d{7}号");
		assertThat(registration.mortgageCertificateNo()).isNull();
		assertThat(registration.mortgagee()).isNull();
		assertThat(this.registry.titleOf(registration.certificateNo()).orElseThrow().mortgaged()).isFalse();
		assertThat(this.registry.homesOwnedBy(buyer.idNumber())).extracting(RealEstateRegistry.OwnedHome::certificateNo)
			.containsExactly(registration.certificateNo());
		assertThatThrownBy(() -> this.registry.registerTransferWithMortgage(request(filing)))
			.isInstanceOfSatisfying(AgencyRefused.class,
					refused -> assertThat(refused.reason()).isEqualTo(Reason.KEY_ALREADY_USED));
	}

	@Test
	void theSameRegistrationSentTwiceAtOnceRegistersOnce() throws Exception {
		Party seller = person("马卖方");
		ResaleFiling filing = this.housingAuthority.fileResaleContract(contract(
				this.sales.title("96.00", false, false, seller), List.of(seller), List.of(person("张买方")), "800000.00"));
		payTax(filing);
		CyclicBarrier together = new CyclicBarrier(2);

		CompletableFuture<TransferRegistration> one = CompletableFuture.supplyAsync(() -> atOnce(together, request(filing)));
		CompletableFuture<TransferRegistration> two = CompletableFuture.supplyAsync(() -> atOnce(together, request(filing)));

		assertThat(one.get(30, TimeUnit.SECONDS)).isEqualTo(two.get(30, TimeUnit.SECONDS));
		assertThat(this.jdbc.sql("select count(*) from fake_registry_transfer where filing_no = ?")
			.param(filing.filingNo()).query(Integer.class).single()).isEqualTo(1);
	}

	private TransferRegistration atOnce(CyclicBarrier together, TransferWithMortgage request) {
		try {
			together.await(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return this.registry.registerTransferWithMortgage(request);
	}

	@Test
	void anUnpaidDeedTaxIsRefusedAndNothingRegistered() {
		Party seller = person("马卖方");
		String title = this.sales.title("96.00", false, false, seller);
		ResaleFiling filing = this.housingAuthority
			.fileResaleContract(contract(title, List.of(seller), List.of(person("张买方")), "800000.00"));

		assertRefused(request(filing), Reason.DEED_TAX_NOT_PAID, "契税尚未缴纳");
		this.taxBureau.assessDeedTax(filing.filingNo(), List.of());
		assertRefused(request(filing), Reason.DEED_TAX_NOT_PAID, "契税尚未缴纳");

		assertThat(this.registry.homesOwnedBy(seller.idNumber())).hasSize(1);
		assertThat(this.jdbc.sql("select count(*) from fake_registry_transfer where filing_no = ?")
			.param(filing.filingNo()).query(Integer.class).single()).isZero();
	}

	@Test
	void aTitleSealedAfterTheFilingIsRefused() {
		Party seller = person("马卖方");
		String title = this.sales.title("96.00", false, false, seller);
		ResaleFiling filing = this.housingAuthority
			.fileResaleContract(contract(title, List.of(seller), List.of(person("张买方")), "800000.00"));
		payTax(filing);
		this.jdbc.sql("update fake_registry_title set sealed = true where certificate_no = ?").param(title).update();

		assertRefused(request(filing), Reason.TITLE_SEALED, "已被查封");
	}

	@Test
	void aWithdrawnFilingIsRefused() {
		Party seller = person("马卖方");
		ResaleFiling filing = this.housingAuthority.fileResaleContract(contract(
				this.sales.title("96.00", false, false, seller), List.of(seller), List.of(person("张买方")), "800000.00"));
		payTax(filing);
		this.housingAuthority.withdrawResaleFiling(filing.filingNo(), ResaleSales.key(), "交易取消");

		assertRefused(request(filing), Reason.FILING_NOT_IN_FORCE, "不存在或已注销");
	}

	@Test
	void whileTheRegistryIsDownNothingIsRegistered() {
		Party seller = person("马卖方");
		ResaleFiling filing = this.housingAuthority.fileResaleContract(contract(
				this.sales.title("96.00", false, false, seller), List.of(seller), List.of(person("张买方")), "800000.00"));
		payTax(filing);
		this.outages.down(FakeSystem.REGISTRY);

		assertThatThrownBy(() -> this.registry.registerTransferWithMortgage(request(filing)))
			.isInstanceOf(AgencyUnavailable.class).hasMessageContaining("REGISTRY is unavailable");
		assertThat(this.jdbc.sql("select count(*) from fake_registry_transfer where filing_no = ?")
			.param(filing.filingNo()).query(Integer.class).single()).isZero();

		this.outages.up(FakeSystem.REGISTRY);
		assertThat(this.registry.registerTransferWithMortgage(request(filing)).filingNo()).isEqualTo(filing.filingNo());
	}

	private void payTax(ResaleFiling filing) {
		DeedTaxAssessment assessment = this.taxBureau.assessDeedTax(filing.filingNo(), List.of());
		this.taxBureau.recordPayment(assessment.assessmentNo(), assessment.amount());
	}

	private static TransferWithMortgage request(ResaleFiling filing) {
		return new TransferWithMortgage("DJ-" + filing.filingNo(), filing.filingNo(), CENTRE, "JK2026121000001",
				new BigDecimal("900000.00"));
	}

	private void assertRefused(TransferWithMortgage request, Reason reason, String words) {
		assertThatThrownBy(() -> this.registry.registerTransferWithMortgage(request))
			.isInstanceOfSatisfying(AgencyRefused.class, refused -> assertThat(refused.reason()).isEqualTo(reason))
			.hasMessageContaining(words);
	}

}
