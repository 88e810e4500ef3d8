-- The working-day calendar is its own module (calendar) since issue 11: its tables take the module's prefix, like
-- every other table. Renamed in place, with their rows, keys and checks; nothing else refers to them.
alter table sla_calendar_year rename to calendar_year;
alter table calendar_year rename constraint sla_calendar_year_pkey to calendar_year_pkey;
alter table calendar_year rename constraint sla_calendar_year_range to calendar_year_range;
alter table calendar_year rename constraint sla_calendar_year_source to calendar_year_source;
alter table calendar_year rename constraint sla_calendar_year_entered_by to calendar_year_entered_by;

alter table sla_calendar_day rename to calendar_day;
alter table calendar_day rename constraint sla_calendar_day_pkey to calendar_day_pkey;
alter table calendar_day rename constraint sla_calendar_day_year_fkey to calendar_day_year_fkey;
alter table calendar_day rename constraint sla_calendar_day_kind to calendar_day_kind;
alter table calendar_day rename constraint sla_calendar_day_in_year to calendar_day_in_year;
alter table calendar_day rename constraint sla_calendar_day_makeup_on_weekend to calendar_day_makeup_on_weekend;
alter table calendar_day rename constraint sla_calendar_day_name to calendar_day_name;
