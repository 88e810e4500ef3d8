package cn.example.servicehall.withdrawal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.example.servicehall.platform.web.ProblemException;

/** The dated city withdrawal policies ({@code withdrawal_city_policy}): which version was in force on a day. */
@Component
public class WithdrawalPolicies {

	private final JdbcClient jdbc;

	private final String cityCode;

	WithdrawalPolicies(JdbcClient jdbc, @Value("${servicehall.withdrawal.city-code:JIAOZUO}") String cityCode) {
		this.jdbc = jdbc;
		this.cityCode = cityCode;
	}

	/** The version of the hall's city's policy ({@code servicehall.withdrawal.city-code}) in force on {@code day}. */
	public WithdrawalPolicy inForce(LocalDate day) {
		return inForce(this.cityCode, day);
	}

	/** The version of the city's policy in force on {@code day} (the day of acceptance). */
	public WithdrawalPolicy inForce(String cityCode, LocalDate day) {
		return this.jdbc.sql("""
				select * from withdrawal_city_policy where city_code = :city and effective_from <= :day
				order by effective_from desc limit 1""")
			.param("city", cityCode)
			.param("day", day)
			.query(WithdrawalPolicies::policy)
			.optional()
			.orElseThrow(() -> ProblemException.refusal(HttpStatus.CONFLICT, "no-withdrawal-policy",
					"problem.withdrawal.no-policy", cityCode, day));
	}

	public Optional<WithdrawalPolicy> byId(String id) {
		return this.jdbc.sql("select * from withdrawal_city_policy where id = ?")
			.param(id)
			.query(WithdrawalPolicies::policy)
			.optional();
	}

	/** Every version of a city's policy, newest first. */
	public List<WithdrawalPolicy> history(String cityCode) {
		return this.jdbc.sql("select * from withdrawal_city_policy where city_code = ? order by effective_from desc")
			.param(cityCode)
			.query(WithdrawalPolicies::policy)
			.list();
	}

	private static WithdrawalPolicy policy(ResultSet rs, int row) throws SQLException {
		return new WithdrawalPolicy(rs.getString("id"), rs.getString("city_code"), rs.getString("city_name"),
				rs.getObject("effective_from", LocalDate.class), rs.getInt("min_continuous_months"),
				rs.getBigDecimal("rent_monthly_cap"), rs.getInt("rent_interval_months"), rs.getInt("rent_max_months"),
				rs.getInt("purchase_window_months"), rs.getInt("purchase_withdrawals_per_home"),
				rs.getInt("repayment_interval_months"), Optional.ofNullable(rs.getBigDecimal("illness_cap")),
				Optional.ofNullable(rs.getBigDecimal("elevator_cap")), rs.getInt("leaving_city_sealed_months"),
				rs.getBigDecimal("four_eyes_above"), rs.getString("note"));
	}

}
