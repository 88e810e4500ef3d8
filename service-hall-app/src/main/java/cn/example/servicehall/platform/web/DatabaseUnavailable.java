package cn.example.servicehall.platform.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The hall's database could not be reached for a moment (restarted, failed over, the connection cut): the request is
 * answered 503 with {@code Retry-After}, not as an internal error. Whatever it did was rolled back, or had committed
 * before the connection was lost; sending it again is safe, since submissions carry an {@code Idempotency-Key} and a
 * step done already is refused as no longer open.
 */
public class DatabaseUnavailable extends ProblemException {

	/** How long a client should wait before sending the request again: a restart takes seconds. */
	public static final int RETRY_AFTER_SECONDS = 10;

	public DatabaseUnavailable() {
		super(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
				HallMessages.problem("problem.platform.database-unavailable"));
		getBody().setProperty("retryAfterSeconds", RETRY_AFTER_SECONDS);
	}

	/**
	 * Whether the failure is the database being out of reach, anywhere among its causes: no connection from the pool,
	 * no transaction begun, a resource failure, or an SQL state of class 08 (connection exception) or 57P (the server
	 * shutting down, crashed, or not yet accepting connections).
	 */
	public static boolean isCause(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			// a rollback that failed because the connection had broken: the failure that led to it says why
			if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
					&& isCause(rollback.getApplicationException())) {
				return true;
			}
			// the pool's stand-in for a connection it closed because the connection broke (no SQL state)
			if (cause instanceof SQLException closed && closed.getSQLState() == null
					&& "Connection is closed".equals(closed.getMessage())) {
				return true;
			}
			if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
					|| cause instanceof SQLTransientConnectionException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
				return true;
			}
		}
		return false;
	}

}
