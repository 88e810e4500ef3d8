package cn.example.servicehall.agencies.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.agencies.AgencyUnavailable;
import cn.example.servicehall.agencies.FundAccountSystem;
import cn.example.servicehall.agencies.FundAccountSystem.AccountStatement;
import cn.example.servicehall.agencies.FundAccountSystem.AccountStatus;
import cn.example.servicehall.agencies.LoanServicing;
import cn.example.servicehall.agencies.LoanServicing.HousingLoan;
import cn.example.servicehall.agencies.LoanServicing.LoanKind;
import cn.example.servicehall.agencies.RealEstateRegistry;
import cn.example.servicehall.agencies.RealEstateRegistry.OwnedHome;
import cn.example.servicehall.agencies.SocialSecurity;
import cn.example.servicehall.agencies.fake.FakeOutages.FakeSystem;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.support.Api;
import cn.example.servicehall.support.TestTokens;

/** The demo citizens a withdrawal demo needs, as the ports tell them on 2026-12-08. */
@ServiceHallIntegrationTest
class WithdrawalFactsIT {

	private static final String RETIRED_MAN = "410802196503120515"; // 孙建国

	private static final String MAN_BELOW_REFORMED_AGE = "410811196610080332"; // 钱立新

	private static final String RENTER = "410802199605200640"; // 周晓燕

	private static final String REPAYING = "410803198307140717"; // 郑海涛

	private static final String OVERDUE = "410811198509260821"; // 冯丽娟

	@Autowired
	private FundAccountSystem accounts;

	@Autowired
	private SocialSecurity socialSecurity;

	@Autowired
	private RealEstateRegistry registry;

	@Autowired
	private LoanServicing loans;

	@Autowired
	private FakeOutages outages;

	@Autowired
	private TestRestTemplate http;

	@BeforeEach
	void fixTheDate() {
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-08T02:00:00Z")));
	}

	@AfterEach
	void resetClockAndOutages() {
		ClockUtil.reset();
		this.outages.allUp();
	}

	@Test
	void theRetiredManRetiredAtHisReformedAgeAndTheOtherHasNotRetired() {
		assertThat(this.socialSecurity.retirementOf(RETIRED_MAN)).hasValueSatisfying(r -> {
			assertThat(r.retiredOn()).isEqualTo(LocalDate.of(2025, 7, 12));
			assertThat(r.certificateNo()).isNotBlank();
		});
		assertThat(this.socialSecurity.retirementOf(MAN_BELOW_REFORMED_AGE)).isEmpty();
		// before the day of his retirement, social security has none
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2025-07-11T02:00:00Z")));
		assertThat(this.socialSecurity.retirementOf(RETIRED_MAN)).isEmpty();

		AccountStatement account = this.accounts.statementOf(RETIRED_MAN).orElseThrow();
		assertThat(account.status()).isEqualTo(AccountStatus.SEALED);
		assertThat(account.balance()).isEqualByComparingTo("128600.00");
		assertThat(account.lastDepositOn()).contains(LocalDate.of(2025, 7, 10));
	}

	@Test
	void theRenterOwnsNoHomeAndTheBuyerOwnsTheFlatHeWithdrewFor() {
		assertThat(this.registry.homesOwnedBy(RENTER)).isEmpty();
		assertThat(this.registry.homesOwnedByFamily(RENTER, null)).isEmpty();
		assertThat(this.loans.loansOf(RENTER, LocalDate.of(2025, 12, 1), LocalDate.of(2026, 11, 30))).isEmpty();

		List<OwnedHome> homes = this.registry.homesOwnedByFamily(MAN_BELOW_REFORMED_AGE, RENTER);
		assertThat(homes).singleElement().satisfies(home -> {
			assertThat(home.certificateNo()).isEqualTo("豫(2026)焦作市不动产权第0089012号");
			assertThat(home.ownerIdNumber()).isEqualTo(MAN_BELOW_REFORMED_AGE);
			assertThat(home.registeredOn()).isEqualTo(LocalDate.of(2026, 2, 26));
		});
		assertThat(this.accounts.withdrawalsForHome(homes.get(0).certificateNo())).singleElement()
			.satisfies(w -> assertThat(w.reason().code()).isEqualTo("01"));
	}

	@Test
	void theRepayingBorrowerHasAFundAndACommercialLoanRepaidOnTime() {
		List<HousingLoan> repaying = this.loans.loansOf(REPAYING, LocalDate.of(2025, 12, 1), LocalDate.of(2026, 11, 30));
		assertThat(repaying).extracting(HousingLoan::kind).containsExactlyInAnyOrder(LoanKind.FUND, LoanKind.COMMERCIAL);
		assertThat(repaying).allSatisfy(loan -> {
			assertThat(loan.overdue()).isFalse();
			assertThat(loan.repaidInPeriod()).isEqualByComparingTo(loan.monthlyInstalment().multiply(BigDecimal.valueOf(12)));
			assertThat(loan.homeRef()).isEqualTo("豫(2022)焦作市不动产权第0056789号");
			assertThat(loan.outstandingPrincipal()).isLessThan(loan.principal()).isPositive();
		});
		assertThat(this.registry.homesOwnedBy(REPAYING)).extracting(OwnedHome::mortgaged).containsExactly(true);
		assertThat(this.accounts.withdrawalsOf(REPAYING)).singleElement()
			.satisfies(w -> assertThat(w.reason().code()).isEqualTo("06"));
	}

	@Test
	void theOverdueBorrowerHasThreeInstalmentsOverdue() {
		assertThat(this.loans.loansOf(OVERDUE, LocalDate.of(2025, 12, 1), LocalDate.of(2026, 11, 30)))
			.singleElement().satisfies(loan -> {
				assertThat(loan.kind()).isEqualTo(LoanKind.FUND);
				assertThat(loan.overdue()).isTrue();
				assertThat(loan.overdueInstalments()).isEqualTo(3);
				assertThat(loan.overdueSince()).isEqualTo(LocalDate.of(2026, 9, 20));
				// paid 2025-12-20 … 2026-08-20
				assertThat(loan.repaidInPeriod()).isEqualByComparingTo(loan.monthlyInstalment().multiply(BigDecimal.valueOf(9)));
			});
	}

	@Test
	void anAdministratorTakesTheNewSystemsDownAndBackThroughTheApi() {
		Api admin = Api.as(this.http, TestTokens.user("admin1", Groups.SYSTEM_ADMIN));

		var down = admin.exchange(HttpMethod.PUT, "/api/admin/fake-systems/SMS_GATEWAY/outage", Map.of("down", true), null);

		assertThat(down.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(down.getBody()).containsEntry("down", List.of("SMS_GATEWAY"));
		assertThat(this.outages.isDown(FakeSystem.SMS_GATEWAY)).isTrue();
		admin.exchange(HttpMethod.PUT, "/api/admin/fake-systems/SMS_GATEWAY/outage", Map.of("down", false), null);
		assertThat(this.outages.downNow()).isEmpty();
	}

	@Test
	void theNewSystemsCanBeTakenDown() {
		this.outages.down(FakeSystem.SOCIAL_SECURITY);
		this.outages.down(FakeSystem.LOAN_SERVICING);
		assertThatThrownBy(() -> this.socialSecurity.retirementOf(RETIRED_MAN)).isInstanceOf(AgencyUnavailable.class)
			.hasMessageContaining("SOCIAL_SECURITY is unavailable");
		assertThatThrownBy(() -> this.loans.loansOf(OVERDUE, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)))
			.isInstanceOf(AgencyUnavailable.class).hasMessageContaining("LOAN_SERVICING is unavailable");
	}

}
