package cn.example.servicehall.sla.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.example.servicehall.intake.IntakeSettings;
import cn.example.servicehall.intake.ServiceType;
import cn.example.servicehall.calendar.OfficePeriod;
import cn.example.servicehall.sla.SlaLimits;
import cn.example.servicehall.calendar.WorkingCalendar;

/**
 * 历史办件生成器: fills the hall's database with historic cases for the managers' dashboard to be tried and measured
 * on (docs/benchmarks.md): cases submitted on the working days of a period at every branch, withdrawals, resale and
 * new-house loans in the proportions of a city centre, their visits to the counters, and a clock for every stage of
 * each (the steps of the deployed models and the configured spans, with their limits), most within their limits,
 * some not. Cases of the last days are still open, some of their clocks running.
 * <p>
 * It is bulk SQL, deterministic for a seed (every draw is a hash of the seed and the row, not a sequence), and marks
 * what it wrote: {@code submitted_by = 'history-generator'}, case numbers from 50001 of each day. Running it again
 * replaces what it wrote before and nothing else. It does not replay the working-day arithmetic: a clock's turnaround
 * is drawn in working minutes against its limit, and its start and stop are placed plausibly within the case.
 */
@Component
public class HistoryGenerator {

	/** Who the generated cases were submitted by. */
	public static final String GENERATOR = "history-generator";

	private static final Logger log = LoggerFactory.getLogger(HistoryGenerator.class);

	private static final Map<ServiceType, String> MODELS = Map.of(ServiceType.RESALE_LOAN, "ResaleLoanProcess",
			ServiceType.NEW_HOUSE_LOAN, "NewHouseLoanProcess");

	private final JdbcClient jdbc;

	private final WorkingCalendar calendar;

	private final SlaLimits limits;

	private final IntakeSettings intake;

	private final RepositoryService repository;

	private final Clock clock;

	HistoryGenerator(JdbcClient jdbc, WorkingCalendar calendar, SlaLimits limits, IntakeSettings intake,
			RepositoryService repository, Clock clock) {
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.limits = limits;
		this.intake = intake;
		this.repository = repository;
		this.clock = clock;
	}

	/**
	 * What to generate.
	 * @param cases how many cases
	 * @param from the first day cases are submitted
	 * @param to the last day; cases not finished by the end of it stay open
	 * @param seed the seed of every draw
	 * @param triggers keep the dashboard's triggers on (slow for millions; for small sets that test them); else
	 * rebuild the rollups once at the end
	 */
	public record Plan(int cases, LocalDate from, LocalDate to, long seed, boolean triggers) {

		public Plan {
			if (cases < 1) {
				throw new IllegalArgumentException("Generate at least one case");
			}
			if (from.isAfter(to)) {
				throw new IllegalArgumentException("The first day " + from + " is after the last " + to);
			}
		}

	}

	/** What was generated. */
	public record Generated(int cases, long clocks, long visits, Duration took) {
	}

	/** Replaces the generated history with a new one, in one transaction. */
	@Transactional
	public Generated generate(Plan plan) {
		long started = System.nanoTime();
		List<LocalDate> days = new ArrayList<>();
		for (LocalDate day = plan.from(); !day.isAfter(plan.to()); day = day.plusDays(1)) {
			if (this.calendar.isWorkingDay(day)) { // a year without calendar data stops it here, with the year named
				days.add(day);
			}
		}
		if (days.isEmpty()) {
			throw new IllegalArgumentException("No working day from " + plan.from() + " to " + plan.to());
		}
		deleteGenerated();
		if (!plan.triggers()) {
			triggers(false);
		}
		defineStages();
		generateCases(plan, days);
		long clocks = generateClocks(plan);
		long visits = generateVisits();
		if (plan.triggers()) {
			closeCases();
		}
		recordDefinitions();
		if (!plan.triggers()) {
			triggers(true);
			this.jdbc.sql("select sla_dashboard_rebuild()").query(Object.class).list();
		}
		Generated generated = new Generated(plan.cases(), clocks, visits,
				Duration.ofNanos(System.nanoTime() - started));
		log.info("Generated {} historic cases from {} to {} (seed {}): {} clocks, {} visits in {}", plan.cases(),
				plan.from(), plan.to(), plan.seed(), clocks, visits, generated.took());
		return generated;
	}

