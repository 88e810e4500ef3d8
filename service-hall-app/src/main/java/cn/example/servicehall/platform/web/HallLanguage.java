package cn.example.servicehall.platform.web;

/** The hall's language choice, kept in a cookie: Chinese unless the user picks English. */
public final class HallLanguage {

	/** The cookie holding the chosen language tag ({@code zh-CN} or {@code en}). */
	public static final String COOKIE = "SERVICE_HALL_LANG";

	private HallLanguage() {
	}

}
