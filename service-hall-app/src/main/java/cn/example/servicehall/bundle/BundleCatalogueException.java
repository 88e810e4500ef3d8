package cn.example.servicehall.bundle;

/**
 * A catalogue file the hall cannot use: the message names the file, the line and the key
 * ({@code retirement.yml:16: parts[0].after[0]: no part "loan-payof" in this bundle}). Thrown while the hall starts,
 * so it does not start.
 */
public class BundleCatalogueException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	BundleCatalogueException(String file, int line, String key, String problem) {
		super("Bundle catalogue " + file + ":" + line + ": " + (key.isEmpty() ? "" : key + ": ") + problem);
	}

	BundleCatalogueException(String file, int line, String problem, Throwable cause) {
		super("Bundle catalogue " + file + ":" + line + ": " + problem, cause);
	}

}
