package cn.example.servicehall.platform;

/**
 * The hall refuses to start with its settings as they are: the message says why, the action what to do. Shown in
 * place of a stack trace ({@link StartRefusedAnalyzer}).
 */
public class StartRefused extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String action;

	public StartRefused(String message, String action) {
		super(message);
		this.action = action;
	}

	/** What to do about it. */
	public String action() {
		return this.action;
	}

}
