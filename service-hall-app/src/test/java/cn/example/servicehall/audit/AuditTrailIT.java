package cn.example.servicehall.audit;

import static cn.example.servicehall.support.WithdrawalFixtures.allMaterials;
import static cn.example.servicehall.support.WithdrawalFixtures.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.dao.DataAccessException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.support.Api;
import cn.example.servicehall.support.HtmlPage;
import cn.example.servicehall.support.SignedIn;
import cn.example.servicehall.support.TestTokens;
import cn.example.servicehall.support.WithdrawalFixtures;
import cn.example.servicehall.support.WithdrawalFixtures.Depositor;

/**
 * The audit trail on the real database: each action recorded once with who, what, which case, when, from where and
 * through which channel, in the action's transaction; the table refusing changes; and an insider's change made with
 * the triggers turned off found by the verification and shown on the auditor's page. Each tampering test works on a
 * day of its own (in 2031), so that the days other tests write stay intact.
 */
@ServiceHallIntegrationTest
@AutoConfigureMockMvc
class AuditTrailIT {

	private static final ZoneOffset CST = ZoneOffset.ofHours(8);

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ClientRegistrationRepository registrations;

	@Autowired
	private AuditTrail trail;

	@Autowired
	private AuditSeals seals;

	@Autowired
	private AuditVerification verification;

	@Autowired
	private TransactionTemplate transaction;

	@Autowired
	private org.camunda.bpm.engine.ProcessEngine engine;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	@DisplayName("一次受理、一次查看：各记一条，写明谁、哪个岗位、哪件、谁的身份证号、从哪里、经哪个渠道；稽核岗看全号，管理人员看掩码")
	void eachStepAndEachReadIsRecordedOnceWithWhoWhatWhereAndChannel() {
		at(OffsetDateTime.of(2026, 12, 9, 10, 0, 0, 0, CST));
		Api clerk = Api.as(this.http, TestTokens.user("clerk1", Groups.HPF_ACCEPTANCE_CLERK));
		Depositor renter = WithdrawalFixtures.renter(this.jdbc, "钱审计");
		Map<String, Object> rent = WithdrawalFixtures.rent(renter);
		rent.put("materials", allMaterials(clerk.post("/api/withdrawals/assessment", rent).getBody()));
		ResponseEntity<Map<String, Object>> created = clerk.post("/api/withdrawals", rent, key());
		assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
		String caseNo = WithdrawalFixtures.caseNo(created.getBody());

		List<Map<String, Object>> steps = entries(caseNo, "CASE_STEP");
		long historyLines = this.jdbc.sql("select count(*) from intake_case_event where case_no = ?")
			.param(caseNo)
			.query(Long.class)
			.single();
		assertThat(steps).as("one entry per line of the case's history").hasSize((int) historyLines).isNotEmpty();
		assertThat(steps.get(0)).containsEntry("actor_id", "clerk1")
			.containsEntry("actor_posts", Groups.HPF_ACCEPTANCE_CLERK)
			.containsEntry("channel", "API")
			.containsEntry("address", "127.0.0.1")
			.containsEntry("person_id", renter.id())
			.containsEntry("day", java.sql.Date.valueOf(LocalDate.of(2026, 12, 9)));

		assertThat(Api.as(this.http, TestTokens.user("reviewer1", Groups.HPF_FIRST_REVIEWER))
			.get("/api/cases/" + caseNo)
			.getStatusCode()
			.value()).isEqualTo(200);
		List<Map<String, Object>> views = entries(caseNo, "CASE_VIEWED");
		assertThat(views).hasSize(1);
		assertThat(views.get(0)).containsEntry("actor_id", "reviewer1")
			.containsEntry("actor_posts", Groups.HPF_FIRST_REVIEWER)
			.containsEntry("subject", "/api/cases/" + caseNo)
			.containsEntry("person_id", renter.id());

		Map<String, Object> asAuditor = Api.as(this.http, TestTokens.user("auditor1", Groups.AUDITOR))
			.get("/api/audit/entries?case=" + caseNo)
			.getBody();
		assertThat(personIds(asAuditor)).isNotEmpty().containsOnly(renter.id());
		Map<String, Object> asManager = Api.as(this.http, TestTokens.user("manager1", Groups.HALL_MANAGER))
			.get("/api/audit/entries?case=" + caseNo)
			.getBody();
		assertThat(personIds(asManager)).isNotEmpty()
			.containsOnly(renter.id().substring(0, 6) + "********" + renter.id().substring(14));
		assertThat(clerk.get("/api/audit/entries?case=" + caseNo).getStatusCode().value()).isEqualTo(403);
		assertThat(entries(null, "AUDIT_READ").stream().filter(e -> String.valueOf(e.get("subject")).contains(caseNo)))
			.as("each search of the trail is itself recorded").hasSizeGreaterThanOrEqualTo(2);

		Map<String, Object> day = Api.as(this.http, TestTokens.user("auditor1", Groups.AUDITOR))
			.get("/api/audit/days/2026-12-09")
			.getBody();
		assertThat(day).containsEntry("outcome", "INTACT").containsEntry("sealed", false);
		assertThat(((Number) day.get("entries")).longValue()).isGreaterThanOrEqualTo(historyLines + 1);
	}

