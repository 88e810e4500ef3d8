package cn.example.servicehall.booking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.example.servicehall.platform.web.ProblemException;
import cn.example.servicehall.platform.web.Problems;

/** The branches (网点) as the database holds them ({@code booking_branch}, their windows {@code booking_window}). */
@Service
public class Branches {

	private final JdbcClient jdbc;

	Branches(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every branch, by code. */
	public List<Branch> all() {
		return this.jdbc.sql(SELECT + " order by b.code").query(Branches::branch).list();
	}

	/** The branch with this code, if there is one. */
	public Optional<Branch> find(String code) {
		return this.jdbc.sql(SELECT + " where b.code = ?").param(code).query(Branches::branch).optional();
	}

	/** The branch with this code, or the first branch by code when none is named (a page opened without one). */
	public Optional<Branch> findOrFirst(String code) {
		return code == null ? all().stream().findFirst() : find(code);
	}

	/**
	 * The branch with this code.
	 * @throws ProblemException 404 {@code branch-not-found} if there is none
	 */
	public Branch get(String code) {
		return find(code).orElseThrow(() -> ProblemException.refusal(HttpStatus.NOT_FOUND, "branch-not-found",
				"problem.booking.branch-not-found", Problems.shown(code)));
	}

	private static final String SELECT = """
			select b.code, b.name, b.address, b.slot_minutes,
			       (select count(*) from booking_window w where w.branch = b.code) as windows,
			       array(select w.window_no from booking_window w where w.branch = b.code and w.signing
			              order by w.window_no) as signing_windows
			  from booking_branch b""";

	private static Branch branch(ResultSet rs, int row) throws SQLException {
		Integer[] signing = (Integer[]) rs.getArray("signing_windows").getArray();
		return new Branch(rs.getString("code"), rs.getString("name"), rs.getString("address"), rs.getInt("windows"),
				rs.getInt("slot_minutes"), List.of(signing));
	}

}
