package cn.example.servicehall.calendar;

import static cn.example.servicehall.calendar.StatutoryHolidays.day;
import static cn.example.servicehall.calendar.TestCalendars.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.support.Api;
import cn.example.servicehall.support.TestTokens;

/**
 * The working-day calendar on the real database: the seeded 2025 and 2026 as domain.md §9 lists them, and a year
 * entered by an administrator through the API.
 * <p>
 * The tests share their database with every other test class of the same Spring context, which must keep seeing 2027
 * as missing. So the test that enters 2027 deletes its rows again after each test (and before, should an earlier run
 * have been killed), and tells the calendar to forget what it had loaded; the refused entries save nothing to begin
 * with. The entry used is shaped like a State Council notice but is test data, not the real 2027 arrangement, which
 * had not been published when this was written.
 */
@ServiceHallIntegrationTest
class CalendarIT {

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private WorkingCalendar calendar;

	@BeforeEach
	@AfterEach
	void leave2027Missing() {
		this.jdbc.sql("delete from calendar_year where year = 2027").update(); // its days go with it (cascade)
		this.calendar.forget(2027);
	}

	@Test
	@DisplayName("预置的 2025 年和 2026 年各有 248 个工作日")
	void theSeededYearsHoldDomainSection9AndTwoHundredFortyEightWorkingDaysEach() {
		assertThat(this.calendar.years()).extracting(CalendarYear::year).containsExactly(2025, 2026);
		assertThat(this.calendar.year(2025)).get().satisfies(year -> {
			assertThat(year.days()).isEqualTo(StatutoryHolidays.Y2025.days());
			assertThat(year.source()).isEqualTo(StatutoryHolidays.Y2025.source());
			assertThat(year.enteredBy()).isEqualTo("system");
		});
		assertThat(this.calendar.year(2026)).get().satisfies(year -> {
			assertThat(year.days()).isEqualTo(StatutoryHolidays.Y2026.days());
			assertThat(year.source()).contains("https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm");
		});

		assertThat(workingDaysIn(2025)).isEqualTo(248);
		assertThat(workingDaysIn(2026)).isEqualTo(248);
		assertThat(this.calendar.workingDaysBetween(day("2025-12-31"), day("2026-12-31"))).isEqualTo(248);
		// the Spring Festival of 2026 through the service: Fri 02-13 + 1 is the make-up Saturday, which + 1 is 02-24
		assertThat(this.calendar.addWorkingDays(day("2026-02-13"), 1)).isEqualTo(day("2026-02-14"));
		assertThat(this.calendar.addWorkingDays(day("2026-02-14"), 1)).isEqualTo(day("2026-02-24"));
		assertThat(this.calendar.officeHours()).isEqualTo(OfficeHours.DEFAULT);

		ResponseEntity<List<Map<String, Object>>> listed = Api
			.as(this.http, TestTokens.user("clerk1", Groups.HPF_ACCEPTANCE_CLERK))
			.getList("/api/sla/calendar");
		assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(listed.getBody()).extracting(y -> y.get("year"), y -> y.get("offDays"), y -> y.get("makeUpDays"),
				y -> y.get("workingDays"), y -> y.get("enteredBy"))
			.containsExactly(tuple(2025, 28, 5, 248, "system"),
					tuple(2026, 33, 6, 248, "system"));
	}

	@Test
	@DisplayName("系统管理员录入 2027 年后，跨入 2027 年的计算即可进行")
	void anAdministratorEnters2027AndArithmeticIntoItThenWorks() {
		int thisYear = this.calendar.today().getYear();
		assertThatThrownBy(() -> this.calendar.addWorkingDays(day("2026-12-31"), 1))
			.isInstanceOfSatisfying(CalendarYearMissing.class, missing -> assertThat(missing.year()).isEqualTo(2027));
		assertThat(this.calendar.firstMissingYearWithin(Duration.ofDays(400))).contains(Math.max(2027, thisYear));

		Instant asked = Instant.now();
		ResponseEntity<Map<String, Object>> entered = admin().exchange(HttpMethod.PUT, "/api/sla/calendar/2027",
				TestCalendars.entry2027(true), null);

		assertThat(entered.getStatusCode()).as(String.valueOf(entered.getBody())).isEqualTo(HttpStatus.OK);
		// 2027 begins on a Friday: 261 weekdays − 7 off on weekdays (01-01, 02-05, 02-08…02-12) + 1 make-up day
		assertThat(entered.getBody()).containsEntry("year", 2027)
			.containsEntry("offDays", 11)
			.containsEntry("makeUpDays", 1)
			.containsEntry("workingDays", 255)
			.containsEntry("enteredBy", "admin1")
			.containsEntry("source", TestCalendars.TEST_SOURCE_2027);
		assertThat(this.jdbc.sql("select count(*) from calendar_day where year = 2027").query(Integer.class).single())
			.isEqualTo(12);
		OffsetDateTime enteredAt = this.jdbc.sql("select entered_at from calendar_year where year = 2027")
			.query(OffsetDateTime.class)
			.single();
		assertThat(enteredAt.toInstant()).isBetween(asked.minusSeconds(1), Instant.now());

		// effective on this node at once: 2026-12-31 (Thu) + 1 is over 元旦 (01-01 to 01-03) on Monday 01-04
		assertThat(this.calendar.addWorkingDays(day("2026-12-31"), 1)).isEqualTo(day("2027-01-04"));
		assertThat(this.calendar.dueAfterWorkingDays(ZonedDateTime.parse("2026-12-31T10:00+08:00[Asia/Shanghai]"), 1))
			.isEqualTo(ZonedDateTime.parse("2027-01-04T17:30+08:00[Asia/Shanghai]"));
		// Thu 02-04 + 1 is over 春节 (02-05 to 02-12) and the weekend on Mon 02-15; Fri 02-19 + 1 the make-up Saturday
		assertThat(this.calendar.addWorkingDays(day("2027-02-04"), 1)).isEqualTo(day("2027-02-15"));
		assertThat(this.calendar.addWorkingDays(day("2027-02-19"), 1)).isEqualTo(day("2027-02-20"));
		assertThat(this.calendar.firstMissingYearWithin(Duration.ofDays(400))).isNotEqualTo(Optional.of(2027));

		ResponseEntity<Map<String, Object>> read = Api.as(this.http, TestTokens.user("manager1", Groups.HALL_MANAGER))
			.get("/api/sla/calendar/2027");
		assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(read.getBody().get("days")).asList()
			.hasSize(12)
			.first()
			.isEqualTo(Map.of("date", "2027-01-01", "kind", "OFF", "name", "元旦"));

		// entered again, the year is replaced as a whole: without the make-up day, 02-20 is an ordinary Saturday
		assertThat(admin().exchange(HttpMethod.PUT, "/api/sla/calendar/2027", TestCalendars.entry2027(false), null).getBody())
			.containsEntry("makeUpDays", 0)
			.containsEntry("workingDays", 254);
		assertThat(this.calendar.isWorkingDay(day("2027-02-20"))).isFalse();
	}

