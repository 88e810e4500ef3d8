package cn.example.servicehall.agencies.fake;

import static cn.example.servicehall.agencies.fake.ResaleSales.contract;
import static cn.example.servicehall.agencies.fake.ResaleSales.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

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
import cn.example.servicehall.agencies.HousingAuthority.FilingStatus;
import cn.example.servicehall.agencies.HousingAuthority.Party;
import cn.example.servicehall.agencies.HousingAuthority.ResaleContract;
import cn.example.servicehall.agencies.HousingAuthority.ResaleFiling;
import cn.example.servicehall.agencies.RealEstateRegistry;
import cn.example.servicehall.agencies.RealEstateRegistry.OwnedHome;
import cn.example.servicehall.agencies.fake.FakeOutages.FakeSystem;

/**
 * 存量房买卖合同网签备案 at the stand-in housing authority: a registered title's sale filed once per request key and
 * read back, withdrawn once, and refused in words when the title is sealed, mortgaged without consent, not the
 * sellers' or already filed.
 */
@ServiceHallIntegrationTest
class ResaleFilingIT {

	/** 2026-12-10 10:00 in Shanghai. */
	private static final Instant NOW = Instant.parse("2026-12-10T02:00:00Z");

	@Autowired
	private HousingAuthority housingAuthority;

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
	void aSaleIsFiledWithTheRegistrysTitleAndReadBack() {
		Party seller = person("马卖方");
		Party buyer = person("张买方");
		Party wife = person("李买方");
		String title = this.sales.title("128.00", false, false, seller);

		ResaleFiling filing = this.housingAuthority
			.fileResaleContract(contract(title, List.of(seller), List.of(buyer, wife), "1380000.00"));

		assertThat(filing.filingNo()).matches("CL2026-\\d{6}");
		assertThat(filing.status()).isEqualTo(FilingStatus.FILED);
		assertThat(filing.filedOn()).isEqualTo(LocalDate.of(2026, 12, 10));
		assertThat(filing.floorArea()).isEqualByComparingTo("128.00");
		assertThat(filing.address()).startsWith("焦作市山阳区测试路");
		assertThat(filing.buyers()).containsExactly(buyer, wife);
		assertThat(this.housingAuthority.resaleFiling(" " + filing.filingNo() + " ")).contains(filing);
		assertThat(this.housingAuthority.resaleFiling("CL2026-999999")).isEmpty();
	}

	@Test
	void theDemoSalesFlatsAreTheSellersAndTheDemoBuyersOwnWhatTheReadmeSays() {
		assertThat(this.registry.homesOwnedBy("410802197503120616")).extracting(OwnedHome::certificateNo, OwnedHome::floorArea)
			.containsExactly(tuple("豫(2020)焦作市不动产权第0091234号", new BigDecimal("128.00")));
		assertThat(this.registry.titleOf("豫(2021)焦作市不动产权第0092345号").orElseThrow().ownerNames())
			.containsExactly("何秀兰", "林志远");
		assertThat(this.registry.homesOwnedBy("41080219900722081X")).hasSize(1);
		assertThat(this.registry.homesOwnedByFamily("410802198506150313", "410802198703080422"))
			.as("张伟 and 李娜: the flat is their only home").isEmpty();
		assertThat(this.registry.homesOwnedBy("410822198207070642")).as("陈静: a second home").hasSize(1);
	}

