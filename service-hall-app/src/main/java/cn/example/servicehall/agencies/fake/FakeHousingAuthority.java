package cn.example.servicehall.agencies.fake;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.example.servicehall.agencies.HousingAuthority;
import cn.example.servicehall.agencies.fake.FakeOutages.FakeSystem;

/** The housing authority's filed contracts, from {@code fake_contract_filing}; the number compared without spaces. */
@Component
class FakeHousingAuthority implements HousingAuthority {

	private final JdbcClient jdbc;

	private final FakeCalls calls;

	FakeHousingAuthority(JdbcClient jdbc, FakeCalls calls) {
		this.jdbc = jdbc;
		this.calls = calls;
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
