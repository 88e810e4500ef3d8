package cn.example.servicehall.platform;

/**
 * A failure that will happen again the same way however often the same work is tried: data that cannot be printed,
 * a template that cannot be filled. Implemented by the exceptions that mean it; a background step failing with one
 * (anywhere among its causes) is not retried but stops at once for an administrator ({@code workflow}), and its
 * message, which says what is wrong in words a clerk or administrator can act on, is what the case page shows.
 */
public interface PermanentFailure {

	/** What is wrong and, where it helps, what to correct. */
	String getMessage();

}
