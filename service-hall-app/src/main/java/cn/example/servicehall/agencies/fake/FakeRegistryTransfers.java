package cn.example.servicehall.agencies.fake;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.example.servicehall.agencies.AgencyRefused;
import cn.example.servicehall.agencies.AgencyRefused.Reason;
import cn.example.servicehall.agencies.RealEstateRegistry.TransferAlone;
import cn.example.servicehall.agencies.RealEstateRegistry.TransferRegistration;
import cn.example.servicehall.agencies.RealEstateRegistry.TransferWithMortgage;
import cn.example.servicehall.agencies.fake.FakeOutages.FakeSystem;
import cn.example.servicehall.agencies.fake.FakeRegistryTitles.RegisteredTitle;

/**
 * The registry's combined transfer and mortgage registration ({@code fake_registry_transfer}): the sale read from the
 * housing authority's {@code fake_resale_filing}, the deed tax from the tax bureau's {@code fake_deed_tax_assessment};
 * the buyers' new title a row of {@code fake_registry_title} (mortgaged, unless the buyers paid with their own funds:
 * a transfer alone) with its owners, the sellers no longer owners of the old one.
 */
@Component
class FakeRegistryTransfers {

	private static final String SYSTEM = FakeSystem.REGISTRY.name();

	/** 豫(2018)焦作市不动产权第0012345号: the province, the year, the place. */
	private static final Pattern CERTIFICATE = Pattern.compile("^(.+?)[(（]\\d{4}[)）](.+?)不动产权第\\d+号$");

	private final JdbcClient jdbc;

	private final FakeCalls calls;

	private final Clock clock;

	FakeRegistryTransfers(JdbcClient jdbc, FakeCalls calls, Clock clock) {
		this.jdbc = jdbc;
		this.calls = calls;
		this.clock = clock;
	}

	TransferRegistration register(TransferWithMortgage request) {
		if (blank(request.mortgagee()) || blank(request.loanContractNo()) || request.securedAmount() == null
				|| request.securedAmount().signum() <= 0) {
			throw new IllegalArgumentException("a registration names its key, filing, mortgagee, loan contract and amount");
		}
		return register(request.requestKey(), request.filingNo(), request);
	}

	/** 转移登记 alone (the buyers' own funds): no mortgage on the new title. */
	TransferRegistration register(TransferAlone request) {
		return register(request.requestKey(), request.filingNo(), null);
	}

