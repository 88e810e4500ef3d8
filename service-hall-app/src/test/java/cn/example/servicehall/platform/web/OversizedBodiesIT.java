package cn.example.servicehall.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.support.TestTokens;

/**
 * A body far larger than any form or JSON the hall takes is refused with 413 before it is read: from its
 * Content-Length, and, sent in chunks without one, as soon as it passes the limit (1 MB). Nothing is created.
 */
@ServiceHallIntegrationTest
class OversizedBodiesIT {

	private static final String TOKEN = TestTokens.user("clerk1", Groups.HPF_ACCEPTANCE_CLERK);

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aBodyThatSaysItIsTooLargeIsRefusedFromItsHeaders() throws Exception {
		long cases = cases();
		// as curl sends a large body: asking first (Expect: 100-continue); not one byte of the body is sent
		String answer = send("Content-Length: " + 50 * 1024 * 1024 + "\r\nExpect: 100-continue\r\n", new byte[0]);
		assertThat(answer).startsWith("HTTP/1.1 413").doesNotContain("100 Continue");
		assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json")
			.contains("/problems/payload-too-large")
			.contains("1024 KB");
		assertThat(cases()).isEqualTo(cases);
	}

	@Test
	void aChunkedBodyIsRefusedOnceItPassesTheLimit() throws Exception {
		long cases = cases();
		byte[] chunk = ("{\"applicant\":\"" + "x".repeat(64 * 1024) + "\"}").getBytes(StandardCharsets.US_ASCII);
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			body.append(Integer.toHexString(chunk.length)).append("\r\n").append(new String(chunk, StandardCharsets.US_ASCII))
				.append("\r\n");
		}
		body.append("0\r\n\r\n");
		String answer = send("Transfer-Encoding: chunked\r\n", body.toString().getBytes(StandardCharsets.US_ASCII));
		assertThat(answer).startsWith("HTTP/1.1 413");
		assertThat(answer).contains("/problems/payload-too-large");
		assertThat(cases()).isEqualTo(cases);
	}

	@Test
	void aChunkedBodyWithinTheLimitIsReadAsUsual() throws Exception {
		String body = "{}";
		String chunked = Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n";
		String answer = send("Transfer-Encoding: chunked\r\n", chunked.getBytes(StandardCharsets.US_ASCII));
		assertThat(answer).as("read and validated: the empty application is refused in words").startsWith("HTTP/1.1 400");
		assertThat(answer).doesNotContain("payload-too-large");
	}

	private String send(String lengthHeader, byte[] body) throws Exception {
		String head = "POST /api/withdrawals HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TOKEN + "\r\n"
				+ "Idempotency-Key: " + UUID.randomUUID() + "\r\nContent-Type: application/json\r\n" + lengthHeader
				+ "Connection: close\r\n\r\n";
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.ISO_8859_1));
			try {
				out.write(body);
				out.flush();
			}
			catch (java.net.SocketException closed) {
				// the hall answered and closed before the whole body was sent: what is measured here
			}
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private long cases() {
		return this.jdbc.sql("select count(*) from intake_case").query(Long.class).single();
	}

}
