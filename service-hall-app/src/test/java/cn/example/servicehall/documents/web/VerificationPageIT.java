package cn.example.servicehall.documents.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.documents.Documents;
import cn.example.servicehall.support.HtmlPage;

/**
 * The public verification page, anonymously, with every malformed upload a citizen's browser or a program might
 * send: always a 4xx that says what to do (the page for a browser, a problem for a program asking for JSON), at most
 * one line in the log, and each refusal counted towards the client's limit like a check.
 */
@ServiceHallIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class VerificationPageIT {

	private static final String BOUNDARY = "----hall-test-boundary";

	/** One malformed upload: its body, its content type, and the refusal expected. */
	record Upload(String what, byte[] body, String contentType, int status, String type, String message) {
	}

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Documents documents;

	private long lastVerification;

	@BeforeEach
	void startAFreshMinute() {
		this.lastVerification = this.jdbc.sql("select coalesce(max(id), 0) from documents_verification")
			.query(Long.class)
			.single();
		// the limit counts the last minute from this address, which other tests share: this test starts a fresh one
		this.jdbc.sql("update documents_verification set checked_at = checked_at - interval '61 seconds' "
				+ "where checked_at > now() - interval '61 seconds'").update();
	}

	@AfterEach
	void takeThisTestsChecksBack() {
		// the other tests check from the same address within the same minute
		this.jdbc.sql("delete from documents_verification where id > ?").param(this.lastVerification).update();
	}

	static List<Upload> uploads() {
		byte[] pdfHead = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
		return List.of(
				new Upload("no file part", part("documentNo", null, "SL2026000001".getBytes(StandardCharsets.US_ASCII)),
						multipart(), 400, "no-file", "请选择要验证的 PDF 文件"),
				new Upload("an empty file", part("file", "a.pdf", new byte[0]), multipart(), 400, "no-file",
						"请选择要验证的 PDF 文件"),
				new Upload("the wrong field name", part("upload", "a.pdf", pdfHead), multipart(), 400, "no-file",
						"请选择要验证的 PDF 文件"),
				new Upload("not a PDF", part("file", "a.csv", "姓名,金额\n".getBytes(StandardCharsets.UTF_8)), multipart(), 415,
						"not-a-pdf", "只能验证 PDF 文件"),
				new Upload("too large", part("file", "big.pdf", Arrays.copyOf(pdfHead, 11 * 1024 * 1024)), multipart(), 413,
						"file-too-large", "文件超过 10 MB"),
				new Upload("no boundary", part("file", "a.pdf", pdfHead), "multipart/form-data", 400, "unreadable-upload",
						"上传内容不完整或格式不正确"),
				new Upload("cut short", Arrays.copyOf(part("file", "a.pdf", pdfHead), 60), multipart(), 400,
						"unreadable-upload", "上传内容不完整或格式不正确"),
				new Upload("NUL in the file name", part("file", "a\u0000.pdf", pdfHead), multipart(), 400,
						"unreadable-upload", "上传内容不完整或格式不正确"),
				new Upload("NUL in the document number", concat(part("documentNo", null, "SL\u0000".getBytes(StandardCharsets.UTF_8)),
						part("file", "a.pdf", pdfHead)), multipart(), 400, "control-characters", "含有不可见的控制字符"),
				new Upload("an empty body", new byte[0], multipart(), 400, "no-file", "请选择要验证的 PDF 文件"));
	}

	@Test
	@DisplayName("匿名上传各种不合格的文件：程序得到 problem+json，浏览器得到说明原因的页面；不记 ERROR")
	void refusesEveryMalformedUploadInWordsAndLogsAtMostOneLine(CapturedOutput output) throws Exception {
		int logBefore = output.getAll().length();
		for (Upload upload : uploads()) {
			this.jdbc.sql("delete from documents_verification where id > ?").param(this.lastVerification).update();

			ResponseEntity<String> program = post(upload, MediaType.APPLICATION_JSON);
			assertThat(program.getStatusCode().value()).as(upload.what() + ": " + program.getBody()).isEqualTo(upload.status());
			assertThat(program.getHeaders().getContentType()).as(upload.what())
				.matches(t -> t.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
			Map<?, ?> problem = new ObjectMapper().readValue(program.getBody(), Map.class);
			assertThat(problem.get("type")).as(upload.what()).isEqualTo("/problems/" + upload.type());
			assertThat((String) problem.get("detail")).as(upload.what()).contains(upload.message());

			ResponseEntity<String> browser = post(upload, MediaType.TEXT_HTML);
			assertThat(browser.getStatusCode().value()).as(upload.what()).isEqualTo(upload.status());
			assertThat(browser.getHeaders().getContentType()).as(upload.what()).matches(t -> t.isCompatibleWith(MediaType.TEXT_HTML));
			assertThat(HtmlPage.parse(browser.getBody()).first("#verify-refused")).as(upload.what()).isPresent();
		}
		List<String> logged = output.getAll().substring(logBefore).lines().toList();
		assertThat(logged).noneMatch(line -> line.contains(" ERROR ")).noneMatch(line -> line.startsWith("\tat "));
		assertThat(logged.stream().filter(line -> line.contains("Verification refused"))).hasSize(2 * uploads().size());
	}

	@Test
	@DisplayName("拒绝也计入每分钟的次数：超过后 429")
	void countsRefusalsTowardsTheLimit() {
		Upload nothing = uploads().get(0);
		int limit = this.documents.verificationsPerMinute();
		for (int i = 0; i < limit; i++) {
			assertThat(post(nothing, MediaType.APPLICATION_JSON).getStatusCode().value()).as("refusal %d", i + 1)
				.isEqualTo(400);
		}
		assertThat(this.jdbc.sql("select count(*) from documents_verification where id > ? and kind = 'REFUSED'")
			.param(this.lastVerification)
			.query(Integer.class)
			.single()).isEqualTo(limit);

		ResponseEntity<String> program = post(nothing, MediaType.APPLICATION_JSON);
		assertThat(program.getStatusCode().value()).isEqualTo(429);
		assertThat(program.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("60");
		assertThat(program.getHeaders().getContentType()).matches(t -> t.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		assertThat(program.getBody()).contains("/problems/too-many-verifications");
		ResponseEntity<String> browser = post(uploads().get(6), MediaType.TEXT_HTML);
		assertThat(browser.getStatusCode().value()).isEqualTo(429);
		assertThat(HtmlPage.parse(browser.getBody()).first("#verify-limited")).isPresent();
	}

	private ResponseEntity<String> post(Upload upload, MediaType accept) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.CONTENT_TYPE, upload.contentType());
		headers.setAccept(List.of(accept));
		return this.http.exchange("/verify", HttpMethod.POST, new HttpEntity<>(upload.body(), headers), String.class);
	}

	private static String multipart() {
		return "multipart/form-data; boundary=" + BOUNDARY;
	}

	private static byte[] part(String name, String filename, byte[] content) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
				+ (filename == null ? "" : "; filename=\"" + filename + "\"\r\nContent-Type: application/pdf") + "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
		return body.toByteArray();
	}

	private static byte[] concat(byte[] first, byte[] second) {
		// two parts in one body: the first's closing delimiter becomes an ordinary one
		String text = new String(first, StandardCharsets.ISO_8859_1);
		byte[] open = text.substring(0, text.lastIndexOf("--" + BOUNDARY + "--")).getBytes(StandardCharsets.ISO_8859_1);
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(open);
		body.writeBytes(second);
		return body.toByteArray();
	}

}
