package cn.example.servicehall.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The text a clerk reads in a refusal comes from the hall's message bundle ({@code messages.properties}), not from
 * literals in the code: every problem is made by {@link ProblemException#refusal} (or its subclasses from
 * {@link HallMessages}), and every code they name has its title and detail in the bundle.
 */
class RefusalTextsTest {

	private static final Path SOURCES = Path.of("src/main/java/cn/example/servicehall");

	/** A refusal written as a literal: a ProblemException made with a Chinese title in the code. */
	private static final Pattern LITERAL = Pattern.compile(
			"(new ProblemException|super)\\(\\s*(org\\.springframework\\.http\\.)?HttpStatus\\.\\w+,\\s*\"[^\"]*\",\\s*\"[^\"]*\\p{IsHan}");

	private static final Pattern CODE = Pattern.compile(
			"(?:ProblemException\\.refusal\\(\\s*(?:org\\.springframework\\.http\\.)?HttpStatus\\.\\w+,\\s*\"[^\"]*\",\\s*|HallMessages\\.problem\\(\\s*)\"([a-z0-9.-]+)\"");

	@Test
	void refusalsAreNotWrittenInTheCode() throws IOException {
		List<String> literal = new ArrayList<>();
		for (Path file : javaFiles()) {
			String relative = SOURCES.relativize(file).toString();
			if (LITERAL.matcher(Files.readString(file)).find()) {
				literal.add(relative);
			}
		}
		assertThat(literal).as("refusals written as literals instead of messages.properties").isEmpty();
	}

	@Test
	void everyRefusalHasItsTitleAndDetailInTheBundle() throws IOException {
		Properties bundle = new Properties();
		try (InputStream in = Files.newInputStream(Path.of("src/main/resources/messages.properties"))) {
			bundle.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
		}
		List<String> codes = new ArrayList<>();
		for (Path file : javaFiles()) {
			Matcher m = CODE.matcher(Files.readString(file));
			while (m.find()) {
				codes.add(m.group(1));
			}
		}
		assertThat(codes).isNotEmpty();
		for (String code : codes) {
			assertThat(bundle).as(code).containsKeys(code + ".title", code + ".detail");
		}
	}

	@Test
	void aRefusalReadsAsBeforeWithItsArguments() {
		ProblemException missing = ProblemException.refusal(org.springframework.http.HttpStatus.CONFLICT,
				"calendar-year-missing", "problem.calendar.year-missing", 2027);
		assertThat(missing.getBody().getTitle()).isEqualTo("工作日历缺少年份");
		assertThat(missing.getBody().getDetail())
			.isEqualTo("2027 年的法定节假日和调休安排尚未录入工作日历，请系统管理员按国务院办公厅通知录入后再试。"
					+ " The statutory holidays and make-up working days of 2027 are not in the working-day calendar yet;"
					+ " a system administrator must enter them from the State Council's notice before working days in"
					+ " 2027 can be counted.");
		assertThat(missing.getBody().getType().toString()).endsWith("calendar-year-missing");
	}

	private static List<Path> javaFiles() throws IOException {
		try (Stream<Path> files = Files.walk(SOURCES)) {
			return files.filter(f -> f.toString().endsWith(".java")).toList();
		}
	}

}
