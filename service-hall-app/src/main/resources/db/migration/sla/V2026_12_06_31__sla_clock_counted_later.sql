-- A clock that stops while the working-day calendar lacks a year it ran through cannot be counted against its limit
-- yet: it is stopped without an outcome, and counted (MET or BREACHED, with its elapsed time and due time) by the
-- escalation run once an administrator has entered the year. Only then does the dashboard count it.
do $$
declare
    stopped_means_outcome text;
begin
    select conname into strict stopped_means_outcome from pg_constraint
     where conrelid = 'sla_clock'::regclass and contype = 'c'
       and pg_get_constraintdef(oid) like '%(stopped_at IS NULL) = (outcome IS NULL)%';
    execute format('alter table sla_clock drop constraint %I', stopped_means_outcome);
end $$;
alter table sla_clock add constraint sla_clock_outcome_when_stopped check (outcome is null or stopped_at is not null);

-- The limit as configured when the clock started, in its unit (2 working hours, 15 days): a limit in working days that
-- ran into a missing year is counted again from it once the year is entered. Null for clocks started before.
alter table sla_clock add column limit_amount integer check (limit_amount >= 0);

create index sla_clock_uncounted on sla_clock (id) where stopped_at is not null and outcome is null;

-- counted when it gets its outcome: at the stop, or later (the function itself skips CANCELLED)
drop trigger sla_clock_stopped_counted on sla_clock;
create trigger sla_clock_stopped_counted after update of outcome on sla_clock
    for each row when (old.outcome is null and new.outcome is not null)
    execute function sla_count_stopped_clock();
drop trigger sla_clock_inserted_stopped_counted on sla_clock;
create trigger sla_clock_inserted_stopped_counted after insert on sla_clock
    for each row when (new.outcome is not null)
    execute function sla_count_stopped_clock();
