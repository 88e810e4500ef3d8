-- The managers' dashboard (管理看板) reads rollups, not the raw clocks: over a million historic cases a median over the
-- raw rows of a year would take seconds. The rollups are kept by triggers as cases open and close and clocks stop, and
-- can be rebuilt from the raw tables at any time (sla_dashboard_rebuild()). Days are the hall's calendar days in
-- Asia/Shanghai, the zone of the hall's clock (platform).

-- What a clock's turnaround is reported in: 0.1 working hour (6 minutes) for limits in working minutes or hours,
-- 0.1 working day (a tenth of the office day) for limits in working days, 0.1 day (144 minutes) for calendar days.
-- Percentiles are exact at that resolution: a turnaround is counted in the tenth it ends in (rounded up).
alter table sla_clock add column unit text not null default 'WORKING_HOURS'
    check (unit in ('WORKING_MINUTES', 'WORKING_HOURS', 'WORKING_DAYS', 'CALENDAR_DAYS'));
alter table sla_clock add column resolution_minutes integer not null default 6 check (resolution_minutes > 0);
update sla_clock set unit = case when basis = 'CALENDAR' then 'CALENDAR_DAYS'
                                 when limit_minutes >= 450 then 'WORKING_DAYS' else 'WORKING_HOURS' end,
                     resolution_minutes = case when basis = 'CALENDAR' then 144
                                               when limit_minutes >= 450 then 45 else 6 end;
alter table sla_clock alter column unit drop default;
alter table sla_clock alter column resolution_minutes drop default;

-- Each stage clocks have run for, as it was last configured: its name, whose, and its limit, for the dashboard's
-- table (kept by SlaClocks as clocks start, and by the history generator).
create table sla_definition (
    definition_id text        primary key,
    name          text        not null,
    kind          text        not null check (kind in ('STEP', 'SPAN')),
    agency        text        not null,
    unit          text        not null,
    limit_amount  integer     not null,
    updated_at    timestamptz not null
);

insert into sla_definition (definition_id, name, kind, agency, unit, limit_amount, updated_at)
select distinct on (definition_id) definition_id, name, kind, agency, unit,
       case unit when 'WORKING_HOURS' then limit_minutes / 60 when 'WORKING_DAYS' then limit_minutes / 450
                 when 'CALENDAR_DAYS' then limit_minutes / 1440 else limit_minutes end, now()
  from sla_clock
 order by definition_id, started_at desc;

-- Cases per day and branch and service: in (submitted), of which online (离柜), out (closed), of which completed, and
-- of those completed with at most one visit to a counter (最多跑一次), counted when the case closes.
create table sla_case_day (
    day                 date    not null,
    branch              text    not null,
    service_type        text    not null,
    cases_in            integer not null default 0,
    online_in           integer not null default 0,
    cases_out           integer not null default 0,
    completed           integer not null default 0,
    completed_one_visit integer not null default 0,
    primary key (day, branch, service_type)
);

-- Clocks stopped per day, branch and definition, met or breached (cancelled ones are not turnaround).
create table sla_stage_day (
    day           date    not null,
    branch        text    not null,
    definition_id text    not null,
    clocks        integer not null default 0,
    met           integer not null default 0,
    primary key (day, branch, definition_id)
);

-- How many stopped clocks took how long, in tenths of the clock's unit (bucket = ceil(elapsed / resolution)): per day
-- (grain 'D') and per month (grain 'M', period = its first day), so that a year is read as twelve months.
create table sla_stage_histogram (
    grain         char(1) not null check (grain in ('D', 'M')),
    period        date    not null,
    branch        text    not null,
    definition_id text    not null,
    bucket        integer not null,
    clocks        integer not null default 0,
    primary key (grain, period, branch, definition_id, bucket)
);

create function sla_local_day(t timestamptz) returns date language sql immutable as
$$ select (t at time zone 'Asia/Shanghai')::date $$;

create function sla_bucket(elapsed integer, resolution integer) returns integer language sql immutable as
$$ select (elapsed + resolution - 1) / resolution $$;

create function sla_count_stopped_clock() returns trigger language plpgsql as $$
declare
    d date := sla_local_day(new.stopped_at);
    b integer := sla_bucket(new.elapsed_minutes, new.resolution_minutes);
begin
    if new.outcome not in ('MET', 'BREACHED') then
        return null;
    end if;
    insert into sla_stage_day as r (day, branch, definition_id, clocks, met)
    values (d, new.branch, new.definition_id, 1, case when new.outcome = 'MET' then 1 else 0 end)
    on conflict (day, branch, definition_id)
        do update set clocks = r.clocks + 1, met = r.met + excluded.met;
    insert into sla_stage_histogram as r (grain, period, branch, definition_id, bucket, clocks)
    values ('D', d, new.branch, new.definition_id, b, 1),
           ('M', date_trunc('month', d)::date, new.branch, new.definition_id, b, 1)
    on conflict (grain, period, branch, definition_id, bucket) do update set clocks = r.clocks + 1;
    return null;
