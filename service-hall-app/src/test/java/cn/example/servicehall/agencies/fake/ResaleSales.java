package cn.example.servicehall.agencies.fake;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.example.servicehall.agencies.HousingAuthority.Party;
import cn.example.servicehall.agencies.HousingAuthority.ResaleContract;
import cn.example.servicehall.support.SyntheticCitizens;

/** Titles, owners and sale contracts of their own for the tests of a second-hand sale's agencies. */
final class ResaleSales {

	private static final AtomicInteger TITLES = new AtomicInteger();

	private final JdbcClient jdbc;

	ResaleSales(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A flat of the given area registered to the owners, sealed or mortgaged as said; its certificate number. */
	String title(String floorArea, boolean sealed, boolean mortgaged, Party... owners) {
		String certificateNo = "豫(2024)焦作市不动产权第9%06d号".formatted(
				(int) ((System.nanoTime() / 1000 + TITLES.incrementAndGet() * 7919L) % 1_000_000));
		this.jdbc.sql("""
				insert into fake_registry_title (certificate_no, address, floor_area, build_year, owner_names, sealed, mortgaged)
				values (?, '焦作市山阳区测试路 ' || right(?, 8), ?, 2016, ?, ?, ?)""")
			.params(certificateNo, certificateNo, new BigDecimal(floorArea),
					String.join(",", java.util.Arrays.stream(owners).map(Party::name).toList()), sealed, mortgaged)
			.update();
		for (Party owner : owners) {
			own(owner, certificateNo);
		}
		return certificateNo;
	}

	/** The person owns the title too (another home of a buyer's family). */
	void own(Party owner, String certificateNo) {
		this.jdbc.sql("insert into fake_registry_owner (certificate_no, id_no, registered_on) values (?, ?, ?)")
			.params(certificateNo, owner.idNumber(), LocalDate.of(2019, 4, 1))
			.update();
	}

	static Party person(String name) {
		return new Party(name, SyntheticCitizens.next(name).idNumber());
	}

	static String key() {
		return "YS2026121099" + String.format("%04d", TITLES.incrementAndGet()) + "-" + System.nanoTime() % 100000;
	}

	static ResaleContract contract(String certificateNo, List<Party> sellers, List<Party> buyers, String price) {
		return new ResaleContract(key(), certificateNo, sellers, buyers, new BigDecimal(price), LocalDate.of(2026, 12, 9),
				null);
	}

}
