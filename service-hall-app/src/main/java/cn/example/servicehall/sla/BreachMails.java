package cn.example.servicehall.sla;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * 超时督办邮件: a breach is mailed to the agency's managers once it is committed, when mail is configured
 * ({@code spring.mail.host} and {@code servicehall.sla.mail.to.<AGENCY>}), on a thread of its own (Spring Modulith's
 * listeners after commit are asynchronous). The hand-over is kept in the event publication registry until the mail is
 * sent (or found unsendable, which is logged and not retried, as before): a hall that dies in between sends it when it
 * starts again.
 */
@Component
class BreachMails {

	private static final Logger log = LoggerFactory.getLogger(BreachMails.class);

	private final JdbcClient jdbc;

	private final ObjectProvider<JavaMailSender> mail;

	private final SlaNotices.Mail settings;

	BreachMails(JdbcClient jdbc, ObjectProvider<JavaMailSender> mail, SlaNotices.Mail settings) {
		this.jdbc = jdbc;
		this.mail = mail;
		this.settings = settings;
	}

	@ApplicationModuleListener
	void on(DeadlineBreached breach) {
		List<String> to = this.settings.to().getOrDefault(breach.agency(), List.of());
		JavaMailSender sender = this.mail.getIfAvailable();
		if (to.isEmpty() || sender == null) {
			return;
		}
		SimpleMailMessage mailMessage = new SimpleMailMessage();
		mailMessage.setFrom(this.settings.from());
		mailMessage.setTo(to.toArray(String[]::new));
		mailMessage.setSubject("【超时督办】办件 " + breach.caseNo());
		mailMessage.setText(breach.message() + "\n\n—— 住房公积金综合服务大厅");
		try {
			sender.send(mailMessage);
			this.jdbc.sql("update sla_notification set mailed_to = ? where id = ?")
				.params(String.join(",", to), breach.noticeId())
				.update();
		}
		catch (MailException ex) {
			log.warn("Could not mail the breach notice of {} to {}: {}", breach.caseNo(), to, ex.getMessage());
		}
	}

}