	@Test
	void theSameRequestKeyFilesOnceEvenWhenTheAnswerWasLost() {
		Party seller = person("马卖方");
		String title = this.sales.title("96.00", false, false, seller);
		ResaleContract contract = contract(title, List.of(seller), List.of(person("张买方")), "800000.00");
		this.outages.loseNextAnswers(FakeSystem.HOUSING_AUTHORITY, 1);

		assertThatThrownBy(() -> this.housingAuthority.fileResaleContract(contract))
			.isInstanceOf(AgencyUnavailable.class).hasMessageContaining("read timed out");
		ResaleFiling filing = this.housingAuthority.fileResaleContract(contract);

		assertThat(this.housingAuthority.fileResaleContract(contract)).isEqualTo(filing);
		assertThat(filings(title)).isEqualTo(1);
		ResaleContract other = new ResaleContract(contract.requestKey(), title, contract.sellers(), contract.buyers(),
				new BigDecimal("800000.01"), contract.signedOn(), null);
		assertThatThrownBy(() -> this.housingAuthority.fileResaleContract(other))
			.isInstanceOfSatisfying(AgencyRefused.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.KEY_ALREADY_USED))
			.hasMessageContaining(filing.filingNo());
	}

	@Test
	void twoSalesOfOneTitleSentAtOnceFileOneAndTheSameKeyTwiceAtOnceFilesOnce() throws Exception {
		Party seller = person("马卖方");
		String title = this.sales.title("96.00", false, false, seller);
		ResaleContract one = contract(title, List.of(seller), List.of(person("张买方")), "800000.00");
		ResaleContract other = contract(title, List.of(seller), List.of(person("王买方")), "810000.00");

		List<Object> answers = together(one, other);

		assertThat(answers).filteredOn(ResaleFiling.class::isInstance).hasSize(1);
		assertThat(answers).filteredOn(AgencyRefused.class::isInstance)
			.singleElement()
			.satisfies(refused -> assertThat(((AgencyRefused) refused).reason()).isEqualTo(Reason.ALREADY_FILED));
		assertThat(filings(title)).isEqualTo(1);

		String again = this.sales.title("96.00", false, false, seller);
		ResaleContract twice = contract(again, List.of(seller), List.of(person("张买方")), "800000.00");
		List<Object> both = together(twice, twice);
		assertThat(both).allMatch(ResaleFiling.class::isInstance);
		assertThat(both.get(0)).isEqualTo(both.get(1));
		assertThat(filings(again)).isEqualTo(1);
	}

	private List<Object> together(ResaleContract first, ResaleContract second) throws Exception {
		CyclicBarrier barrier = new CyclicBarrier(2);
		CompletableFuture<Object> a = CompletableFuture.supplyAsync(() -> atOnce(barrier, first));
		CompletableFuture<Object> b = CompletableFuture.supplyAsync(() -> atOnce(barrier, second));
		return List.of(a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS));
	}

	private Object atOnce(CyclicBarrier barrier, ResaleContract contract) {
		try {
			barrier.await(10, TimeUnit.SECONDS);
			return this.housingAuthority.fileResaleContract(contract);
		}
		catch (AgencyRefused refused) {
			return refused;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void aSealedTitleIsRefused() {
		Party seller = person("马卖方");
		String title = this.sales.title("96.00", true, false, seller);

		assertRefused(contract(title, List.of(seller), List.of(person("张买方")), "800000.00"), Reason.TITLE_SEALED,
				"已被查封");
		assertThat(filings(title)).isZero();
	}

	@Test
	void aMortgagedTitleNeedsTheMortgageesConsent() {
		Party seller = person("马卖方");
		String title = this.sales.title("96.00", false, true, seller);
		ResaleContract without = contract(title, List.of(seller), List.of(person("张买方")), "800000.00");

		assertRefused(without, Reason.TITLE_MORTGAGED, "抵押权人同意");
		ResaleFiling filing = this.housingAuthority.fileResaleContract(new ResaleContract(without.requestKey(), title,
				without.sellers(), without.buyers(), without.price(), without.signedOn(), "建行焦作分行同意书 2026-118"));
		assertThat(filing.status()).isEqualTo(FilingStatus.FILED);
	}

	@Test
	void aSellerWhoIsNotTheOwnerAndAMissingCoOwnerAreRefused() {
		Party owner = person("何共有");
		Party coOwner = person("林共有");
		String title = this.sales.title("146.20", false, false, owner, coOwner);
		Party stranger = person("冒名人");

		assertRefused(contract(title, List.of(owner, stranger), List.of(person("张买方")), "900000.00"),
				Reason.SELLER_NOT_OWNER, "冒名人 不是房屋");
		assertRefused(contract(title, List.of(owner), List.of(person("张买方")), "900000.00"), Reason.SELLER_NOT_OWNER,
				"全体共有人");
		assertRefused(contract("豫(2024)焦作市不动产权第0000000号", List.of(owner), List.of(person("张买方")), "900000.00"),
				Reason.TITLE_UNKNOWN, "没有证书号");
		assertThat(this.housingAuthority.fileResaleContract(
				contract(title, List.of(coOwner, owner), List.of(person("张买方")), "900000.00")).sellers())
			.containsExactly(coOwner, owner);
	}

	@Test
	void aTitleFiledOnceIsRefusedUntilItsFilingIsWithdrawnAndTheWithdrawalIsOnce() {
		Party seller = person("马卖方");
		String title = this.sales.title("96.00", false, false, seller);
		ResaleFiling first = this.housingAuthority
			.fileResaleContract(contract(title, List.of(seller), List.of(person("张买方")), "800000.00"));
		ResaleContract second = contract(title, List.of(seller), List.of(person("王买方")), "820000.00");

		assertRefused(second, Reason.ALREADY_FILED, first.filingNo());

		ResaleFiling withdrawn = this.housingAuthority.withdrawResaleFiling(first.filingNo(), "YS-CANCEL-1", "买卖双方解除合同");
		assertThat(withdrawn.status()).isEqualTo(FilingStatus.CANCELLED);
		assertThat(withdrawn.withdrawnOn()).isEqualTo(LocalDate.of(2026, 12, 10));
		assertThat(this.housingAuthority.withdrawResaleFiling(first.filingNo(), "YS-CANCEL-1", "买卖双方解除合同"))
			.isEqualTo(withdrawn);
		assertThat(this.housingAuthority.withdrawResaleFiling(first.filingNo(), "YS-CANCEL-2", "再次注销").withdrawalKey())
			.as("an earlier withdrawal answers as it is").isEqualTo("YS-CANCEL-1");
		assertThat(this.housingAuthority.fileResaleContract(second).status()).isEqualTo(FilingStatus.FILED);
		assertThatThrownBy(() -> this.housingAuthority.withdrawResaleFiling("CL2026-999999", "k", "r"))
			.isInstanceOfSatisfying(AgencyRefused.class,
					refused -> assertThat(refused.reason()).isEqualTo(Reason.FILING_NOT_IN_FORCE));
	}

	@Test
	void whileTheHousingAuthorityIsDownNothingIsFiledOrWithdrawn() {
		Party seller = person("马卖方");
		String title = this.sales.title("96.00", false, false, seller);
		ResaleContract contract = contract(title, List.of(seller), List.of(person("张买方")), "800000.00");
		ResaleFiling filing = this.housingAuthority
			.fileResaleContract(contract(this.sales.title("90.00", false, false, seller), List.of(seller),
					List.of(person("张买方")), "700000.00"));
		this.outages.down(FakeSystem.HOUSING_AUTHORITY);

		assertThatThrownBy(() -> this.housingAuthority.fileResaleContract(contract))
			.isInstanceOf(AgencyUnavailable.class).hasMessageContaining("HOUSING_AUTHORITY is unavailable");
		assertThatThrownBy(() -> this.housingAuthority.withdrawResaleFiling(filing.filingNo(), "k", "r"))
			.isInstanceOf(AgencyUnavailable.class);
		assertThatThrownBy(() -> this.housingAuthority.resaleFiling(filing.filingNo()))
			.isInstanceOf(AgencyUnavailable.class);
		assertThat(filings(title)).isZero();

		this.outages.up(FakeSystem.HOUSING_AUTHORITY);
		assertThat(this.housingAuthority.resaleFiling(filing.filingNo()).orElseThrow().status())
			.isEqualTo(FilingStatus.FILED);
	}

	private void assertRefused(ResaleContract contract, Reason reason, String words) {
		assertThatThrownBy(() -> this.housingAuthority.fileResaleContract(contract))
			.isInstanceOfSatisfying(AgencyRefused.class, refused -> assertThat(refused.reason()).isEqualTo(reason))
			.hasMessageContaining(words);
	}

	private int filings(String certificateNo) {
		return this.jdbc.sql("select count(*) from fake_resale_filing where certificate_no = ?")
			.param(certificateNo).query(Integer.class).single();
	}

}
