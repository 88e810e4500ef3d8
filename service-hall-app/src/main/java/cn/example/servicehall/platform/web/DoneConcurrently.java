package cn.example.servicehall.platform.web;

import java.sql.SQLException;
import java.util.Set;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;

/**
 * Two requests did the same thing at the same moment (a double submission, two counters, two clerks claiming one
 * step): the first was kept, and the second is told so with 409 instead of failing. Nothing was done twice.
 */
public class DoneConcurrently extends ProblemException {

	/** PostgreSQL's serialization failure and deadlock: another transaction got there first. */
	private static final Set<String> CONFLICT_STATES = Set.of("40001", "40P01");

	public DoneConcurrently() {
		super(HttpStatus.CONFLICT, "done-concurrently", HallMessages.problem("problem.platform.done-concurrently"));
	}

	/**
	 * Whether the failure is the database's word that a concurrent request got there first: a unique key it took
	 * ({@link DuplicateKeyException}), an optimistic or pessimistic lock, a deadlock or a serialization failure
	 * ({@link ConcurrencyFailureException}), or the same as an SQL state anywhere among the causes (the engine wraps
	 * them in its own exceptions).
	 */
	public static boolean isRace(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof DoneConcurrently || cause instanceof DuplicateKeyException
					|| cause instanceof ConcurrencyFailureException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (CONFLICT_STATES.contains(sql.getSQLState()) || "23505".equals(sql.getSQLState()))) {
				return true;
			}
		}
		return false;
	}

}
