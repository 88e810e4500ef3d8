-- Running numbers for documents (notices, contracts, IOUs): per prefix and period, drawn in the database so that
-- several hall nodes never hand out the same number.
create table platform_number_counter (
    prefix     text    not null,
    period     text    not null,   -- e.g. 2026
    last_value integer not null,
    primary key (prefix, period)
);
