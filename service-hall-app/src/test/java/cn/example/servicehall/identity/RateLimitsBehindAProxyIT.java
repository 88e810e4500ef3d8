package cn.example.servicehall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.documents.Documents;
import cn.example.servicehall.support.RawHttp;
import cn.example.servicehall.support.RawHttp.Request;
import cn.example.servicehall.support.RawHttp.Response;
import cn.example.servicehall.support.ReverseProxy;
import cn.example.servicehall.support.TestTokens;

/**
 * The hall behind a real reverse proxy (issue 15: rate limits that hold behind a proxy). One nginx, configured as the
 * README's snippet, forwards to the hall, whose trusted proxies are its default ({@code 127.0.0.1} and the IPv6
 * loopback). Clients connect from other addresses of this machine (127.0.0.2, 127.0.0.3 …), so that nginx, and
 * through it the hall, sees different clients: the verification page's limit counts per real client; a client gets
 * round it neither with an {@code X-Forwarded-For} of its own through the proxy (nginx appends the real address, the
 * hall takes the last address that is not a trusted proxy) nor by talking to the hall directly with a forged one (an
 * address that is not a trusted proxy is not believed); and the audit trail records the real client's address.
 */
@ServiceHallIntegrationTest
class RateLimitsBehindAProxyIT {

	/** Well formed, never issued: a lookup that is counted and answers 404. */
	private static final String UNKNOWN_DOCUMENT = "/verify/SL2099000001";

	private static ReverseProxy nginx;

	@LocalServerPort
	private int hallPort;

	@Autowired
	private Documents documents;

	@Autowired
	private JdbcClient jdbc;

	@BeforeAll
	static void startNginx(@LocalServerPort int hallPort) {
		nginx = ReverseProxy.inFrontOfTheHall(hallPort);
	}

	@AfterAll
	static void stopNginx() {
		if (nginx != null) {
			nginx.close();
		}
	}

	@Test
	@DisplayName("验证页面的次数限制按代理后的真实客户端计算：A 用完被拒，B 经同一代理照常")
	void theVerificationLimitCountsEachClientBehindTheProxy() {
		long before = lastVerification();
		int limit = this.documents.verificationsPerMinute();
		RawHttp clientA = throughNginx("127.0.0.2");
		RawHttp clientB = throughNginx("127.0.0.3");

		for (int i = 1; i <= limit; i++) {
			assertThat(clientA.send(lookUp()).status()).as("A's lookup %d of %d", i, limit).isEqualTo(404);
		}
		Response refused = clientA.send(lookUp());
		Response served = clientB.send(lookUp());

		assertThat(refused.status()).as("A over its limit").isEqualTo(429);
		assertThat(refused.headers()).containsEntry("retry-after", "60");
		assertThat(served.status()).as("B, through the same proxy, in the same minute").isEqualTo(404);
		assertThat(lookupsPerClientSince(before)).as("lookups counted per client").containsExactly(limit, 1);
		assertThat(nginx.accessLog()).as("nginx saw two clients")
			.anyMatch(line -> line.startsWith("127.0.0.2 \"127.0.0.2\" 429"))
			.anyMatch(line -> line.startsWith("127.0.0.3 \"127.0.0.3\" 404"));
		System.out.printf("Behind nginx: client A refused (%d) after %d lookups in a minute; client B served (%d)%n",
				refused.status(), limit, served.status());
	}

	@Test
	@DisplayName("客户端经代理自带 X-Forwarded-For 逃不过限制：代理追加真实地址，大厅取真实地址")
	void aClientCannotEscapeItsLimitWithAForwardedForOfItsOwn() {
		long before = lastVerification();
		int limit = this.documents.verificationsPerMinute();
		RawHttp client = throughNginx("127.0.0.4");

		List<Integer> statuses = new ArrayList<>();
		for (int i = 1; i <= limit + 5; i++) {
			// a new address claimed every time, the proxy's own among them, and the other headers that name clients
			String claimed = i % 5 == 0 ? "127.0.0.1" : "203.0.113." + i;
			Response answer = client.send(lookUp().header("X-Forwarded-For", claimed)
				.header("X-Real-IP", claimed)
				.header("Forwarded", "for=" + claimed + ";proto=https")
				.header("X-Forwarded-Proto", "https"));
			statuses.add(answer.status());
			assertThat(answer.headers()).as("nginx sets the scheme itself: the client's https is not believed")
				.doesNotContainKey("strict-transport-security");
		}

		assertThat(statuses.subList(0, limit)).containsOnly(404);
		assertThat(statuses.subList(limit, limit + 5)).as("every claim after the limit").containsOnly(429);
		assertThat(lookupsPerClientSince(before)).as("one client, whatever it claimed").containsExactly(limit);
		assertThat(nginx.accessLog()).anyMatch(line -> line.startsWith("127.0.0.4 \"127.0.0.1, 127.0.0.4\" 429"));
		System.out.printf("Behind nginx: %d lookups, each claiming another address: one client, refused from lookup %d on%n",
				statuses.size(), limit + 1);
	}

