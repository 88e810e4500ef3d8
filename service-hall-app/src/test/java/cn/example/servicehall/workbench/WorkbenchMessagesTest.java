package cn.example.servicehall.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The workbench speaks Chinese and English alike: both bundles have the same keys, and every key the pages name
 * literally is in one of the hall's bundles.
 */
class WorkbenchMessagesTest {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates/workbench");

	/** {@code #{workbench.case.title}} or {@code #{workbench.case.title(...)}}; not keys built from variables. */
	private static final Pattern LITERAL_KEY = Pattern.compile("#\\{((?:workbench|hall|group|service)\\.[A-Za-z0-9_.-]+[A-Za-z0-9_])[}(]");

	@Test
	void hasTheSameKeysInChineseAndEnglish() {
		assertThat(bundle("workbench_en.properties").stringPropertyNames())
			.containsExactlyInAnyOrderElementsOf(bundle("workbench.properties").stringPropertyNames());
	}

	@Test
	void findsEveryKeyThePagesName() throws IOException {
		Set<String> known = new TreeSet<>(bundle("workbench.properties").stringPropertyNames());
		known.addAll(bundle("messages.properties").stringPropertyNames());
		Set<String> used = new TreeSet<>();
		try (Stream<Path> templates = Files.list(TEMPLATES)) {
			for (Path template : templates.toList()) {
				Matcher keys = LITERAL_KEY.matcher(Files.readString(template));
				while (keys.find()) {
					used.add(keys.group(1));
				}
			}
		}
		assertThat(used).isNotEmpty();
		assertThat(known).containsAll(used);
	}

	private static Properties bundle(String name) {
		Properties properties = new Properties();
		try (InputStream in = WorkbenchMessagesTest.class.getResourceAsStream("/" + name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

}
