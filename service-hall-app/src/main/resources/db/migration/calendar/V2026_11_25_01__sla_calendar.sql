-- 工作日历: the working-day calendar time limits are measured in (domain.md §9). A day is a working day if it is a
-- make-up working day (调休上班, a Saturday or Sunday), or Monday to Friday and not an off day (放假). China publishes
-- each year's arrangement in a State Council notice (国务院办公厅关于 XXXX 年部分节假日安排的通知), usually in
-- November of the year before, so the calendar is data entered per year, never a rule in code. A year without a row
-- here has no data: the hall refuses to compute in it (sla.CalendarYearMissing) rather than guess from weekdays.

-- One row per year entered, with the notice it was entered from.
create table sla_calendar_year (
    year        integer     primary key,
    source      text        not null,   -- the State Council notice: title (and document number) and URL
    entered_by  text        not null,   -- user id of the administrator; 'system' for the years seeded here
    entered_at  timestamptz not null,
    constraint sla_calendar_year_range check (year between 2000 and 2100),
    constraint sla_calendar_year_source check (btrim(source) <> ''),
    constraint sla_calendar_year_entered_by check (btrim(entered_by) <> '')
);

-- The year's exceptions to the weekday rule: off days (OFF, also those on a weekend inside a holiday) and make-up
-- working days (MAKEUP). Every other day follows the weekday. A year's days are replaced as a whole.
create table sla_calendar_day (
    day   date    primary key,          -- one kind per day: an off day cannot also be a make-up day
    year  integer not null references sla_calendar_year on delete cascade,
    kind  text    not null,
    name  text    not null,             -- the holiday: 元旦, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节…
    constraint sla_calendar_day_kind check (kind in ('OFF', 'MAKEUP')),
    constraint sla_calendar_day_in_year check (extract(year from day) = year),
    -- a make-up working day replaces a weekend day; Monday to Friday are working days anyway
    constraint sla_calendar_day_makeup_on_weekend check (kind <> 'MAKEUP' or extract(isodow from day) in (6, 7)),
    constraint sla_calendar_day_name check (btrim(name) <> '')
);

create index sla_calendar_day_year on sla_calendar_day (year);

-- 2025 (domain.md §9.1): 28 off days, 5 make-up days. From 2025 除夕 and 5月2日 are statutory holidays too.
insert into sla_calendar_year values
(2025, '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号） https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm',
 'system', now());

insert into sla_calendar_day (day, year, kind, name)
select d::date, 2025, 'OFF', h.name
from (values (date '2025-01-01', date '2025-01-01', '元旦'),
             (date '2025-01-28', date '2025-02-04', '春节'),          -- 除夕 (Tue) to 正月初七, 8 days
             (date '2025-04-04', date '2025-04-06', '清明节'),
             (date '2025-05-01', date '2025-05-05', '劳动节'),
             (date '2025-05-31', date '2025-06-02', '端午节'),
             (date '2025-10-01', date '2025-10-08', '国庆节、中秋节')  -- one holiday of 8 days in 2025
     ) as h (first_day, last_day, name),
     generate_series(h.first_day, h.last_day, interval '1 day') as d;

insert into sla_calendar_day (day, year, kind, name) values
(date '2025-01-26', 2025, 'MAKEUP', '春节'),          -- Sunday
(date '2025-02-08', 2025, 'MAKEUP', '春节'),          -- Saturday
(date '2025-04-27', 2025, 'MAKEUP', '劳动节'),        -- Sunday
(date '2025-09-28', 2025, 'MAKEUP', '国庆节、中秋节'),  -- Sunday
(date '2025-10-11', 2025, 'MAKEUP', '国庆节、中秋节');  -- Saturday

-- 2026 (domain.md §9.2): 33 off days, 6 make-up days. The notice is dated 2025-11-04.
insert into sla_calendar_year values
(2026, '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日） https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm',
 'system', now());

insert into sla_calendar_day (day, year, kind, name)
select d::date, 2026, 'OFF', h.name
from (values (date '2026-01-01', date '2026-01-03', '元旦'),
             (date '2026-02-15', date '2026-02-23', '春节'),          -- 腊月二十八 (Sun) to 正月初七 (Mon), 9 days
             (date '2026-04-04', date '2026-04-06', '清明节'),
             (date '2026-05-01', date '2026-05-05', '劳动节'),
             (date '2026-06-19', date '2026-06-21', '端午节'),
             (date '2026-09-25', date '2026-09-27', '中秋节'),
             (date '2026-10-01', date '2026-10-07', '国庆节')
     ) as h (first_day, last_day, name),
     generate_series(h.first_day, h.last_day, interval '1 day') as d;

insert into sla_calendar_day (day, year, kind, name) values
(date '2026-01-04', 2026, 'MAKEUP', '元旦'),    -- Sunday
(date '2026-02-14', 2026, 'MAKEUP', '春节'),    -- Saturday
(date '2026-02-28', 2026, 'MAKEUP', '春节'),    -- Saturday
(date '2026-05-09', 2026, 'MAKEUP', '劳动节'),  -- Saturday
(date '2026-09-20', 2026, 'MAKEUP', '国庆节'),  -- Sunday
(date '2026-10-10', 2026, 'MAKEUP', '国庆节');  -- Saturday

-- The seed checks itself against domain.md §9.3: the counts above, and 248 working days in each year.
do $$
declare
    expected record;
    off_days integer;
    makeup_days integer;
    working_days integer;
begin
    for expected in select * from (values (2025, 28, 5, 248), (2026, 33, 6, 248)) as e (year, off_days, makeup_days, working_days)
    loop
        select count(*) filter (where kind = 'OFF'), count(*) filter (where kind = 'MAKEUP')
        into off_days, makeup_days
        from sla_calendar_day where year = expected.year;

        select count(*) into working_days
        from generate_series(make_date(expected.year, 1, 1), make_date(expected.year, 12, 31), interval '1 day') as g (d)
        left join sla_calendar_day c on c.day = g.d::date
        where c.kind = 'MAKEUP' or (c.kind is null and extract(isodow from g.d) < 6);

        if off_days <> expected.off_days or makeup_days <> expected.makeup_days or working_days <> expected.working_days then
            raise exception 'calendar % seeded with % off, % make-up and % working days; expected %, %, %', expected.year,
                off_days, makeup_days, working_days, expected.off_days, expected.makeup_days, expected.working_days;
        end if;
    end loop;
end
$$;