	@Test
	@DisplayName("不经代理直连大厅、伪造 X-Forwarded-For 也逃不过：不可信地址的转发头不被采信")
	void aClientTalkingToTheHallDirectlyCannotClaimAnotherAddress() {
		long before = lastVerification();
		int limit = this.documents.verificationsPerMinute();
		RawHttp direct = new RawHttp("127.0.0.5", this.hallPort);

		List<Integer> statuses = new ArrayList<>();
		for (int i = 1; i <= limit + 5; i++) {
			Response answer = direct.send(lookUp().header("X-Forwarded-For", "198.51.100." + i)
				.header("X-Forwarded-Proto", "https"));
			statuses.add(answer.status());
			assertThat(answer.headers()).as("no https claimed by a client that is not a proxy")
				.doesNotContainKey("strict-transport-security");
		}

		assertThat(statuses.subList(0, limit)).containsOnly(404);
		assertThat(statuses.subList(limit, limit + 5)).containsOnly(429);
		assertThat(lookupsPerClientSince(before)).containsExactly(limit);
		System.out.printf("Straight to the hall: %d lookups, each with a forged X-Forwarded-For: one client, refused "
				+ "from lookup %d on%n", statuses.size(), limit + 1);
	}

	@Test
	@DisplayName("经代理的请求，审计日志记下真实客户端地址，不是代理的，也不是客户端自称的")
	void theAuditTrailRecordsTheRealClientBehindTheProxy() {
		String marker = "proxy-" + UUID.randomUUID().toString().substring(0, 8);
		Response search = throughNginx("127.0.0.6").send(Request.of("GET", "/api/cases?q=" + marker)
			.header("Authorization", "Bearer " + TestTokens.user("clerk1", Groups.HPF_ACCEPTANCE_CLERK))
			.header("X-Forwarded-For", "198.51.100.66"));
		Response refused = throughNginx("127.0.0.7").send(Request.of("GET", "/api/cases?q=" + marker)
			.header("Authorization", "Bearer " + TestTokens.forged("clerk1", Groups.HPF_ACCEPTANCE_CLERK))
			.header("X-Forwarded-For", "198.51.100.77"));

		assertThat(search.status()).as(search.body()).isEqualTo(200);
		assertThat(refused.status()).isEqualTo(401);
		assertThat(awaitEntry("""
				select action || ' ' || channel || ' ' || address from audit_entry
				where action = 'CASES_SEARCHED' and subject like ?""", "%" + marker))
			.isEqualTo("CASES_SEARCHED API 127.0.0.6");
		assertThat(awaitEntry("""
				select action || ' ' || channel || ' ' || address from audit_entry
				where action = 'SIGN_IN_REFUSED' and address = ?""", "127.0.0.7"))
			.isEqualTo("SIGN_IN_REFUSED API 127.0.0.7");
		assertThat(this.jdbc.sql("select count(*) from audit_entry where address in ('198.51.100.66', '198.51.100.77')")
			.query(Integer.class)
			.single()).as("entries under a claimed address").isZero();
	}

	private RawHttp throughNginx(String clientAddress) {
		return new RawHttp(clientAddress, nginx.port());
	}

	private static Request lookUp() {
		return Request.of("GET", UNKNOWN_DOCUMENT).header("Accept", "text/html");
	}

	private long lastVerification() {
		return this.jdbc.sql("select coalesce(max(id), 0) from documents_verification").query(Long.class).single();
	}

	/** How many lookups each client had since then, most first. */
	private List<Integer> lookupsPerClientSince(long id) {
		return this.jdbc.sql("""
				select count(*) from documents_verification where id > ? group by client_hash order by count(*) desc""")
			.param(id)
			.query(Integer.class)
			.list();
	}

	/** The one entry the query finds, once written (a read is recorded as its request completes). */
	private String awaitEntry(String query, String parameter) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (true) {
			List<String> found = this.jdbc.sql(query).param(parameter).query(String.class).list();
			if (!found.isEmpty() || Instant.now().isAfter(deadline)) {
				assertThat(found).as(query).hasSize(1);
				return found.get(0);
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

}