end $$;

create trigger sla_clock_stopped_counted after update of stopped_at on sla_clock
    for each row when (old.stopped_at is null and new.stopped_at is not null)
    execute function sla_count_stopped_clock();
create trigger sla_clock_inserted_stopped_counted after insert on sla_clock
    for each row when (new.stopped_at is not null)
    execute function sla_count_stopped_clock();

create function sla_count_case_in() returns trigger language plpgsql as $$
begin
    insert into sla_case_day as r (day, branch, service_type, cases_in, online_in)
    values (sla_local_day(new.submitted_at), new.branch, new.service_type, 1,
            case when new.channel = 'ONLINE' then 1 else 0 end)
    on conflict (day, branch, service_type)
        do update set cases_in = r.cases_in + 1, online_in = r.online_in + excluded.online_in;
    return null;
end $$;

create function sla_count_case_out() returns trigger language plpgsql as $$
declare
    v_completed integer := case when new.status = 'COMPLETED' then 1 else 0 end;
    v_one_visit integer := 0;
begin
    if v_completed = 1 and (select count(*) from intake_visit v where v.case_no = new.case_no) <= 1 then
        v_one_visit := 1;
    end if;
    insert into sla_case_day as r (day, branch, service_type, cases_out, completed, completed_one_visit)
    values (sla_local_day(new.closed_at), new.branch, new.service_type, 1, v_completed, v_one_visit)
    on conflict (day, branch, service_type)
        do update set cases_out = r.cases_out + 1, completed = r.completed + excluded.completed,
                      completed_one_visit = r.completed_one_visit + excluded.completed_one_visit;
    return null;
end $$;

create trigger intake_case_counted_in after insert on intake_case
    for each row execute function sla_count_case_in();
create trigger intake_case_closed_counted after update of closed_at on intake_case
    for each row when (old.closed_at is null and new.closed_at is not null)
    execute function sla_count_case_out();
create trigger intake_case_inserted_closed_counted after insert on intake_case
    for each row when (new.closed_at is not null)
    execute function sla_count_case_out();

-- The rollups again from the raw tables, in bulk: after a bulk load with the triggers off (the history generator), or
-- to check them. What the triggers would have counted, case by case.
create function sla_dashboard_rebuild() returns void language plpgsql as $$
begin
    delete from sla_case_day;
    delete from sla_stage_day;
    delete from sla_stage_histogram;

    insert into sla_case_day (day, branch, service_type, cases_in, online_in, cases_out, completed, completed_one_visit)
    select day, branch, service_type, sum(cases_in), sum(online_in), sum(cases_out), sum(completed), sum(one_visit)
      from (select sla_local_day(submitted_at) as day, branch, service_type, 1 as cases_in,
                   case when channel = 'ONLINE' then 1 else 0 end as online_in,
                   0 as cases_out, 0 as completed, 0 as one_visit
              from intake_case
            union all
            select sla_local_day(c.closed_at), c.branch, c.service_type, 0, 0, 1,
                   case when c.status = 'COMPLETED' then 1 else 0 end,
                   case when c.status = 'COMPLETED' and coalesce(v.visits, 0) <= 1 then 1 else 0 end
              from intake_case c
              left join (select case_no, count(*) as visits from intake_visit group by case_no) v
                     on v.case_no = c.case_no
             where c.closed_at is not null) counted
     group by day, branch, service_type;

    insert into sla_stage_day (day, branch, definition_id, clocks, met)
    select sla_local_day(stopped_at), branch, definition_id, count(*), count(*) filter (where outcome = 'MET')
      from sla_clock
     where outcome in ('MET', 'BREACHED')
     group by 1, 2, 3;

    insert into sla_stage_histogram (grain, period, branch, definition_id, bucket, clocks)
    select 'D', sla_local_day(stopped_at), branch, definition_id,
           sla_bucket(elapsed_minutes, resolution_minutes), count(*)
      from sla_clock
     where outcome in ('MET', 'BREACHED')
     group by 2, 3, 4, 5;

    insert into sla_stage_histogram (grain, period, branch, definition_id, bucket, clocks)
    select 'M', date_trunc('month', period)::date, branch, definition_id, bucket, sum(clocks)
      from sla_stage_histogram
     where grain = 'D'
     group by 2, 3, 4, 5;
end $$;

select sla_dashboard_rebuild();

-- the live list: open clocks that are running (not suspended), by their yellow point
create index sla_clock_running on sla_clock (yellow_at) where stopped_at is null and not paused and not excluded;
-- the generated history is found by who submitted it
create index intake_case_submitted_by on intake_case (submitted_by) where submitted_by = 'history-generator';