	/** Removes everything the generator wrote. */
	@Transactional
	public int deleteGenerated() {
		String generated = "select case_no from intake_case where submitted_by = '" + GENERATOR + "'";
		this.jdbc.sql("delete from sla_notification where case_no in (" + generated + ")").update();
		this.jdbc.sql("delete from sla_event where case_no in (" + generated + ")").update();
		this.jdbc.sql("delete from sla_clock where case_no in (" + generated + ")").update();
		this.jdbc.sql("delete from intake_visit where case_no in (" + generated + ")").update();
		this.jdbc.sql("delete from intake_case_event where case_no in (" + generated + ")").update();
		int deleted = this.jdbc.sql("delete from intake_case where submitted_by = '" + GENERATOR + "'").update();
		if (deleted > 0) {
			this.jdbc.sql("select sla_dashboard_rebuild()").query(Object.class).list();
			log.info("Deleted {} generated cases", deleted);
		}
		return deleted;
	}

	private void triggers(boolean on) {
		String verb = on ? "enable" : "disable";
		this.jdbc.sql("alter table intake_case " + verb + " trigger intake_case_counted_in").update();
		this.jdbc.sql("alter table intake_case " + verb + " trigger intake_case_closed_counted").update();
		this.jdbc.sql("alter table intake_case " + verb + " trigger intake_case_inserted_closed_counted").update();
		this.jdbc.sql("alter table sla_clock " + verb + " trigger sla_clock_stopped_counted").update();
		this.jdbc.sql("alter table sla_clock " + verb + " trigger sla_clock_inserted_stopped_counted").update();
	}

	/** The stages of each service, in the order a case meets them: the model's steps, then the spans. */
	private void defineStages() {
		this.jdbc.sql("""
				create temp table gen_stage (
				    service text, position integer, stages integer, definition_id text, name text, kind text,
				    agency text, unit text, base_minutes integer, spread_minutes integer, resolution integer,
				    limit_amount integer
				) on commit drop""").update();
		int officeDay = (int) this.calendar.officeDay().toMinutes();
		for (ServiceType service : List.of(ServiceType.WITHDRAWAL, ServiceType.RESALE_LOAN, ServiceType.NEW_HOUSE_LOAN)) {
			List<Object[]> stages = new ArrayList<>();
			String model = MODELS.get(service);
			if (model != null) {
				ProcessDefinition definition = this.repository.createProcessDefinitionQuery()
					.processDefinitionKey(model)
					.latestVersion()
					.singleResult();
				if (definition != null) {
					for (UserTask task : this.repository.getBpmnModelInstance(definition.getId())
						.getModelElementsByType(UserTask.class)) {
						SlaLimits.StepLimit configured = this.limits.step(model, task.getId());
						SlaLimits.Step step = configured.step();
						stages.add(stage("step:" + configured.id(), task.getName() != null ? task.getName() : task.getId(),
								"STEP", step.agency().name(), step.unit(), step.limit(), officeDay));
					}
				}
			}
			for (SlaLimits.Span span : this.limits.spans()) {
				if (span.holdsFor(service)) {
					stages.add(stage(span.id(), span.name(), "SPAN", span.agency().name(), span.unit(), span.limit(),
							officeDay));
				}
			}
			for (int i = 0; i < stages.size(); i++) {
				Object[] s = stages.get(i);
				this.jdbc.sql("insert into gen_stage values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
					.params(service.name(), i + 1, stages.size(), s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8])
					.update();
			}
		}
	}

