package cn.example.servicehall.loan.policy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.example.servicehall.platform.web.ProblemException;

/** The dated city policies: which version was in force on a day. */
@Component
public class CityPolicies {

	private final JdbcClient jdbc;

	CityPolicies(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The version of the city's policy in force on {@code day} (the day of acceptance). */
	public CityPolicy inForce(String cityCode, LocalDate day) {
		return this.jdbc.sql("""
				select * from loan_city_policy where city_code = :city and effective_from <= :day
				order by effective_from desc limit 1""")
			.param("city", cityCode)
			.param("day", day)
			.query(CityPolicies::policy)
			.optional()
			.orElseThrow(() -> ProblemException.refusal(HttpStatus.CONFLICT, "no-city-policy", "problem.loan.no-city-policy",
					cityCode, day));
	}

	public Optional<CityPolicy> byId(String id) {
		return this.jdbc.sql("select * from loan_city_policy where id = ?").param(id).query(CityPolicies::policy).optional();
	}

	/** Every version of a city's policy, newest first. */
	public List<CityPolicy> history(String cityCode) {
		return this.jdbc.sql("select * from loan_city_policy where city_code = ? order by effective_from desc")
			.param(cityCode)
			.query(CityPolicies::policy)
			.list();
	}

	private static CityPolicy policy(ResultSet rs, int row) throws SQLException {
		return new CityPolicy(rs.getString("id"), rs.getString("city_code"), rs.getString("city_name"),
				rs.getObject("effective_from", LocalDate.class), rs.getBigDecimal("cap_single"),
				rs.getBigDecimal("cap_dual"), Optional.ofNullable(rs.getBigDecimal("cap_talent")),
				Optional.ofNullable(rs.getBigDecimal("balance_multiple")), Optional.ofNullable(rs.getString("coefficient_table")),
				rs.getBigDecimal("ltv_first_home"), rs.getBigDecimal("ltv_second_home"),
				rs.getBigDecimal("debt_service_ratio"), rs.getInt("min_continuous_months"), rs.getInt("max_term_months"),
				rs.getInt("house_age_limit_years"), rs.getBigDecimal("round_down_to"), rs.getString("note"));
	}

}
