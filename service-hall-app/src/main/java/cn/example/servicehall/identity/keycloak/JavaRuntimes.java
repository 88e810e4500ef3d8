package cn.example.servicehall.identity.keycloak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a Java runtime of at least a given major version on this machine: Keycloak 26 needs Java 21 or later while
 * the hall runs on 17. Looks at an explicit choice, {@code KEYCLOAK_JAVA_HOME}, the running JVM, {@code JAVA_HOME} and
 * the usual install folders, and takes the newest that qualifies.
 */
final class JavaRuntimes {

	private static final Pattern JAVA_VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)(?:[.\"+-].*)?$");

	private static final List<Path> INSTALL_FOLDERS = List.of(Path.of("/usr/lib/jvm"), Path.of("/usr/java"),
			Path.of("/opt/java"), Path.of("/opt"), Path.of(System.getProperty("user.home"), ".sdkman", "candidates", "java"),
			Path.of(System.getProperty("user.home"), ".jdks"));

	private JavaRuntimes() {
	}

	/** A Java home with {@code bin/java}. */
	record JavaHome(Path path, int major) {
	}

	static JavaHome find(int minimumMajor, Optional<Path> explicit) {
		Set<Path> candidates = new LinkedHashSet<>();
		explicit.ifPresent(candidates::add);
		Optional.ofNullable(System.getenv("KEYCLOAK_JAVA_HOME")).map(Path::of).ifPresent(candidates::add);
		candidates.add(Path.of(System.getProperty("java.home")));
		Optional.ofNullable(System.getenv("JAVA_HOME")).map(Path::of).ifPresent(candidates::add);
		for (Path folder : INSTALL_FOLDERS) {
			if (Files.isDirectory(folder)) {
				try (Stream<Path> homes = Files.list(folder)) {
					homes.sorted().forEach(candidates::add);
				}
				catch (IOException ex) {
					// an unreadable folder has no runtime we can use
				}
			}
		}
		if (explicit.isPresent()) {
			JavaHome chosen = describe(explicit.get()).orElseThrow(() -> new IllegalStateException(
					"The Java runtime chosen for Keycloak, " + explicit.get() + ", has no bin/java and release file."));
			if (chosen.major() < minimumMajor) {
				throw new IllegalStateException("The Java runtime chosen for Keycloak, " + explicit.get() + ", is Java "
						+ chosen.major() + "; Keycloak needs Java " + minimumMajor + " or later.");
			}
			return chosen;
		}
		List<JavaHome> found = new ArrayList<>();
		for (Path candidate : candidates) {
			describe(candidate).filter(home -> home.major() >= minimumMajor).ifPresent(found::add);
		}
		return found.stream().max(Comparator.comparingInt(JavaHome::major)).orElseThrow(() -> new IllegalStateException(
				"Keycloak needs Java " + minimumMajor + " or later to run, and none was found (the hall itself runs on "
						+ Runtime.version().feature() + "). Looked at KEYCLOAK_JAVA_HOME, JAVA_HOME, the running JVM and "
						+ INSTALL_FOLDERS + ". Install a JDK or JRE " + minimumMajor + "+ (for example Temurin 21 or 25), "
						+ "or set KEYCLOAK_JAVA_HOME to its folder, or use your own Keycloak by setting "
						+ "SERVICEHALL_OIDC_ISSUER_URI."));
	}

	static Optional<JavaHome> describe(Path home) {
		Path java = home.resolve("bin").resolve("java");
		Path release = home.resolve("release");
		if (!Files.isExecutable(java) || !Files.isRegularFile(release)) {
			return Optional.empty();
		}
		try (Stream<String> lines = Files.lines(release)) {
			return lines.map(JAVA_VERSION::matcher)
				.filter(Matcher::matches)
				.findFirst()
				.map(m -> new JavaHome(home, Integer.parseInt(m.group(1))));
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

}