	/** id, name, kind, agency, unit, base minutes, spread minutes (a day's limit depends on the start), resolution, limit. */
	private static Object[] stage(String id, String name, String kind, String agency, SlaLimits.Unit unit, int limit,
			int officeDay) {
		int base;
		int spread;
		switch (unit) {
			case WORKING_MINUTES -> {
				base = limit;
				spread = 0;
			}
			case WORKING_HOURS -> {
				base = limit * 60;
				spread = 0;
			}
			case WORKING_DAYS -> {
				base = limit * officeDay;
				spread = officeDay;
			}
			default -> {
				base = limit * 1440;
				spread = 1440;
			}
		}
		return new Object[] { id, name, kind, agency, unit.name(), base, spread,
				unit.resolutionMinutes(Duration.ofMinutes(officeDay)), limit };
	}

	private void generateCases(Plan plan, List<LocalDate> days) {
		StringJoiner dayList = new StringJoiner(",");
		days.forEach(d -> dayList.add(d.toString()));
		List<String> branches = this.intake.codes(); // the first, this node's, takes most
		List<OfficePeriod> periods = this.calendar.officeHours().periods();
		OfficePeriod first = periods.get(0);
		OfficePeriod last = periods.get(periods.size() - 1);
		OffsetDateTime cutoff = plan.to().plusDays(1).atStartOfDay(this.calendar.zone()).toOffsetDateTime();

		// u(n, salt): a uniform draw in (0, 1), a hash of the seed, the row and the salt
		this.jdbc.sql("""
				create or replace function pg_temp.u(n bigint, salt integer, seed bigint) returns float8 language sql immutable as
				$$ select ((hashint8extended(n * 64 + salt, seed) & 2147483647) + 0.5) / 2147483648.0 $$""").update();
		this.jdbc.sql("""
				create or replace function pg_temp.id_check(s text) returns text language sql immutable as
				$$ select substr('10X98765432', (sum(substr(s, i, 1)::integer
				            * (array[7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2])[i]) % 11)::integer + 1, 1)
				     from generate_series(1, 17) i $$""").update();
		this.jdbc.sql("""
				create temp table gen_case on commit drop as
				with drawn as (
				    select g as n, d.day,
				           case when pg_temp.u(g, 1, :seed) < 0.62 then 'WITHDRAWAL'
				                when pg_temp.u(g, 1, :seed) < 0.90 then 'RESALE_LOAN' else 'NEW_HOUSE_LOAN' end as service,
				           (string_to_array(:branches, ','))[1 + floor(power(pg_temp.u(g, 2, :seed), 1.6) * :branchCount)::integer]
				               as branch,
				           floor(pg_temp.u(g, 3, :seed) * (:firstLength + :lastLength))::integer as office_minute,
				           pg_temp.u(g, 4, :seed) as u_channel, pg_temp.u(g, 5, :seed) as u_length,
				           pg_temp.u(g, 6, :seed) as u_outcome, pg_temp.u(g, 7, :seed) as u_visits
				      from generate_series(1, :cases) g
				      join (select row_number() over (order by d) as i, d as day
				              from unnest(string_to_array(:days, ',')::date[]) d) d
				        on d.i = ((g - 1)::bigint * :dayCount / :cases) + 1
				), placed as (
				    select *,
				           case when service = 'WITHDRAWAL' and u_channel < 0.55 then 'ONLINE'
				                when service = 'NEW_HOUSE_LOAN' then 'ONLINE' else 'WINDOW' end as channel,
				           ((day + make_interval(mins => case when office_minute < :firstLength
				                                            then :firstOpens + office_minute
				                                            else :lastOpens + office_minute - :firstLength end))
				               at time zone :zone) as submitted_at
				      from drawn
				), timed as (
				    select *,
				           case when service = 'WITHDRAWAL' then make_interval(mins => 4 + floor(u_length * u_length * 40)::integer)
				                else make_interval(days => 6 + floor(u_length * 20)::integer, mins => floor(u_length * 300)::integer)
				           end as planned
				      from placed
				)
				select t.*,
				       (case when service = 'WITHDRAWAL' then 'TQ' else 'DK' end) || to_char(day, 'YYYYMMDD')
				           || lpad((50000 + row_number() over (partition by day, service = 'WITHDRAWAL' order by n))::text, 5, '0')
				           as case_no,
				       submitted_at + planned > :cutoff as is_open,
				       case when submitted_at + planned > :cutoff then 'ACCEPTED'
				            when service = 'WITHDRAWAL' then case when u_outcome < 0.97 then 'COMPLETED' else 'REJECTED' end
				            when u_outcome < 0.93 then 'COMPLETED' when u_outcome < 0.97 then 'REJECTED' else 'WITHDRAWN' end
				           as status,
				       case when service = 'WITHDRAWAL' and channel = 'ONLINE' then case when u_visits < 0.95 then 0 else 1 end
				            when service = 'WITHDRAWAL' then case when u_visits < 0.97 then 1 else 2 end
				            when service = 'NEW_HOUSE_LOAN' then case when u_visits < 0.80 then 1 else 2 end
				            else case when u_visits < 0.55 + case branch when :mainBranch then 0.1 else 0 end then 1
				                      when u_visits < 0.90 then 2 else 3 end
				       end as visits
				  from timed t""")
			.param("seed", plan.seed())
			.param("cases", plan.cases())
			.param("days", dayList.toString())
			.param("dayCount", days.size())
			.param("branches", String.join(",", branches))
			.param("branchCount", branches.size())
			.param("mainBranch", this.intake.branch())
			.param("firstOpens", minuteOfDay(first.opens()))
			.param("firstLength", periods.size() == 1 ? (int) first.length().toMinutes() : (int) first.length().toMinutes())
			.param("lastOpens", minuteOfDay(last.opens()))
			.param("lastLength", periods.size() == 1 ? 0 : (int) last.length().toMinutes())
			.param("zone", this.calendar.zone().getId())
			.param("cutoff", cutoff)
			.update();
		this.jdbc.sql("""
				insert into intake_case (case_no, service_type, channel, status, applicant_name, applicant_id_no,
				                         submitted_at, submitted_by, updated_at, closed_at, branch)
				select case_no, service, channel, status,
				       (array['王','李','张','刘','陈','杨','黄','赵','吴','周','徐','孙','马','朱','胡','郭','何','高','林','罗'])
				           [1 + (n % 20)]
				       || (array['伟','芳','娜','秀英','敏','静','丽','强','磊','军','洋','勇','艳','杰','娟','涛','明','超','秀兰','霞'])
				           [1 + ((n / 20) % 20)],
				       id17 || pg_temp.id_check(id17),
				       submitted_at, :generator, case when is_open then submitted_at else submitted_at + planned end,
				       case when is_open or :closeLater then null else submitted_at + planned end, branch
				  from (select *, (array['410802','410803','410811','410821','410882','410883'])[1 + (n % 6)]
				               || to_char(date '1966-01-01' + (n::bigint * 7919 % 12400)::integer, 'YYYYMMDD')
				               || lpad((n % 1000)::text, 3, '0') as id17
				          from gen_case) c""")
			.param("generator", GENERATOR)
			.param("closeLater", plan.triggers())
			.update();
	}

