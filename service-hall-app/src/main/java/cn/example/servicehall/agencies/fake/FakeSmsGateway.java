package cn.example.servicehall.agencies.fake;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.example.servicehall.agencies.AgencyRefused;
import cn.example.servicehall.agencies.AgencyRefused.Reason;
import cn.example.servicehall.agencies.NotificationGateway;
import cn.example.servicehall.agencies.fake.FakeOutages.FakeSystem;

/** The SMS gateway's stand-in: sends nothing, keeps every message in {@code fake_sms_message}, once per message id. */
@Component
class FakeSmsGateway implements NotificationGateway {

	private static final String SYSTEM = FakeSystem.SMS_GATEWAY.name();

	private final JdbcClient jdbc;

	private final FakeCalls calls;

	private final Clock clock;

	FakeSmsGateway(JdbcClient jdbc, FakeCalls calls, Clock clock) {
		this.jdbc = jdbc;
		this.calls = calls;
		this.clock = clock;
	}

	@Override
	public SentMessage send(Message message) {
		return this.calls.change(FakeSystem.SMS_GATEWAY, status -> {
			if (message.phoneNumber() == null || !message.phoneNumber().matches("1[3-9]\\d{9}")) {
				throw new AgencyRefused(SYSTEM, Reason.MESSAGE_REFUSED, "手机号码 " + NotificationGateway.mask(message.phoneNumber())
						+ " 不是有效的大陆手机号，短信未发送。 Not a mainland mobile number; nothing was sent.");
			}
			if (message.text() == null || message.text().isBlank() || message.text().length() > 500) {
				throw new AgencyRefused(SYSTEM, Reason.MESSAGE_REFUSED,
						"短信内容为空或超过 500 字，未发送。 The text is empty or longer than 500 characters; nothing was sent.");
			}
			this.jdbc.sql("""
					insert into fake_sms_message (message_id, case_no, phone_no, text, sent_at)
					values (:id, :case, :phone, :text, :at) on conflict (message_id) do nothing""")
				.param("id", message.messageId())
				.param("case", message.caseNo())
				.param("phone", message.phoneNumber())
				.param("text", message.text())
				.param("at", OffsetDateTime.now(this.clock))
				.update();
			boolean same = this.jdbc.sql("select phone_no = :phone and text = :text from fake_sms_message where message_id = :id")
				.param("phone", message.phoneNumber())
				.param("text", message.text())
				.param("id", message.messageId())
				.query(Boolean.class)
				.single();
			if (!same) {
				throw new AgencyRefused(SYSTEM, Reason.MESSAGE_REFUSED, "短信 " + message.messageId()
						+ " 已以不同的号码或内容发送过，未再发送。 That message id was sent with another number or text.");
			}
			return this.jdbc.sql("select * from fake_sms_message where message_id = ?")
				.param(message.messageId())
				.query(FakeSmsGateway::sent)
				.single();
		});
	}

	@Override
	public List<SentMessage> sentFor(String caseNo) {
		return this.calls.read(FakeSystem.SMS_GATEWAY, status -> this.jdbc.sql("""
				select * from fake_sms_message where case_no = ? order by sent_at, message_id""")
			.param(caseNo)
			.query(FakeSmsGateway::sent)
			.list());
	}

	private static SentMessage sent(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new SentMessage(rs.getString("message_id"), rs.getString("case_no"),
				NotificationGateway.mask(rs.getString("phone_no")), rs.getString("text"),
				rs.getObject("sent_at", OffsetDateTime.class));
	}

}