	@Test
	@DisplayName("动作回滚则不留记录；提交则恰有一条")
	void anActionThatRollsBackLeavesNoEntryAndOneThatCommitsLeavesOne() {
		at(OffsetDateTime.of(2031, 3, 2, 10, 0, 0, 0, CST));
		String rolledBack = "rolled back " + UUID.randomUUID();
		this.transaction.executeWithoutResult(status -> {
			this.trail.record(AuditEvent.of(AuditAction.EXPORTED, rolledBack));
			status.setRollbackOnly();
		});
		String committed = "committed " + UUID.randomUUID();
		this.transaction.executeWithoutResult(status -> this.trail.record(AuditEvent.of(AuditAction.EXPORTED, committed)));
		assertThat(count("subject = ?", rolledBack)).isZero();
		assertThat(count("subject = ?", committed)).isOne();
		assertThat(this.jdbc.sql("select actor_id || '/' || channel from audit_entry where subject = ?")
			.param(committed)
			.query(String.class)
			.single()).as("no user, no request: the system").isEqualTo("SYSTEM/SYSTEM");
		String inner = "inner " + UUID.randomUUID();
		TransactionTemplate own = new TransactionTemplate(this.transaction.getTransactionManager());
		own.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		String outerSubject = "outer " + UUID.randomUUID();
		this.transaction.executeWithoutResult(outer -> {
			this.trail.record(AuditEvent.of(AuditAction.EXPORTED, outerSubject));
			own.executeWithoutResult(status -> this.trail.record(AuditEvent.of(AuditAction.EXPORTED, inner)));
			outer.setRollbackOnly();
		});
		assertThat(count("subject = ?", inner)).as("an inner transaction of its own keeps its entry").isOne();
		assertThat(count("subject = ?", outerSubject)).isZero();
		assertThat(this.verification.verify(LocalDate.of(2031, 3, 2)).outcome()).isEqualTo(AuditVerification.Outcome.INTACT);
	}

	@Test
	@DisplayName("八个事务同时记录、部分回滚：编号连续无缺、链完整、条数等于提交数")
	void entriesWrittenAtOnceByManyTransactionsAreNumberedWithoutGapsAndChained() throws Exception {
		at(OffsetDateTime.of(2031, 3, 12, 10, 0, 0, 0, CST));
		int threads = 8;
		int each = 25;
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
		java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.atomic.AtomicInteger committed = new java.util.concurrent.atomic.AtomicInteger();
		List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int thread = t;
			done.add(pool.submit(() -> {
				start.await();
				for (int i = 0; i < each; i++) {
					boolean rollBack = (thread + i) % 5 == 0;
					int n = i;
					this.transaction.executeWithoutResult(status -> {
						this.trail.record(AuditEvent.of(AuditAction.EXPORTED, "thread " + thread + " #" + n));
						this.trail.record(AuditEvent.of(AuditAction.EXPORTED, "thread " + thread + " #" + n + " again"));
						if (rollBack) {
							status.setRollbackOnly();
						}
					});
					if (!rollBack) {
						committed.addAndGet(2);
					}
				}
				return null;
			}));
		}
		start.countDown();
		for (java.util.concurrent.Future<?> future : done) {
			future.get(2, java.util.concurrent.TimeUnit.MINUTES);
		}
		pool.shutdown();

