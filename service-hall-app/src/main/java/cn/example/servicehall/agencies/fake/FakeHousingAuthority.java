package cn.example.servicehall.agencies.fake;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.example.servicehall.agencies.AgencyRefused;
import cn.example.servicehall.agencies.AgencyRefused.Reason;
import cn.example.servicehall.agencies.HousingAuthority;
import cn.example.servicehall.agencies.fake.FakeOutages.FakeSystem;
import cn.example.servicehall.agencies.fake.FakeRegistryTitles.RegisteredTitle;

/**
 * The housing authority's filed contracts: new houses from {@code fake_contract_filing} (the number compared without
 * spaces), second-hand sales in {@code fake_resale_filing} with their parties, checked against the registry's
 * {@code fake_registry_title} and {@code fake_registry_owner} as the real system checks the registry's.
 */
@Component
class FakeHousingAuthority implements HousingAuthority {

	private static final String SYSTEM = FakeSystem.HOUSING_AUTHORITY.name();

	private final JdbcClient jdbc;

	private final FakeCalls calls;

	private final Clock clock;

	FakeHousingAuthority(JdbcClient jdbc, FakeCalls calls, Clock clock) {
		this.jdbc = jdbc;
		this.calls = calls;
		this.clock = clock;
	}

	@Override
	public Optional<FiledContract> filedContract(String filingNo) {
		return this.calls.read(FakeSystem.HOUSING_AUTHORITY, status -> this.jdbc.sql("""
				select * from fake_contract_filing
				 where upper(regexp_replace(normalize(filing_no, NFKC), '[[:space:]]+', '', 'g'))
				     = upper(regexp_replace(normalize(:no, NFKC), '[[:space:]]+', '', 'g'))""")
			.param("no", filingNo)
			.query((rs, row) -> new FiledContract(rs.getString("filing_no"),
					buyers(rs.getString("buyer_names"), rs.getString("buyer_id_numbers")), rs.getString("project_name"),
					rs.getString("presale_permit_no"), rs.getString("unit_no"), rs.getBigDecimal("floor_area"),
					rs.getBigDecimal("price"),
					rs.getObject("filed_on", LocalDate.class), FilingStatus.valueOf(rs.getString("status"))))
			.optional());
	}

	@Override
	public ResaleFiling fileResaleContract(ResaleContract contract) {
		check(contract);
		return this.calls.change(FakeSystem.HOUSING_AUTHORITY, status -> {
			Optional<ResaleFiling> made = byKey(contract.requestKey());
			if (made.isPresent()) {
				return sameOrRefused(made.get(), contract);
			}
			RegisteredTitle title = FakeRegistryTitles.find(this.jdbc, contract.certificateNo())
				.orElseThrow(() -> new AgencyRefused(SYSTEM, Reason.TITLE_UNKNOWN, "不动产登记簿中没有证书号 "
						+ contract.certificateNo() + "，不能网签备案，请核对不动产权证书。"
						+ " The registry knows no title with this certificate number."));
			if (title.sealed()) {
				throw new AgencyRefused(SYSTEM, Reason.TITLE_SEALED, "房屋 " + title.certificateNo()
						+ " 已被查封，不能网签备案。 The title is sealed; it cannot be sold.");
			}
			if (title.mortgaged() && blank(contract.mortgageeConsent())) {
				throw new AgencyRefused(SYSTEM, Reason.TITLE_MORTGAGED, "房屋 " + title.certificateNo()
						+ " 已设定抵押，须提交抵押权人同意出售的书面意见后方可网签备案。"
						+ " The title is mortgaged; the mortgagee's consent to the sale is required.");
			}
			checkSellersAreTheOwners(title, contract.sellers());
			Optional<ResaleFiling> filed = inForce(title.certificateNo());
			if (filed.isPresent()) {
				// the same key may have filed it while this call waited for the title's lock
				if (filed.get().requestKey().equals(contract.requestKey())) {
					return sameOrRefused(filed.get(), contract);
				}
				throw alreadyFiled(filed.get());
			}
			LocalDate today = LocalDate.now(this.clock);
			String filingNo = "CL" + today.getYear() + "-"
					+ String.format("%06d", this.jdbc.sql("select nextval('fake_resale_filing_seq')").query(Long.class).single());
			int inserted = this.jdbc.sql("""
					insert into fake_resale_filing (filing_no, request_key, certificate_no, address, floor_area, price,
					                                signed_on, filed_on, mortgagee_consent, status)
					values (:no, :key, :cert, :address, :area, :price, :signed, :today, :consent, 'FILED')
					on conflict do nothing""")
				.param("no", filingNo)
				.param("key", contract.requestKey())
				.param("cert", title.certificateNo())
				.param("address", title.address())
				.param("area", title.floorArea())
				.param("price", contract.price())
				.param("signed", contract.signedOn())
				.param("today", today)
				.param("consent", blank(contract.mortgageeConsent()) ? null : contract.mortgageeConsent().strip())
				.update();
			if (inserted == 0) {
				// the same key, or another sale of the title, filed at this very moment
				return byKey(contract.requestKey()).map(same -> sameOrRefused(same, contract))
					.orElseThrow(() -> alreadyFiled(inForce(title.certificateNo()).orElseThrow()));
			}
			insertParties(filingNo, "SELLER", contract.sellers());
			insertParties(filingNo, "BUYER", contract.buyers());
			return byKey(contract.requestKey()).orElseThrow();
		});
	}

