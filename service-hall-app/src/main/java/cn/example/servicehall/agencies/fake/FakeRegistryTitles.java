package cn.example.servicehall.agencies.fake;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The registry's titles as the other fakes read them ({@code fake_registry_title}): full-width or half-width, spaced or not. */
final class FakeRegistryTitles {

	/** A registry's search: full-width or half-width, with spaces or without. */
	static final String SAME_CERTIFICATE = """
			upper(regexp_replace(normalize(%s, NFKC), '[[:space:]]+', '', 'g'))
			  = upper(regexp_replace(normalize(%s, NFKC), '[[:space:]]+', '', 'g'))""";

	private FakeRegistryTitles() {
	}

	/** The title, locked for the rest of the caller's transaction. */
	static Optional<RegisteredTitle> find(JdbcClient jdbc, String certificateNo) {
		return jdbc.sql("select * from fake_registry_title where " + SAME_CERTIFICATE.formatted("certificate_no", ":no")
				+ " for update")
			.param("no", certificateNo)
			.query((rs, row) -> new RegisteredTitle(rs.getString("certificate_no"), rs.getString("address"),
					rs.getBigDecimal("floor_area"), rs.getInt("build_year"), rs.getString("owner_names"),
					rs.getBoolean("sealed"), rs.getBoolean("mortgaged")))
			.optional();
	}

	/** The registry's transfer of the sale with the filing number, if the title has moved to the buyers. */
	static Optional<Transfer> transferOf(JdbcClient jdbc, String filingNo) {
		return jdbc.sql("select certificate_no, registered_on from fake_registry_transfer where filing_no = ?")
			.param(filingNo)
			.query((rs, row) -> new Transfer(rs.getString(1), rs.getObject(2, LocalDate.class)))
			.optional();
	}

	/** A sale's title moved: the buyers' certificate and the day. */
	record Transfer(String certificateNo, LocalDate registeredOn) {

		/** 的房屋已于 … 办理转移登记（不动产权证书号 …） */
		String words(String filingNo) {
			return "网签备案 " + filingNo + " 的房屋已于 " + this.registeredOn + " 办理转移登记（不动产权证书号 "
					+ this.certificateNo + "）";
		}

	}

	/** A title at the registry. */
	record RegisteredTitle(String certificateNo, String address, BigDecimal floorArea, int buildYear, String ownerNames,
			boolean sealed, boolean mortgaged) {
	}

}
