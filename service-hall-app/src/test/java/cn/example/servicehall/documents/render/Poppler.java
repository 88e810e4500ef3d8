package cn.example.servicehall.documents.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real poppler tools ({@code pdftotext}, {@code pdffonts}) on a rendered PDF, as a reader gets it. A missing
 * tool fails the test with a message saying what to install; it never skips.
 */
final class Poppler {

	private Poppler() {
	}

	/** {@code pdftotext -layout -enc UTF-8}: the text laid out as on the page. */
	static String textLayout(Path pdf) {
		return run("pdftotext", "-layout", "-enc", "UTF-8", pdf.toString(), "-");
	}

	/** {@code pdftotext -raw -enc UTF-8}: the text in the order it was written, one box after the other. */
	static String textRaw(Path pdf) {
		return run("pdftotext", "-raw", "-enc", "UTF-8", pdf.toString(), "-");
	}

	/** {@code pdffonts}: one line per font, after the two header lines. */
	static List<String> fonts(Path pdf) {
		List<String> lines = new ArrayList<>(run("pdffonts", pdf.toString()).lines().toList());
		assertThat(lines).as("pdffonts output").hasSizeGreaterThanOrEqualTo(2);
		assertThat(lines.get(0)).startsWith("name");
		return lines.subList(2, lines.size());
	}

	/** NFKC (ligatures, full-width forms) and no whitespace at all, so that wrapped lines join up. */
	static String normalise(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", "");
	}

	static Path write(Path folder, String name, byte[] pdf) {
		try {
			return Files.write(folder.resolve(name), pdf);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String run(String... command) {
		Process process;
		try {
			process = new ProcessBuilder(command).redirectErrorStream(true).start();
		}
		catch (IOException ex) {
			return fail(command[0] + " cannot be run (" + ex.getMessage() + "). It comes with poppler-utils: "
					+ "apt-get install -y poppler-utils", ex);
		}
		try {
			byte[] output = process.getInputStream().readAllBytes();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return fail(String.join(" ", command) + " did not finish within 60 s");
			}
			String text = new String(output, StandardCharsets.UTF_8);
			assertThat(process.exitValue()).as("exit code of %s; output: %s", String.join(" ", command), text)
				.isZero();
			return text;
		}
		catch (IOException ex) {
			return fail("cannot read the output of " + command[0], ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return fail("interrupted while running " + command[0], ex);
		}
	}

}