	private TransferRegistration register(String requestKey, String filingNo, TransferWithMortgage mortgage) {
		if (blank(requestKey) || blank(filingNo)) {
			throw new IllegalArgumentException("a registration names its key and filing");
		}
		TransferWithMortgage request = new TransferWithMortgage(requestKey, filingNo,
				mortgage == null ? null : mortgage.mortgagee(), mortgage == null ? null : mortgage.loanContractNo(),
				mortgage == null ? null : mortgage.securedAmount());
		return this.calls.change(FakeSystem.REGISTRY, status -> {
			Optional<Sale> sale = this.jdbc.sql("""
					select filing_no, certificate_no, status from fake_resale_filing where filing_no = ? for update""")
				.param(request.filingNo())
				.query((rs, row) -> new Sale(rs.getString(1), rs.getString(2), rs.getString(3)))
				.optional();
			Optional<TransferRegistration> made = byKey(request.requestKey());
			if (made.isPresent()) {
				if (!same(made.get(), request)) {
					throw new AgencyRefused(SYSTEM, Reason.KEY_ALREADY_USED, "申请编号 " + request.requestKey()
							+ " 已用于登记 " + made.get().filingNo() + " 的转移" + (made.get().mortgagee() == null ? "" : "及抵押")
							+ "，内容不同，不能再登记。"
							+ " The request key was already used for another registration.");
				}
				return made.get();
			}
			Sale filed = sale.filter(found -> "FILED".equals(found.status()))
				.orElseThrow(() -> new AgencyRefused(SYSTEM, Reason.FILING_NOT_IN_FORCE, "网签备案 " + request.filingNo()
						+ " 不存在或已注销，不能办理转移登记。 The sale's filing is unknown or withdrawn."));
			FakeRegistryTitles.transferOf(this.jdbc, filed.filingNo()).ifPresent(transfer -> {
				throw new AgencyRefused(SYSTEM, Reason.ALREADY_REGISTERED, transfer.words(filed.filingNo())
						+ "。 The sale is already registered.");
			});
			RegisteredTitle title = FakeRegistryTitles.find(this.jdbc, filed.certificateNo()).orElseThrow();
			if (title.sealed()) {
				throw new AgencyRefused(SYSTEM, Reason.TITLE_SEALED, "房屋 " + title.certificateNo()
						+ " 已被查封，不能办理转移登记和抵押登记。 The title is sealed.");
			}
			if (title.mortgaged()) {
				throw new AgencyRefused(SYSTEM, Reason.TITLE_MORTGAGED, "房屋 " + title.certificateNo()
						+ " 的原抵押尚未注销，请先办理抵押注销登记，再办理转移登记。 The existing mortgage is not released.");
			}
			boolean taxPaid = this.jdbc.sql("select count(*) from fake_deed_tax_assessment where filing_no = ? and status = 'PAID'")
				.param(filed.filingNo()).query(Integer.class).single() > 0;
			if (!taxPaid) {
				throw new AgencyRefused(SYSTEM, Reason.DEED_TAX_NOT_PAID, "网签备案 " + filed.filingNo()
						+ " 的契税尚未缴纳（税务局无完税记录），不能办理转移登记。请先缴纳契税。"
						+ " The deed tax of the sale is not paid.");
			}
			LocalDate today = LocalDate.now(this.clock);
			List<String[]> buyers = this.jdbc.sql("""
					select name, id_no from fake_resale_filing_party where filing_no = ? and role = 'BUYER' order by seq""")
				.param(filed.filingNo())
				.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2) })
				.list();
			String ownerNames = String.join(",", buyers.stream().map(buyer -> buyer[0]).toList());
			String certificateNo = number(title.certificateNo(), today, "不动产权",
					this.jdbc.sql("select nextval('fake_registry_certificate_seq')").query(Long.class).single());
			String mortgageNo = mortgage == null ? null : number(title.certificateNo(), today, "不动产证明",
					this.jdbc.sql("select nextval('fake_registry_mortgage_seq')").query(Long.class).single());
			this.jdbc.sql("""
					insert into fake_registry_title (certificate_no, address, floor_area, build_year, owner_names, sealed, mortgaged)
					values (?, ?, ?, ?, ?, false, ?)""")
				.params(certificateNo, title.address(), title.floorArea(), title.buildYear(), ownerNames, mortgage != null)
				.update();
			for (String[] buyer : buyers) {
				this.jdbc.sql("insert into fake_registry_owner (certificate_no, id_no, registered_on) values (?, ?, ?)")
					.params(certificateNo, buyer[1], today)
					.update();
			}
			// the sellers sold it: the old certificate is cancelled and owned by no one
			this.jdbc.sql("delete from fake_registry_owner where certificate_no = ?").param(title.certificateNo()).update();
			this.jdbc.sql("""
					insert into fake_registry_transfer (request_key, filing_no, previous_certificate_no, certificate_no,
					                                    mortgage_certificate_no, mortgagee, loan_contract_no, secured_amount,
					                                    registered_on)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(request.requestKey(), filed.filingNo(), title.certificateNo(), certificateNo, mortgageNo,
						request.mortgagee(), request.loanContractNo(), request.securedAmount(), today)
				.update();
			return byKey(request.requestKey()).orElseThrow();
		});
	}

	private boolean same(TransferRegistration made, TransferWithMortgage request) {
		String loanContractNo = this.jdbc.sql("select loan_contract_no from fake_registry_transfer where request_key = ?")
			.param(request.requestKey()).query(String.class).optional().orElse(null);
		if (made.mortgagee() == null || request.mortgagee() == null) {
			return made.filingNo().equals(request.filingNo()) && made.mortgagee() == request.mortgagee();
		}
		return made.filingNo().equals(request.filingNo()) && made.mortgagee().equals(request.mortgagee())
				&& loanContractNo.equals(request.loanContractNo())
				&& made.securedAmount().compareTo(request.securedAmount()) == 0;
	}

	private Optional<TransferRegistration> byKey(String requestKey) {
		return this.jdbc.sql("""
				select r.*, t.owner_names from fake_registry_transfer r join fake_registry_title t using (certificate_no)
				 where r.request_key = ?""")
			.param(requestKey)
			.query((rs, row) -> new TransferRegistration(rs.getString("request_key"), rs.getString("filing_no"),
					rs.getString("previous_certificate_no"), rs.getString("certificate_no"),
					rs.getString("mortgage_certificate_no"), List.of(rs.getString("owner_names").split(",")),
					rs.getString("mortgagee"), rs.getBigDecimal("secured_amount"),
					rs.getObject("registered_on", LocalDate.class)))
			.optional();
	}

	/** A new number at the old certificate's registry: 豫(2026)焦作市不动产权第8000001号, …不动产证明第0000001号. */
	static String number(String previousCertificateNo, LocalDate today, String kind, long sequence) {
		Matcher matcher = CERTIFICATE.matcher(previousCertificateNo.strip());
		String province = matcher.matches() ? matcher.group(1) : "豫";
		String place = matcher.matches() ? matcher.group(2) : "焦作市";
		return "%s(%d)%s%s第%07d号".formatted(province, today.getYear(), place, kind, sequence);
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private record Sale(String filingNo, String certificateNo, String status) {
	}

}