	@Override
	public Optional<ResaleFiling> resaleFiling(String filingNo) {
		return this.calls.read(FakeSystem.HOUSING_AUTHORITY, status -> filing("""
				upper(regexp_replace(normalize(filing_no, NFKC), '[[:space:]]+', '', 'g'))
				  = upper(regexp_replace(normalize(:v, NFKC), '[[:space:]]+', '', 'g'))""", filingNo));
	}

	@Override
	public ResaleFiling withdrawResaleFiling(String filingNo, String requestKey, String reason) {
		if (blank(requestKey) || blank(reason)) {
			throw new IllegalArgumentException("a withdrawal names its request key and its reason");
		}
		return this.calls.change(FakeSystem.HOUSING_AUTHORITY, status -> {
			ResaleFiling filing = filing("filing_no = :v for update", filingNo)
				.orElseThrow(() -> new AgencyRefused(SYSTEM, Reason.FILING_NOT_IN_FORCE, "住建局没有网签备案号 " + filingNo
						+ " 的存量房买卖合同，无从注销。 No such filing."));
			if (filing.status() == FilingStatus.CANCELLED) {
				return filing;
			}
			FakeRegistryTitles.transferOf(this.jdbc, filing.filingNo()).ifPresent(transfer -> {
				throw new AgencyRefused(SYSTEM, Reason.ALREADY_REGISTERED, transfer.words(filing.filingNo())
						+ "，不能注销备案。 The title has already moved to the buyers.");
			});
			this.jdbc.sql("""
					update fake_resale_filing set status = 'CANCELLED', withdrawn_on = :today, withdrawal_key = :key,
					       withdrawal_reason = :reason where filing_no = :no""")
				.param("today", LocalDate.now(this.clock))
				.param("key", requestKey)
				.param("reason", reason)
				.param("no", filing.filingNo())
				.update();
			return filing("filing_no = :v", filing.filingNo()).orElseThrow();
		});
	}

	private void checkSellersAreTheOwners(RegisteredTitle title, List<Party> sellers) {
		Set<String> owners = new TreeSet<>(this.jdbc.sql("select id_no from fake_registry_owner where certificate_no = ?")
			.param(title.certificateNo()).query(String.class).list());
		List<String> notOwners = sellers.stream().filter(seller -> !owners.contains(idOf(seller)))
			.map(Party::name).toList();
		if (!notOwners.isEmpty()) {
			throw new AgencyRefused(SYSTEM, Reason.SELLER_NOT_OWNER, "出卖人 " + String.join("、", notOwners)
					+ " 不是房屋 " + title.certificateNo() + " 的登记权利人（权利人：" + title.ownerNames()
					+ "），不能网签备案。 A seller is not a registered owner of the title.");
		}
		Set<String> selling = sellers.stream().map(FakeHousingAuthority::idOf).collect(Collectors.toSet());
		if (!selling.containsAll(owners)) {
			throw new AgencyRefused(SYSTEM, Reason.SELLER_NOT_OWNER, "房屋 " + title.certificateNo() + " 为共有（权利人："
					+ title.ownerNames() + "），须全体共有人作为出卖人签约后方可网签备案。"
					+ " Every co-owner must be a seller.");
		}
	}