	/**
	 * With the triggers on, the cases close only now, after their visits: as in the hall, the trigger counts a case's
	 * visits when it closes.
	 */
	private void closeCases() {
		this.jdbc.sql("""
				update intake_case c set closed_at = g.submitted_at + g.planned
				  from gen_case g
				 where c.case_no = g.case_no and not g.is_open""").update();
	}

	private static int minuteOfDay(LocalTime time) {
		return time.getHour() * 60 + time.getMinute();
	}

	/**
	 * A clock per stage the case has reached: the case's time shared out in order among its stages, each clock's
	 * turnaround drawn around 40 % of its limit (some branches and the registry slower), a few past it.
	 */
	private long generateClocks(Plan plan) {
		OffsetDateTime cutoff = plan.to().plusDays(1).atStartOfDay(this.calendar.zone()).toOffsetDateTime();
		this.jdbc.sql("""
				create temp table gen_clock on commit drop as
				select c.case_no, c.branch, c.status, c.is_open, s.*,
				       c.submitted_at + c.planned * ((s.position - 1)::float8 / s.stages) as started_at,
				       c.submitted_at + c.planned * (s.position::float8 / s.stages) as planned_stop,
				       s.base_minutes + floor(pg_temp.u(c.n * 32 + s.position, 8, :seed) * s.spread_minutes)::integer as limit_minutes,
				       case when c.service = 'WITHDRAWAL'
				            then greatest(1, extract(epoch from c.planned)::integer / 60)
				            else greatest(1, round((s.base_minutes + s.spread_minutes / 2.0) * exp(
				                   ln(0.42) + case c.branch when :mainBranch then 0 else 0.08 * (ascii(c.branch) % 4) end
				                   + case s.agency when 'REGISTRY' then 0.15 when 'BANK' then 0.05 else 0 end
				                   + 0.5 * sqrt(-2 * ln(pg_temp.u(c.n * 32 + s.position, 9, :seed)))
				                         * cos(2 * pi() * pg_temp.u(c.n * 32 + s.position, 10, :seed))))::integer)
				       end as elapsed
				  from gen_case c
				  join gen_stage s on s.service = c.service
				 where (c.status = 'COMPLETED' or c.is_open or s.position <= ceil(s.stages / 3.0))""")
			.param("seed", plan.seed())
			.param("mainBranch", this.intake.branch())
			.update();
		return this.jdbc.sql("""
				insert into sla_clock (case_no, definition_id, name, kind, agency, branch, basis, limit_minutes, unit,
				                       resolution_minutes, started_at, yellow_at, due_at, stopped_at, outcome,
				                       elapsed_minutes, escalation)
				select case_no, definition_id, name, kind, agency, branch,
				       case when unit = 'CALENDAR_DAYS' then 'CALENDAR' else 'WORKING' end, limit_minutes, unit, resolution,
				       started_at,
				       case when running then started_at + calendar_time * 0.8 end,
				       case when running then started_at + calendar_time end,
				       case when not running then planned_stop end,
				       case when running then null when elapsed <= limit_minutes then 'MET' else 'BREACHED' end,
				       case when not running then elapsed end,
				       'GREEN'
				  from (select *, planned_stop > :cutoff as running,
				               case when unit = 'CALENDAR_DAYS' then make_interval(mins => limit_minutes)
				                    when unit = 'WORKING_DAYS' then make_interval(mins => (limit_minutes * 1.4)::integer)
				                    else make_interval(mins => limit_minutes) end as calendar_time
				          from gen_clock
				         where started_at <= :cutoff) g""")
			.param("cutoff", cutoff)
			.update();
	}

