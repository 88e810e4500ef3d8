package cn.example.servicehall.agencies.fake;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.example.servicehall.agencies.AgencyRefused;
import cn.example.servicehall.agencies.AgencyRefused.Reason;
import cn.example.servicehall.agencies.BankCore;
import cn.example.servicehall.agencies.CreditBureau;
import cn.example.servicehall.agencies.RealEstateRegistry;
import cn.example.servicehall.agencies.SocialSecurity;
import cn.example.servicehall.agencies.fake.FakeOutages.FakeSystem;

/**
 * Stand-ins for the credit bureau, the registry, social security and the bank's core, backed by the {@code fake_*}
 * tables (seeded with demo citizens and properties). Each works in a transaction of its own, as a system across the
 * network would: a payment the bank made stays made even if the hall's transaction rolls back ({@link FakeCalls}).
 * The fund's account system is {@link FakeFundLedger}, the loans {@link FakeLoanServicing}, the SMS gateway
 * {@link FakeSmsGateway}.
 */
@Component
class FakeAgencySystems implements CreditBureau, RealEstateRegistry, BankCore, SocialSecurity {

	/** A registry's search: full-width or half-width, with spaces or without. */
	private static final String SAME_CERTIFICATE = FakeRegistryTitles.SAME_CERTIFICATE;

	private final JdbcClient jdbc;

	private final FakeCalls calls;

	private final Clock clock;

	private final FakeRegistryTransfers transfers;

	FakeAgencySystems(JdbcClient jdbc, FakeCalls calls, Clock clock, FakeRegistryTransfers transfers) {
		this.jdbc = jdbc;
		this.calls = calls;
		this.clock = clock;
		this.transfers = transfers;
	}

	@Override
	public TransferRegistration registerTransferWithMortgage(TransferWithMortgage request) {
		return this.transfers.register(request);
	}

	@Override
	public TransferRegistration registerTransfer(TransferAlone request) {
		return this.transfers.register(request);
	}

	@Override
	public CreditReport reportFor(String residentIdNumber, String purpose) {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		String reportNo = "ZX" + now.toLocalDate().toString().replace("-", "") + Math.abs((residentIdNumber + purpose).hashCode());
		return this.calls.read(FakeSystem.CREDIT_BUREAU, status -> this.jdbc.sql("select * from fake_credit_record where id_no = ?")
			.param(residentIdNumber)
			.query((rs, row) -> new CreditReport(reportNo, rs.getInt("overdue_last_24_months"),
					rs.getBoolean("currently_overdue"), rs.getBigDecimal("existing_monthly_debt"), now))
			.optional()
			// no record at the bureau: a clean, empty report
			.orElse(new CreditReport(reportNo, 0, false, BigDecimal.ZERO.setScale(2), now)));
	}

	@Override
	public Optional<Title> titleOf(String certificateNo) {
		String ref = "BDC" + OffsetDateTime.now(this.clock).toEpochSecond();
		return this.calls.read(FakeSystem.REGISTRY, status -> this.jdbc.sql("select * from fake_registry_title where "
				+ SAME_CERTIFICATE.formatted("certificate_no", ":no"))
			.param("no", certificateNo)
			.query((rs, row) -> new Title(rs.getString("certificate_no"), ref, rs.getString("address"),
					rs.getBigDecimal("floor_area"), rs.getInt("build_year"),
					List.copyOf(Arrays.asList(rs.getString("owner_names").split(","))), rs.getBoolean("sealed"),
					rs.getBoolean("mortgaged")))
			.optional());
	}

	@Override
	public List<OwnedHome> homesOwnedBy(String residentIdNumber) {
		return this.calls.read(FakeSystem.REGISTRY, status -> this.jdbc.sql("""
				select t.*, o.id_no, o.registered_on from fake_registry_owner o join fake_registry_title t using (certificate_no)
				 where o.id_no = ? order by o.registered_on, t.certificate_no""")
			.param(residentIdNumber)
			.query((rs, row) -> new OwnedHome(rs.getString("certificate_no"), rs.getString("address"),
					rs.getBigDecimal("floor_area"), rs.getString("id_no"), rs.getObject("registered_on", LocalDate.class),
					rs.getBoolean("mortgaged")))
			.list());
	}

	@Override
	public Optional<Retirement> retirementOf(String residentIdNumber) {
		LocalDate today = LocalDate.now(this.clock);
		return this.calls.read(FakeSystem.SOCIAL_SECURITY, status -> this.jdbc.sql("""
				select retired_on, certificate_no from fake_social_security_retirement where id_no = ? and retired_on <= ?""")
			.params(residentIdNumber, today)
			.query((rs, row) -> new Retirement(rs.getObject("retired_on", LocalDate.class), rs.getString("certificate_no")))
			.optional());
	}