		LocalDate day = LocalDate.of(2031, 3, 12);
		AuditVerification.DayReport report = this.verification.verify(day);
		assertThat(report.outcome()).isEqualTo(AuditVerification.Outcome.INTACT);
		assertThat(report.entries()).isEqualTo(committed.get()).isLessThan(threads * each * 2);
		assertThat(this.jdbc.sql("select max(seq) from audit_entry where day = ?").param(day).query(Long.class).single())
			.as("numbered 1 … n without a gap").isEqualTo(committed.get());
	}

	@Test
	@DisplayName("数据库拒绝修改、删除和清空审计记录")
	void theDatabaseRefusesToChangeDeleteOrTruncateTheTrail() {
		at(OffsetDateTime.of(2031, 3, 3, 10, 0, 0, 0, CST));
		this.trail.record(AuditEvent.of(AuditAction.EXPORTED, "kept"));
		assertThatThrownBy(() -> this.jdbc.sql("update audit_entry set subject = 'changed' where day = '2031-03-03'").update())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("delete from audit_entry where day = '2031-03-03'").update())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("truncate audit_entry").update()).isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");
		assertThat(count("day = ?", LocalDate.of(2031, 3, 3))).isOne();
	}

	@Test
	@DisplayName("触发器被关掉后改动一条记录：校验找到第 3 条，稽核岗页面显示“记录被改动”")
	void aRowAlteredWithTheTriggersOffIsFoundAndShownOnTheAuditorsPage() throws Exception {
		LocalDate day = LocalDate.of(2031, 3, 4);
		fill(day, 5);
		assertThat(this.verification.verify(day).outcome()).isEqualTo(AuditVerification.Outcome.INTACT);

		insider("update audit_entry set actor_id = 'someone-else' where day = '2031-03-04' and seq = 3");

		AuditVerification.DayReport report = this.verification.verify(day);
		assertThat(report.outcome()).isEqualTo(AuditVerification.Outcome.ALTERED);
		assertThat(report.seq()).isEqualTo(3L);
		HtmlPage page = HtmlPage.parse(this.mvc
			.perform(get("/audit").param("day", "2031-03-04")
				.with(SignedIn.as(this.registrations, "auditor1", "钱", "明", Groups.AUDITOR)))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(page.get("#audit-report").text()).contains("记录被改动").contains("第 3 条").contains("入库后被改动");
		assertThat(page.all("#nav-audit")).as(page.get("header").text()).hasSize(1);
	}

	@Test
	@DisplayName("删除中间一条：缺号；改动后重算哈希：下一条断链")
	void aDeletedRowIsAGapAndARowRehashedAfterItsChangeBreaksTheNextLink() {
		LocalDate gapDay = LocalDate.of(2031, 3, 5);
		fill(gapDay, 4);
		insider("delete from audit_entry where day = '2031-03-05' and seq = 2");
		AuditVerification.DayReport gap = this.verification.verify(gapDay);
		assertThat(gap.outcome()).isEqualTo(AuditVerification.Outcome.GAP);
		assertThat(gap.seq()).isEqualTo(2L);

		LocalDate rehashedDay = LocalDate.of(2031, 3, 6);
		fill(rehashedDay, 4);
		AuditEntry second = this.jdbc.sql("select * from audit_entry where day = ? and seq = 2")
			.param(rehashedDay)
			.query(AuditVerification::entry)
			.single();
		AuditEntry forged = new AuditEntry(second.day(), second.seq(), second.occurredAt(), "someone-else",
				second.actorName(), second.actorPosts(), second.actorCompany(), second.action(), second.caseNo(),
				second.personId(), second.subject(), second.address(), second.channel(), second.prevHash(), null);
		insider("update audit_entry set actor_id = 'someone-else', hash = '" + AuditChain.hash(forged)
				+ "' where day = '2031-03-06' and seq = 2");
		AuditVerification.DayReport broken = this.verification.verify(rehashedDay);
		assertThat(broken.outcome()).isEqualTo(AuditVerification.Outcome.BROKEN_LINK);
		assertThat(broken.seq()).isEqualTo(3L);
	}

	@Test
	@DisplayName("日终封存后删除最后一条：末尾缺失；改动封存：封存无效")
	void aSealedDayShowsItsLastRowDeletedAndAnAlteredSeal() {
		LocalDate day = LocalDate.of(2031, 3, 9);
		fill(day, 4);
		LocalDate next = LocalDate.of(2031, 3, 10);
		fill(next, 2);
		at(OffsetDateTime.of(2031, 3, 11, 0, 10, 0, 0, CST));
		this.seals.sealDay(day);
		this.seals.sealDay(next);
		assertThat(this.verification.verify(day)).satisfies(report -> {
			assertThat(report.outcome()).isEqualTo(AuditVerification.Outcome.INTACT);
			assertThat(report.sealed()).isTrue();
			assertThat(report.entries()).isEqualTo(4);
		});
		assertThat(this.verification.verify(next).outcome()).isEqualTo(AuditVerification.Outcome.INTACT);

		insider("delete from audit_entry where day = '2031-03-09' and seq = 4");
		AuditVerification.DayReport missing = this.verification.verify(day);
		assertThat(missing.outcome()).isEqualTo(AuditVerification.Outcome.MISSING_AT_END);
		assertThat(missing.seq()).isEqualTo(4L);

		insider("update audit_seal set entries = 3, last_hash = (select hash from audit_entry where day = '2031-03-09' "
				+ "and seq = 3) where day = '2031-03-09'");
		assertThat(this.verification.verify(day).outcome()).as("a seal made to fit, without the key")
			.isEqualTo(AuditVerification.Outcome.SEAL_INVALID);
		insider("delete from audit_seal where day = '2031-03-09'");
		assertThat(this.verification.verify(next).outcome()).as("the next seal names the deleted one")
			.isEqualTo(AuditVerification.Outcome.SEAL_INVALID);
	}

	@Test
	@DisplayName("管理员在引擎控制台或引擎接口挂起办件的流程：记一条引擎控制台操作，写明哪件、谁、改了什么")
	void anAdministratorsOperationOnACaseInTheEngineIsRecordedWithItsCase() {
		at(OffsetDateTime.of(2026, 12, 10, 10, 0, 0, 0, CST));
		Api clerk = Api.as(this.http, TestTokens.user("clerk1", Groups.HPF_ACCEPTANCE_CLERK));
		Depositor renter = WithdrawalFixtures.renter(this.jdbc, "钱挂起");
		Map<String, Object> rent = WithdrawalFixtures.rent(renter);
		rent.put("materials", allMaterials(clerk.post("/api/withdrawals/assessment", rent).getBody()));
		String caseNo = WithdrawalFixtures.caseNo(clerk.post("/api/withdrawals", rent, key()).getBody());
		String process = this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceBusinessKey(caseNo)
			.singleResult()
			.getId();
		assertThat(entries(caseNo, "ENGINE_OPERATION")).as("the hall's own steps are CASE_STEP entries").isEmpty();

		// as the engine's REST API runs it for a signed-in administrator (EngineRestAuthentication): the request's path,
		// the administrator as the engine's user. (Called here rather than over HTTP because each cached test context
		// registers an engine named "default" in the JVM, and the REST API would find whichever registered last.)
		for (boolean suspend : new boolean[] { true, false }) {
			org.springframework.mock.web.MockHttpServletRequest request = new org.springframework.mock.web.MockHttpServletRequest(
					"PUT", "/engine-rest/process-instance/" + process + "/suspended");
			org.springframework.web.context.request.RequestContextHolder
				.setRequestAttributes(new org.springframework.web.context.request.ServletRequestAttributes(request));
			this.engine.getIdentityService().setAuthentication("admin1", List.of(Groups.SYSTEM_ADMIN));
			try {
				if (suspend) {
					this.engine.getRuntimeService().suspendProcessInstanceById(process);
				}
				else {
					this.engine.getRuntimeService().activateProcessInstanceById(process);
				}
			}
			finally {
				this.engine.getIdentityService().clearAuthentication();
				org.springframework.web.context.request.RequestContextHolder.resetRequestAttributes();
			}
		}

		List<Map<String, Object>> operations = entries(caseNo, "ENGINE_OPERATION");
		assertThat(operations).hasSize(2);
		assertThat(operations.get(0)).containsEntry("actor_id", "admin1").containsEntry("address", "127.0.0.1");
		assertThat((String) operations.get(0).get("subject")).contains("Suspend", "ProcessInstance",
				"PUT /engine-rest/process-instance/" + process + "/suspended");
		assertThat((String) operations.get(1).get("subject")).contains("Activate", "ProcessInstance");
	}

	private void fill(LocalDate day, int n) {
		Insider.fill(this.trail, day, n, "410802196602100536");
	}

	private void insider(String sql) {
		new Insider(this.jdbc, this.transaction).change(sql);
	}

	private List<Map<String, Object>> entries(String caseNo, String action) {
		return this.jdbc.sql("select * from audit_entry where (cast(? as text) is null or case_no = ?) and action = ? order by day, seq")
			.params(caseNo, caseNo, action)
			.query()
			.listOfRows();
	}

	private long count(String where, Object param) {
		return this.jdbc.sql("select count(*) from audit_entry where " + where).param(param).query(Long.class).single();
	}

	@SuppressWarnings("unchecked")
	private static List<Object> personIds(Map<String, Object> found) {
		return ((List<Map<String, Object>>) found.get("entries")).stream()
			.filter(e -> !"AUDIT_READ".equals(e.get("action")))
			.map(e -> e.get("personId"))
			.toList();
	}

	private static void at(OffsetDateTime moment) {
		ClockUtil.setCurrentTime(Date.from(moment.toInstant()));
	}

}
