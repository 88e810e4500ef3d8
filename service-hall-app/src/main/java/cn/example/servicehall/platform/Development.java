package cn.example.servicehall.platform;

import java.util.Locale;

import org.springframework.core.env.Environment;

/**
 * Whether the hall runs in development (a developer's machine, a test or a training installation) rather than in
 * production. The hall is in development while it signs the documents it issues with its generated development keys
 * ({@code servicehall.documents.keys.mode=development}, the default, README "Documents"): nothing it issues then is
 * genuine, so nothing it records can mislead anyone. A production installation loads real keys
 * ({@code SERVICEHALL_DOCUMENTS_KEYS_MODE=keystore}). Settings that only development may use (a moved clock) ask here.
 */
public final class Development {

	/** The setting that decides it. */
	public static final String KEYS_MODE = "servicehall.documents.keys.mode";

	private Development() {
	}

	/** Whether the environment is a development hall's. */
	public static boolean isOn(Environment environment) {
		String mode = environment.getProperty(KEYS_MODE, "development");
		return mode.strip().toLowerCase(Locale.ROOT).equals("development");
	}

}