	@Override
	public Payment pay(PaymentOrder order) {
		return this.calls.change(FakeSystem.BANK_CORE, status -> {
			this.jdbc.sql("""
					insert into fake_bank_payment (order_id, bank_reference, amount, payee_account_no, payee_name,
					                               payee_bank, purpose, executed_at)
					values (:order, :ref, :amount, :account, :name, :bank, :purpose, :at) on conflict (order_id) do nothing""")
				.param("order", order.orderId())
				.param("ref", "LS" + order.orderId())
				.param("amount", order.amount())
				.param("account", order.payeeAccountNo())
				.param("name", order.payeeName())
				.param("bank", order.payeeBank())
				.param("purpose", order.purpose())
				.param("at", OffsetDateTime.now(this.clock))
				.update();
			return payment("order_id", order.orderId());
		});
	}

	@Override
	public Payment transfer(CardTransfer transfer) {
		if (transfer.caseNo() == null || transfer.caseNo().isBlank()) {
			throw new IllegalArgumentException("a transfer is keyed by its case number");
		}
		if (transfer.amount() == null || transfer.amount().signum() <= 0
				|| transfer.amount().stripTrailingZeros().scale() > 2) {
			throw new IllegalArgumentException("a transfer is a positive amount in yuan, at most fen: " + transfer.amount());
		}
		return this.calls.change(FakeSystem.BANK_CORE, status -> {
			if (!luhn(transfer.cardNo())) {
				throw new AgencyRefused(FakeSystem.BANK_CORE.name(), Reason.CARD_REFUSED, "银行卡号 " + transfer.cardNo()
						+ " 校验位不符，银行拒绝转账，未付款。 The card number fails its check digit; nothing was paid.");
			}
			// one case, one transfer: a second call, at once or later, finds the first (order id and case are unique)
			this.jdbc.sql("""
					insert into fake_bank_payment (order_id, case_no, bank_reference, amount, payee_account_no, payee_name,
					                               payee_id_no, payee_bank, purpose, executed_at)
					values (:case, :case, :ref, :amount, :card, :name, :id, :bank, :purpose, :at) on conflict do nothing""")
				.param("case", transfer.caseNo())
				.param("ref", "ZZ" + transfer.caseNo())
				.param("amount", transfer.amount())
				.param("card", transfer.cardNo())
				.param("name", transfer.payeeName())
				.param("id", transfer.payeeIdNumber())
				.param("bank", transfer.bankName())
				.param("purpose", transfer.purpose())
				.param("at", OffsetDateTime.now(this.clock))
				.update();
			Made made = this.jdbc.sql("select amount, payee_account_no from fake_bank_payment where case_no = ?")
				.param(transfer.caseNo())
				.query((rs, row) -> new Made(rs.getBigDecimal(1), rs.getString(2)))
				.single();
			if (made.amount().compareTo(transfer.amount()) != 0 || !made.cardNo().equals(transfer.cardNo())) {
				throw new AgencyRefused(FakeSystem.BANK_CORE.name(), Reason.CASE_ALREADY_BOOKED, "案件 " + transfer.caseNo()
						+ " 已转账 " + made.amount() + " 元到尾号 " + tail(made.cardNo()) + " 的银行卡，不能再转一笔不同的款。"
						+ " The case was already paid with another amount or to another card.");
			}
			return payment("case_no", transfer.caseNo());
		});
	}

	private Payment payment(String column, String key) {
		return this.jdbc.sql("select * from fake_bank_payment where " + column + " = ?")
			.param(key)
			.query((rs, row) -> new Payment(rs.getString("order_id"), rs.getString("bank_reference"),
					rs.getBigDecimal("amount"), rs.getObject("executed_at", OffsetDateTime.class)))
			.single();
	}

	private record Made(BigDecimal amount, String cardNo) {
	}

	private static String tail(String cardNo) {
		return cardNo.substring(Math.max(0, cardNo.length() - 4));
	}

	/** The card number's check digit (ISO/IEC 7812, Luhn). */
	static boolean luhn(String cardNo) {
		if (cardNo == null || !cardNo.matches("\\d{12,19}")) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < cardNo.length(); i++) {
			int digit = cardNo.charAt(cardNo.length() - 1 - i) - '0';
			if (i % 2 == 1) {
				digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
			}
			sum += digit;
		}
		return sum % 10 == 0;
	}

}
