package cn.example.servicehall.agencies.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.agencies.AgencyRefused;
import cn.example.servicehall.agencies.AgencyUnavailable;
import cn.example.servicehall.agencies.NotificationGateway;
import cn.example.servicehall.agencies.NotificationGateway.Message;
import cn.example.servicehall.agencies.NotificationGateway.SentMessage;
import cn.example.servicehall.agencies.fake.FakeOutages.FakeSystem;

/** The SMS gateway's stand-in keeps every message once, and reads them back by case with the number masked. */
@ServiceHallIntegrationTest
class SmsGatewayIT {

	@Autowired
	private NotificationGateway sms;

	@Autowired
	private FakeOutages outages;

	@Autowired
	private JdbcClient jdbc;

	@AfterEach
	void resetClockAndOutages() {
		ClockUtil.reset();
		this.outages.allUp();
	}

	@Test
	void aMessageIsKeptOnceAndReadBackForItsCaseWithTheNumberMasked() {
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-08T02:00:00Z")));
		String caseNo = "TQ20261208000101";
		Message accepted = new Message(caseNo + ":ACCEPTED", caseNo, "13812345678", "您的住房公积金提取申请已受理。");
		Message paid = new Message(caseNo + ":PAID", caseNo, "13812345678", "您的住房公积金提取款 12,500.00 元已转入尾号 3446 的银行卡。");
		this.outages.loseNextAnswers(FakeSystem.SMS_GATEWAY, 1);

		assertThatThrownBy(() -> this.sms.send(accepted)).isInstanceOf(AgencyUnavailable.class);
		this.sms.send(accepted); // the retry
		this.sms.send(paid);
		this.sms.send(new Message("TQ20261208000102:PAID", "TQ20261208000102", "13900001111", "另一案件"));

		assertThat(this.jdbc.sql("select count(*) from fake_sms_message where case_no = ?").param(caseNo)
			.query(Integer.class).single()).isEqualTo(2);
		assertThat(this.jdbc.sql("select phone_no from fake_sms_message where message_id = ?").param(caseNo + ":PAID")
			.query(String.class).single()).as("the gateway keeps the number").isEqualTo("13812345678");
		assertThat(this.sms.sentFor(caseNo)).extracting(SentMessage::messageId, SentMessage::maskedPhoneNumber)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(caseNo + ":ACCEPTED", "138****5678"),
					org.assertj.core.groups.Tuple.tuple(caseNo + ":PAID", "138****5678"));
		assertThat(this.sms.sentFor(caseNo).get(1).text()).contains("12,500.00 元");
		assertThat(this.sms.sentFor(caseNo).get(0).sentAt())
			.isEqualTo(OffsetDateTime.of(2026, 12, 8, 2, 0, 0, 0, ZoneOffset.UTC));
		assertThat(this.sms.sentFor("TQ20261208000199")).isEmpty();
	}

	@Test
	void aBadNumberOrTheSameIdWithAnotherTextIsRefusedAndNothingIsSent() {
		String caseNo = "TQ20261208000111";
		assertThatThrownBy(() -> this.sms.send(new Message(caseNo + ":X", caseNo, "1381234567", "短了一位")))
			.isInstanceOfSatisfying(AgencyRefused.class,
					refused -> assertThat(refused.reason()).isEqualTo(AgencyRefused.Reason.MESSAGE_REFUSED))
			.hasMessageContaining("不是有效的大陆手机号");
		this.sms.send(new Message(caseNo + ":PAID", caseNo, "13812345678", "已转账。"));
		assertThatThrownBy(() -> this.sms.send(new Message(caseNo + ":PAID", caseNo, "13812345678", "又转了一次？")))
			.isInstanceOf(AgencyRefused.class);
		assertThat(this.sms.sentFor(caseNo)).extracting(SentMessage::text).containsExactly("已转账。");

		this.outages.down(FakeSystem.SMS_GATEWAY);
		assertThatThrownBy(() -> this.sms.sentFor(caseNo)).isInstanceOf(AgencyUnavailable.class);
	}

}
