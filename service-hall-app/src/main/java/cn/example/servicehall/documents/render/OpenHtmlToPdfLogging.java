package cn.example.servicehall.documents.render;

import java.util.logging.Level;

import com.openhtmltopdf.slf4j.Slf4jLogger;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * openhtmltopdf logs through SLF4J (its {@link Slf4jLogger}), not java.util.logging, and what it logs at INFO on
 * every render ("Using fast renderer", fonts loaded, …) comes out at DEBUG, so that the application's log is not
 * flooded; warnings and errors stay as they are. Logger names are openhtmltopdf's: {@code com.openhtmltopdf.*}.
 */
final class OpenHtmlToPdfLogging extends Slf4jLogger {

	private static volatile boolean routed;

	private OpenHtmlToPdfLogging() {
	}

	/** Installs this logger in openhtmltopdf's global {@link XRLog}, once. */
	static void route() {
		if (!routed) {
			synchronized (OpenHtmlToPdfLogging.class) {
				if (!routed) {
					XRLog.setLoggerImpl(new OpenHtmlToPdfLogging());
					routed = true;
				}
			}
		}
	}

	@Override
	public void log(String where, Level level, String msg) {
		super.log(where, quieter(level), msg);
	}

	@Override
	public void log(String where, Level level, String msg, Throwable th) {
		super.log(where, quieter(level), msg, th);
	}

	@Override
	public boolean isLogLevelEnabled(Diagnostic diagnostic) {
		Logger logger = logger(diagnostic);
		Level level = quieter(diagnostic.getLevel());
		if (level.intValue() >= Level.SEVERE.intValue()) {
			return logger.isErrorEnabled();
		}
		if (level.intValue() >= Level.WARNING.intValue()) {
			return logger.isWarnEnabled();
		}
		return logger.isDebugEnabled();
	}

	@Override
	public void log(Diagnostic diagnostic) {
		Logger logger = logger(diagnostic);
		Level level = quieter(diagnostic.getLevel());
		if (level.intValue() >= Level.SEVERE.intValue()) {
			if (logger.isErrorEnabled()) {
				logger.error(diagnostic.getFormattedMessage(), diagnostic.getError());
			}
		}
		else if (level.intValue() >= Level.WARNING.intValue()) {
			if (logger.isWarnEnabled()) {
				logger.warn(diagnostic.getFormattedMessage(), diagnostic.getError());
			}
		}
		else if (logger.isDebugEnabled()) {
			logger.debug(diagnostic.getFormattedMessage(), diagnostic.getError());
		}
	}

	private Logger logger(Diagnostic diagnostic) {
		String where = diagnostic.getLogMessageId().getWhere();
		return LoggerFactory.getLogger(getLoggerNameMap().getOrDefault(where, getDefaultLoggerName()));
	}

	/** INFO and CONFIG become FINE (DEBUG); the rest is unchanged. */
	private static Level quieter(Level level) {
		return (level.intValue() < Level.WARNING.intValue() && level.intValue() >= Level.CONFIG.intValue())
				? Level.FINE : level;
	}

}