	/** Each case's visits to a counter: at submission for the window's cases, then spread over the case. */
	private long generateVisits() {
		return this.jdbc.sql("""
				insert into intake_visit (case_no, visited_at, branch, purpose, recorded_by)
				select c.case_no,
				       c.submitted_at + c.planned * ((j - case when c.channel = 'WINDOW' then 1 else 0 end)::float8
				                                     / (c.visits + 1)),
				       c.branch,
				       case when j = 1 and c.channel = 'WINDOW' then 'SUBMISSION'
				            when c.service = 'WITHDRAWAL' then 'ENQUIRY'
				            when j = c.visits then 'SIGNING' else 'SUPPLEMENT' end,
				       :generator
				  from gen_case c
				  cross join lateral generate_series(1, case when c.is_open then least(c.visits, 1) else c.visits end) j""")
			.param("generator", GENERATOR)
			.update();
	}

	private void recordDefinitions() {
		this.jdbc.sql("""
				insert into sla_definition (definition_id, name, kind, agency, unit, limit_amount, updated_at)
				select distinct on (definition_id) definition_id, name, kind, agency, unit, limit_amount, :at
				  from gen_stage
				 order by definition_id
				on conflict (definition_id) do nothing""")
			.param("at", OffsetDateTime.now(this.clock))
			.update();
	}

}
