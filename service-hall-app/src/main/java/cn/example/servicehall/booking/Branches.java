package cn.example.servicehall.booking;

import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.example.servicehall.platform.web.ProblemException;

/** The branches (网点) as the database holds them ({@code booking_branch}). */
@Service
public class Branches {

	private final JdbcClient jdbc;

	Branches(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every branch, by code. */
	public List<Branch> all() {
		return this.jdbc.sql("select * from booking_branch order by code").query(Branch.class).list();
	}

	/** The branch with this code, if there is one. */
	public Optional<Branch> find(String code) {
		return this.jdbc.sql("select * from booking_branch where code = ?").param(code).query(Branch.class).optional();
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
				"problem.booking.branch-not-found", String.valueOf(code)));
	}

}
