package cn.example.servicehall.workbench;

import java.util.List;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.example.servicehall.platform.web.ProblemException;

/**
 * The one-line message a page shows after a redirect (Post/Redirect/Get): a message key with its arguments, rendered
 * in the officer's language by {@code workbench/layout :: flash}, or a refusal in the domain's words.
 */
final class Flash {

	static final String KEY = "flashKey";

	static final String ARGUMENTS = "flashArgs";

	static final String REFUSAL = "flashProblem";

	static final String ITEMS = "flashItems";

	private Flash() {
	}

	static void done(RedirectAttributes flash, String key, Object... arguments) {
		flash.addFlashAttribute(KEY, key);
		flash.addFlashAttribute(ARGUMENTS, arguments);
	}

	/** With a list under the message, e.g. the materials the one-time notice lists. */
	static void done(RedirectAttributes flash, List<String> items, String key, Object... arguments) {
		done(flash, key, arguments);
		flash.addFlashAttribute(ITEMS, List.copyOf(items));
	}

	static void refused(RedirectAttributes flash, ProblemException ex) {
		flash.addFlashAttribute(REFUSAL, ex.getBody().getDetail());
	}

}