	@Test
	void aClerkCannotEnterAYear() {
		ResponseEntity<Map<String, Object>> refused = Api
			.as(this.http, TestTokens.user("clerk1", Groups.HPF_ACCEPTANCE_CLERK))
			.exchange(HttpMethod.PUT, "/api/sla/calendar/2027", TestCalendars.entry2027(true), null);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(refused.getBody()).containsEntry("type", "/problems/forbidden");
		assertNothingOf2027Saved();
	}

	@Test
	@DisplayName("调休上班日填在星期三：整条录入被拒绝，并指明出错的行")
	void aMakeUpDayOnAWednesdayIsRefusedByItsLineAndNothingOfTheYearIsSaved() {
		Map<String, Object> entry = Map.of("source", TestCalendars.TEST_SOURCE_2027, "days",
				List.of(line("2027-01-01", "OFF", "元旦"), line("2027-01-06", "MAKEUP", "元旦"),
						line("2027-02-05", "OFF", "春节")));

		ResponseEntity<Map<String, Object>> refused = admin().exchange(HttpMethod.PUT, "/api/sla/calendar/2027", entry,
				null);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody()).containsEntry("type", "/problems/invalid-calendar")
			.containsEntry("title", "工作日历录入有误");
		assertThat((String) refused.getBody().get("detail")).startsWith("请更正以下内容后重新提交，2027 年的工作日历未作任何修改：")
			.contains("第 2 行（2027-01-06 调休上班日 元旦）：调休上班日 2027-01-06 是星期三，调休上班日只能是星期六或星期日。")
			.endsWith("Nothing of 2027 was saved.");
		assertThat(refused.getBody().get("errors")).asList()
			.singleElement()
			.asInstanceOf(MAP)
			.containsEntry("field", "days[1].kind");
		assertNothingOf2027Saved();
	}

	@Test
	void aRefusedReplacementLeavesTheYearAsItWas() {
		List<CalendarDay> before = this.calendar.year(2026).orElseThrow().days();

		// what the access matrix sends: an empty body
		ResponseEntity<Map<String, Object>> empty = admin().exchange(HttpMethod.PUT, "/api/sla/calendar/2026", Map.of(),
				null);
		ResponseEntity<Map<String, Object>> outside = admin().exchange(HttpMethod.PUT, "/api/sla/calendar/2026",
				Map.of("source", "x", "days", List.of(line("2027-01-01", "OFF", "元旦"))), null);

		assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) empty.getBody().get("detail")).contains("请填写依据").contains("没有录入任何日期");
		assertThat(outside.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) outside.getBody().get("detail")).contains("第 1 行（2027-01-01 放假日 元旦）：日期 2027-01-01 不在 2026 年内。");
		assertThat(this.calendar.year(2026).orElseThrow().days()).isEqualTo(before);
		assertThat(this.calendar.year(2026).orElseThrow().enteredBy()).isEqualTo("system");
	}

	@Test
	@DisplayName("查看未录入的年份：404，并提示管理员录入")
	void readingAMissingYearIsNotFoundWithWhatToDo() {
		ResponseEntity<Map<String, Object>> missing = Api
			.as(this.http, TestTokens.user("reviewer1", Groups.HPF_FIRST_REVIEWER))
			.get("/api/sla/calendar/2027");

		assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(missing.getBody()).containsEntry("type", "/problems/calendar-year-not-entered");
		assertThat((String) missing.getBody().get("detail"))
			.startsWith("2027 年的法定节假日和调休安排尚未录入工作日历。请系统管理员按国务院办公厅关于 2027 年部分节假日安排的通知录入");
	}

	private void assertNothingOf2027Saved() {
		assertThat(this.jdbc.sql("select count(*) from calendar_year where year = 2027").query(Integer.class).single())
			.isZero();
		assertThat(this.jdbc.sql("select count(*) from calendar_day where extract(year from day) = 2027")
			.query(Integer.class)
			.single()).isZero();
		assertThat(admin().get("/api/sla/calendar/2027").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThatThrownBy(() -> this.calendar.isWorkingDay(day("2027-01-04"))).isInstanceOf(CalendarYearMissing.class);
	}

	private Api admin() {
		return Api.as(this.http, TestTokens.user("admin1", Groups.SYSTEM_ADMIN));
	}

	private int workingDaysIn(int year) {
		int working = 0;
		for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
			if (this.calendar.isWorkingDay(d)) {
				working++;
			}
		}
		return working;
	}

}
