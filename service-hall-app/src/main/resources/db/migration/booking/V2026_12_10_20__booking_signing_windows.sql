-- 窗口: each counter (窗口) of a branch, numbered from 1, and whether it signs appointments (面签). A slot seats one
-- appointment per window open for signing, so the branch's own seats per slot go; the other windows serve walk-ins.
-- The branches keep their seats: the last windows sign (HQ 6–8, JF and SY 2–3, ZZ 2), as assumed until the centre
-- enters its own.
create table booking_window (
    branch    text    not null references booking_branch (code),
    window_no int     not null check (window_no between 1 and 99),
    signing   boolean not null default false,
    primary key (branch, window_no)
);

insert into booking_window (branch, window_no, signing)
select b.code, n, n > b.windows - b.capacity_per_slot
  from booking_branch b cross join lateral generate_series(1, b.windows) as n;

alter table booking_branch drop column windows;
alter table booking_branch drop column capacity_per_slot;

-- the window the booking's queue number was called to (叫号), empty until then
alter table booking add column window_no int check (window_no between 1 and 99);
