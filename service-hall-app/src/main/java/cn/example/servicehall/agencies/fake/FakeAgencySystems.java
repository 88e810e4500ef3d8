package cn.example.servicehall.agencies.fake;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.example.servicehall.agencies.AgencyUnavailable;
import cn.example.servicehall.agencies.BankCore;
import cn.example.servicehall.agencies.CreditBureau;
import cn.example.servicehall.agencies.FundAccountSystem;
import cn.example.servicehall.agencies.RealEstateRegistry;
import cn.example.servicehall.agencies.fake.FakeOutages.FakeSystem;

/**
 * Stand-ins for the fund's account system, the credit bureau, the registry and the bank's core, backed by the
 * {@code fake_*} tables (seeded with demo citizens and properties). Each works in a transaction of its own, as a
 * system across the network would: a payment the bank made stays made even if the hall's transaction rolls back.
 */
@Component
class FakeAgencySystems implements FundAccountSystem, CreditBureau, RealEstateRegistry, BankCore {

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private final FakeOutages outages;

	private final Clock clock;

	FakeAgencySystems(JdbcClient jdbc, PlatformTransactionManager transactions, FakeOutages outages, Clock clock) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.outages = outages;
		this.clock = clock;
	}

	@Override
	public Optional<FundAccount> accountOf(String residentIdNumber) {
		this.outages.checkUp(FakeSystem.FUND_ACCOUNTS);
		return this.ownTransaction.execute(status -> this.jdbc.sql("select * from fake_fund_account where id_no = ?")
			.param(residentIdNumber)
			.query((rs, row) -> new FundAccount(rs.getString("account_no"), rs.getString("holder_name"),
					AccountStatus.valueOf(rs.getString("status")), rs.getBigDecimal("balance"),
					rs.getInt("continuous_months"), rs.getBigDecimal("monthly_deposit"), rs.getBoolean("outstanding_loan")))
			.optional());
	}

	@Override
	public CreditReport reportFor(String residentIdNumber, String purpose) {
		this.outages.checkUp(FakeSystem.CREDIT_BUREAU);
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		String reportNo = "ZX" + now.toLocalDate().toString().replace("-", "") + Math.abs((residentIdNumber + purpose).hashCode());
		return this.ownTransaction.execute(status -> this.jdbc.sql("select * from fake_credit_record where id_no = ?")
			.param(residentIdNumber)
			.query((rs, row) -> new CreditReport(reportNo, rs.getInt("overdue_last_24_months"),
					rs.getBoolean("currently_overdue"), rs.getBigDecimal("existing_monthly_debt"), now))
			.optional()
			// no record at the bureau: a clean, empty report
			.orElse(new CreditReport(reportNo, 0, false, BigDecimal.ZERO.setScale(2), now)));
	}

	@Override
	public Optional<Title> titleOf(String certificateNo) {
		this.outages.checkUp(FakeSystem.REGISTRY);
		String ref = "BDC" + OffsetDateTime.now(this.clock).toEpochSecond();
		// as a registry's search would: full-width or half-width, with spaces or without
		return this.ownTransaction.execute(status -> this.jdbc.sql("""
				select * from fake_registry_title
				 where upper(regexp_replace(normalize(certificate_no, NFKC), '[[:space:]]+', '', 'g'))
				     = upper(regexp_replace(normalize(:no, NFKC), '[[:space:]]+', '', 'g'))""")
			.param("no", certificateNo)
			.query((rs, row) -> new Title(rs.getString("certificate_no"), ref, rs.getString("address"),
					rs.getBigDecimal("floor_area"), rs.getInt("build_year"),
					List.copyOf(Arrays.asList(rs.getString("owner_names").split(","))), rs.getBoolean("sealed"),
					rs.getBoolean("mortgaged")))
			.optional());
	}

	@Override
	public Payment pay(PaymentOrder order) {
		this.outages.checkUp(FakeSystem.BANK_CORE);
		Payment payment = this.ownTransaction.execute(status -> {
			this.jdbc.sql("""
					insert into fake_bank_payment (order_id, bank_reference, amount, payee_account_no, payee_name, executed_at)
					values (:order, :ref, :amount, :account, :name, :at) on conflict (order_id) do nothing""")
				.param("order", order.orderId())
				.param("ref", "LS" + order.orderId())
				.param("amount", order.amount())
				.param("account", order.payeeAccountNo())
				.param("name", order.payeeName())
				.param("at", OffsetDateTime.now(this.clock))
				.update();
			return this.jdbc.sql("select * from fake_bank_payment where order_id = ?")
				.param(order.orderId())
				.query((rs, row) -> new Payment(rs.getString("order_id"), rs.getString("bank_reference"),
						rs.getBigDecimal("amount"), rs.getObject("executed_at", OffsetDateTime.class)))
				.single();
		});
		if (this.outages.answerLost(FakeSystem.BANK_CORE)) {
			throw new AgencyUnavailable(FakeSystem.BANK_CORE.name(), "read timed out after sending the order (simulated)");
		}
		return payment;
	}

}