	private AgencyRefused alreadyFiled(ResaleFiling filed) {
		return new AgencyRefused(SYSTEM, Reason.ALREADY_FILED, "房屋 " + filed.certificateNo() + " 已于 " + filed.filedOn()
				+ " 网签备案（备案号 " + filed.filingNo() + "），须先注销该备案才能再次备案。"
				+ " The title already has a sale filed and in force.");
	}

	private ResaleFiling sameOrRefused(ResaleFiling made, ResaleContract contract) {
		boolean same = made.certificateNo().equals(FakeRegistryTitles.find(this.jdbc, contract.certificateNo())
			.map(RegisteredTitle::certificateNo).orElse(contract.certificateNo()))
				&& made.price().compareTo(contract.price()) == 0 && made.signedOn().equals(contract.signedOn())
				&& ids(made.sellers()).equals(ids(contract.sellers())) && ids(made.buyers()).equals(ids(contract.buyers()));
		if (!same) {
			throw new AgencyRefused(SYSTEM, Reason.KEY_ALREADY_USED, "申请编号 " + contract.requestKey() + " 已用于网签备案 "
					+ made.filingNo() + "（房屋、当事人、价格或签约日期不同），不能再备案另一份合同。"
					+ " The request key was already used for another contract.");
		}
		return made;
	}

	private Optional<ResaleFiling> byKey(String requestKey) {
		return filing("request_key = :v", requestKey);
	}

	private Optional<ResaleFiling> inForce(String certificateNo) {
		return filing("certificate_no = :v and status = 'FILED'", certificateNo);
	}

	private Optional<ResaleFiling> filing(String where, String value) {
		return this.jdbc.sql("select * from fake_resale_filing where " + where)
			.param("v", value)
			.query((rs, row) -> new ResaleFiling(rs.getString("filing_no"), rs.getString("request_key"),
					rs.getString("certificate_no"), rs.getString("address"), rs.getBigDecimal("floor_area"),
					parties(rs.getString("filing_no"), "SELLER"), parties(rs.getString("filing_no"), "BUYER"),
					rs.getBigDecimal("price"), rs.getObject("signed_on", LocalDate.class),
					rs.getObject("filed_on", LocalDate.class), FilingStatus.valueOf(rs.getString("status")),
					rs.getObject("withdrawn_on", LocalDate.class), rs.getString("withdrawal_key"),
					rs.getString("withdrawal_reason")))
			.optional();
	}

	private List<Party> parties(String filingNo, String role) {
		return this.jdbc.sql("select name, id_no from fake_resale_filing_party where filing_no = ? and role = ? order by seq")
			.params(filingNo, role)
			.query((rs, row) -> new Party(rs.getString(1), rs.getString(2)))
			.list();
	}

	private void insertParties(String filingNo, String role, List<Party> parties) {
		for (int i = 0; i < parties.size(); i++) {
			this.jdbc.sql("insert into fake_resale_filing_party (filing_no, role, seq, name, id_no) values (?, ?, ?, ?, ?)")
				.params(filingNo, role, i + 1, parties.get(i).name().strip(), idOf(parties.get(i)))
				.update();
		}
	}

	private static void check(ResaleContract contract) {
		if (blank(contract.requestKey()) || blank(contract.certificateNo()) || contract.signedOn() == null
				|| contract.sellers().isEmpty() || contract.buyers().isEmpty()) {
			throw new IllegalArgumentException("a sale contract names its request key, title, sellers, buyers and date");
		}
		if (contract.price() == null || contract.price().signum() <= 0
				|| contract.price().stripTrailingZeros().scale() > 2) {
			throw new IllegalArgumentException("a price is a positive amount in yuan, at most fen: " + contract.price());
		}
		for (Party party : contract.sellers()) {
			Objects.requireNonNull(party.idNumber(), "a seller's ID number");
		}
		for (Party party : contract.buyers()) {
			Objects.requireNonNull(party.idNumber(), "a buyer's ID number");
		}
	}

	private static List<String> ids(List<Party> parties) {
		return parties.stream().map(FakeHousingAuthority::idOf).toList();
	}

	private static String idOf(Party party) {
		return party.idNumber().strip().toUpperCase(java.util.Locale.ROOT);
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static List<Buyer> buyers(String names, String idNumbers) {
		String[] name = names.split(",");
		String[] id = idNumbers.split(",");
		List<Buyer> buyers = new ArrayList<>();
		for (int i = 0; i < name.length; i++) {
			buyers.add(new Buyer(name[i].strip(), i < id.length ? id[i].strip() : ""));
		}
		return buyers;
	}

}
