package cn.example.servicehall.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real PDF tools a reader or an auditor uses: poppler's {@code pdftotext}, {@code pdffonts} and {@code pdfsig},
 * and NSS's {@code certutil} to make {@code pdfsig} trust the development CA. A missing tool fails the test and says
 * which package to install; it never skips.
 */
public final class PdfTools {

	private static final String POPPLER = "apt-get install -y poppler-utils";

	private static final String NSS = "apt-get install -y libnss3-tools";

	private PdfTools() {
	}

	/**
	 * A tool's exit code and everything it printed.
	 * @param exitCode the exit code
	 * @param output standard output and error
	 */
	public record ToolResult(int exitCode, String output) {
	}

	/** {@code pdftotext -layout -enc UTF-8}: the text laid out as on the page. */
	public static String textLayout(Path pdf) {
		return succeeded(run(POPPLER, "pdftotext", "-layout", "-enc", "UTF-8", pdf.toString(), "-"), "pdftotext");
	}

	/** {@code pdftotext -raw -enc UTF-8}: the text in the order it was written. */
	public static String textRaw(Path pdf) {
		return succeeded(run(POPPLER, "pdftotext", "-raw", "-enc", "UTF-8", pdf.toString(), "-"), "pdftotext");
	}

	/** {@code pdftotext -enc UTF-8}: the text in reading order. */
	public static String text(Path pdf) {
		return succeeded(run(POPPLER, "pdftotext", "-enc", "UTF-8", pdf.toString(), "-"), "pdftotext");
	}

	/** {@code pdffonts}: one line per font, after the two header lines. */
	public static List<String> fonts(Path pdf) {
		List<String> lines = new ArrayList<>(succeeded(run(POPPLER, "pdffonts", pdf.toString()), "pdffonts").lines()
			.toList());
		assertThat(lines).as("pdffonts output").hasSizeGreaterThanOrEqualTo(2);
		assertThat(lines.get(0)).startsWith("name");
		return lines.subList(2, lines.size());
	}

	/** {@code pdfsig [options] file}: exits 0 whatever it finds, so read its output. */
	public static ToolResult pdfsig(Path pdf, String... options) {
		List<String> command = new ArrayList<>();
		command.add("pdfsig");
		command.addAll(List.of(options));
		command.add(pdf.toString());
		return run(POPPLER, command.toArray(String[]::new));
	}

	/** An NSS database trusting {@code caPem}, for {@code pdfsig -nssdir}. */
	public static Path nssDatabase(Path directory, Path caPem) {
		String db = "sql:" + directory;
		ToolResult created = run(NSS, "certutil", "-N", "-d", db, "--empty-password");
		if (created.exitCode() != 0) {
			fail("certutil -N failed: " + created.output());
		}
		ToolResult added = run(NSS, "certutil", "-A", "-d", db, "-n", "Service Hall Development CA", "-t", "CT,C,C", "-i",
				caPem.toString());
		if (added.exitCode() != 0) {
			fail("certutil -A failed: " + added.output());
		}
		return directory;
	}

	/** NFKC (ligatures, full-width forms) and no whitespace at all, so that wrapped lines join up. */
	public static String normalise(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", "");
	}

	/** The text (normalised) of the case's stored document of that kind, written into the folder to be read. */
	public static String storedText(org.springframework.jdbc.core.simple.JdbcClient jdbc, Path folder, String caseNo,
			String kind) {
		byte[] pdf = jdbc.sql("select content from documents_document where case_no = ? and kind = ?")
			.params(caseNo, kind)
			.query(byte[].class)
			.single();
		return normalise(text(write(folder, caseNo + "-" + kind + ".pdf", pdf)));
	}

	public static Path write(Path folder, String name, byte[] pdf) {
		try {
			return Files.write(folder.resolve(name), pdf);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Runs a command-line tool; a missing tool fails the test, naming the package to install. */
	public static ToolResult run(String installHint, String... command) {
		Process process;
		try {
			process = new ProcessBuilder(command).redirectErrorStream(true).start();
		}
		catch (IOException ex) {
			return fail(command[0] + " cannot be run (" + ex.getMessage() + "); install it: " + installHint, ex);
		}
		try {
			process.getOutputStream().close();
			byte[] output = process.getInputStream().readAllBytes();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return fail(String.join(" ", command) + " did not finish within 60 s");
			}
			return new ToolResult(process.exitValue(), new String(output, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String succeeded(ToolResult result, String tool) {
		assertThat(result.exitCode()).as("exit code of %s; output: %s", tool, result.output()).isZero();
		return result.output();
	}

}
