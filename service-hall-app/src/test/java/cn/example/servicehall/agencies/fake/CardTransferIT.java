package cn.example.servicehall.agencies.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.agencies.AgencyRefused;
import cn.example.servicehall.agencies.AgencyUnavailable;
import cn.example.servicehall.agencies.BankCore;
import cn.example.servicehall.agencies.BankCore.CardTransfer;
import cn.example.servicehall.agencies.BankCore.Payment;
import cn.example.servicehall.agencies.fake.FakeOutages.FakeSystem;

/**
 * A withdrawal is paid to the citizen's own card as one transfer per case: after an outage, a lost answer, a retry or
 * two calls at once, the bank holds exactly one row for the case.
 */
@ServiceHallIntegrationTest
class CardTransferIT {

	/** A card number with a valid check digit (Luhn). */
	private static final String CARD = "6222020200112233446";

	private static final AtomicInteger CASES = new AtomicInteger();

	@Autowired
	private BankCore bank;

	@Autowired
	private FakeOutages outages;

	@Autowired
	private JdbcClient jdbc;

	@AfterEach
	void everythingBackUp() {
		this.outages.allUp();
	}

	@Test
	void whileTheBankIsDownNothingIsPaidAndOnceItIsBackTheRetryPaysOnce() {
		CardTransfer transfer = transfer("12500.00");
		this.outages.down(FakeSystem.BANK_CORE);

		for (int attempt = 0; attempt < 3; attempt++) {
			assertThatThrownBy(() -> this.bank.transfer(transfer)).isInstanceOf(AgencyUnavailable.class)
				.hasMessageContaining("BANK_CORE is unavailable");
		}
		assertThat(rows(transfer.caseNo())).isZero();

		this.outages.up(FakeSystem.BANK_CORE);
		Payment payment = this.bank.transfer(transfer);
		assertThat(this.bank.transfer(transfer)).isEqualTo(payment);

		assertThat(payment.orderId()).isEqualTo(transfer.caseNo());
		assertThat(rows(transfer.caseNo())).isEqualTo(1);
		assertThat(this.jdbc.sql("""
				select amount || ' ' || payee_account_no || ' ' || payee_name || ' ' || payee_id_no || ' ' || purpose
				  from fake_bank_payment where case_no = ?""").param(transfer.caseNo()).query(String.class).single())
			.isEqualTo("12500.00 " + CARD + " 周晓燕 410802199605200640 住房公积金提取");
	}

	@Test
	void aTransferWhoseAnswerWasLostIsFoundOnRetryNotMadeTwice() {
		CardTransfer transfer = transfer("3000.00");
		this.outages.loseNextAnswers(FakeSystem.BANK_CORE, 2);

		assertThatThrownBy(() -> this.bank.transfer(transfer)).isInstanceOf(AgencyUnavailable.class)
			.hasMessageContaining("read timed out");
		assertThat(rows(transfer.caseNo())).as("the bank made the transfer").isEqualTo(1);
		assertThatThrownBy(() -> this.bank.transfer(transfer)).isInstanceOf(AgencyUnavailable.class);

		assertThat(this.bank.transfer(transfer).amount()).isEqualByComparingTo("3000.00");
		assertThat(rows(transfer.caseNo())).isEqualTo(1);
	}

	@Test
	void twoCallsAtOnceMakeOneTransfer() throws Exception {
		CardTransfer transfer = transfer("800.00");
		CyclicBarrier together = new CyclicBarrier(2);

		CompletableFuture<Payment> one = CompletableFuture.supplyAsync(() -> atOnce(together, transfer));
		CompletableFuture<Payment> two = CompletableFuture.supplyAsync(() -> atOnce(together, transfer));

		assertThat(one.get(30, TimeUnit.SECONDS)).isEqualTo(two.get(30, TimeUnit.SECONDS));
		assertThat(rows(transfer.caseNo())).isEqualTo(1);
	}

	@Test
	void theCasePaidOnceCannotBePaidAgainWithAnotherAmountOrCardAndABadCardNumberIsRefused() {
		CardTransfer transfer = transfer("800.00");
		this.bank.transfer(transfer);

		assertThatThrownBy(() -> this.bank.transfer(new CardTransfer(transfer.caseNo(), new BigDecimal("800.01"),
				"周晓燕", "410802199605200640", CARD, "中国工商银行焦作分行", "住房公积金提取")))
			.isInstanceOfSatisfying(AgencyRefused.class,
					refused -> assertThat(refused.reason()).isEqualTo(AgencyRefused.Reason.CASE_ALREADY_BOOKED))
			.hasMessageContaining("已转账 800.00 元");
		assertThat(rows(transfer.caseNo())).isEqualTo(1);

		String caseNo = caseNo();
		assertThatThrownBy(() -> this.bank.transfer(new CardTransfer(caseNo, new BigDecimal("800.00"), "周晓燕",
				"410802199605200640", "6222020200112233441", "中国工商银行焦作分行", "住房公积金提取")))
			.isInstanceOfSatisfying(AgencyRefused.class,
					refused -> assertThat(refused.reason()).isEqualTo(AgencyRefused.Reason.CARD_REFUSED));
		assertThat(rows(caseNo)).isZero();
	}

	private Payment atOnce(CyclicBarrier together, CardTransfer transfer) {
		try {
			together.await(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return this.bank.transfer(transfer);
	}

	private static CardTransfer transfer(String amount) {
		return new CardTransfer(caseNo(), new BigDecimal(amount), "周晓燕", "410802199605200640", CARD,
				"中国工商银行焦作分行", "住房公积金提取");
	}

	private static String caseNo() {
		return "TQ2026120877" + String.format("%04d", CASES.incrementAndGet()) + System.nanoTime() % 1000;
	}

	private int rows(String caseNo) {
		return this.jdbc.sql("select count(*) from fake_bank_payment where case_no = ? or order_id = ?")
			.params(caseNo, caseNo).query(Integer.class).single();
	}

}
