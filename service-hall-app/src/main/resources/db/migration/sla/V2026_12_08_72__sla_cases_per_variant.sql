-- The dashboard's cases per day, branch and service also per the service's variant (a withdrawal's type): the
-- rollup keeps it ('' for none, so that it can be part of the key), the triggers and the rebuild count it. The
-- figures per service are the sums over its variants, so they do not change.
alter table sla_case_day add column service_variant text not null default '';
alter table sla_case_day drop constraint sla_case_day_pkey;
alter table sla_case_day add primary key (day, branch, service_type, service_variant);

create or replace function sla_count_case_in() returns trigger language plpgsql as $$
begin
    insert into sla_case_day as r (day, branch, service_type, service_variant, cases_in, online_in)
    values (sla_local_day(new.submitted_at), new.branch, new.service_type, coalesce(new.service_variant, ''), 1,
            case when new.channel = 'ONLINE' then 1 else 0 end)
    on conflict (day, branch, service_type, service_variant)
        do update set cases_in = r.cases_in + 1, online_in = r.online_in + excluded.online_in;
    return null;
end $$;

create or replace function sla_count_case_out() returns trigger language plpgsql as $$
declare
    v_completed integer := case when new.status = 'COMPLETED' then 1 else 0 end;
    v_one_visit integer := 0;
begin
    if v_completed = 1 and (select count(*) from intake_visit v where v.case_no = new.case_no) <= 1 then
        v_one_visit := 1;
    end if;
    insert into sla_case_day as r (day, branch, service_type, service_variant, cases_out, completed,
                                   completed_one_visit)
    values (sla_local_day(new.closed_at), new.branch, new.service_type, coalesce(new.service_variant, ''), 1,
            v_completed, v_one_visit)
    on conflict (day, branch, service_type, service_variant)
        do update set cases_out = r.cases_out + 1, completed = r.completed + excluded.completed,
                      completed_one_visit = r.completed_one_visit + excluded.completed_one_visit;
    return null;
end $$;

create or replace function sla_dashboard_rebuild() returns void language plpgsql as $$
begin
    delete from sla_case_day;
    delete from sla_stage_day;
    delete from sla_stage_histogram;

    insert into sla_case_day (day, branch, service_type, service_variant, cases_in, online_in, cases_out, completed,
                              completed_one_visit)
    select day, branch, service_type, service_variant, sum(cases_in), sum(online_in), sum(cases_out),
           sum(completed), sum(one_visit)
      from (select sla_local_day(submitted_at) as day, branch, service_type,
                   coalesce(service_variant, '') as service_variant, 1 as cases_in,
                   case when channel = 'ONLINE' then 1 else 0 end as online_in,
                   0 as cases_out, 0 as completed, 0 as one_visit
              from intake_case
            union all
            select sla_local_day(c.closed_at), c.branch, c.service_type, coalesce(c.service_variant, ''), 0, 0, 1,
                   case when c.status = 'COMPLETED' then 1 else 0 end,
                   case when c.status = 'COMPLETED' and coalesce(v.visits, 0) <= 1 then 1 else 0 end
              from intake_case c
              left join (select case_no, count(*) as visits from intake_visit group by case_no) v
                     on v.case_no = c.case_no
             where c.closed_at is not null) counted
     group by day, branch, service_type, service_variant;

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

-- the rollups again, with the withdrawals' types (V2026_12_08_71 recorded those of earlier withdrawals)
select sla_dashboard_rebuild();
