package cn.example.servicehall.platform.time;

/** A moved clock the hall refuses to start with: why, and what to do ({@link ClockSettingRefusedAnalyzer}). */
class ClockSettingRefused extends IllegalStateException {

	private final String action;

	ClockSettingRefused(String why, String action) {
		super(why);
		this.action = action;
	}

	String action() {
		return this.action;
	}

}
