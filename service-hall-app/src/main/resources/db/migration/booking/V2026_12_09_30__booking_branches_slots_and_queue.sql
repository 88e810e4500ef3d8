-- 预约与叫号: signing appointments (预约面签) at a branch and the hall's queue (取号, 叫号).

-- 网点: where citizens are received. The codes and names are those of servicehall.intake.branches; the addresses,
-- windows, slot lengths and capacities are assumed (the centre enters its own).
create table booking_branch (
    code              text primary key,
    name              text not null,
    address           text not null,
    windows           int  not null check (windows between 1 and 99),
    slot_minutes      int  not null check (slot_minutes between 5 and 240),
    capacity_per_slot int  not null check (capacity_per_slot between 1 and 999)
);

insert into booking_branch (code, name, address, windows, slot_minutes, capacity_per_slot) values
    ('HQ', '市民之家综合服务大厅', '焦作市人民路市民之家二楼公积金区', 8, 30, 3),
    ('JF', '解放区管理部', '焦作市解放区（地址待中心录入）', 3, 30, 2),
    ('SY', '山阳区管理部', '焦作市山阳区（地址待中心录入）', 3, 30, 2),
    ('ZZ', '中站区管理部', '焦作市中站区（地址待中心录入）', 2, 30, 1);

-- One row per slot someone booked: its seats (capacity, copied from the branch when the slot is first booked) and how
-- many are taken. Booking takes a seat by "update ... set booked = booked + 1 where booked < capacity" on this row,
-- which the database serialises; the check refuses an overbooked slot whatever the code does.
create table booking_slot (
    branch    text        not null references booking_branch (code),
    starts_at timestamptz not null,
    ends_at   timestamptz not null,
    capacity  int         not null check (capacity >= 1),
    booked    int         not null default 0,
    primary key (branch, starts_at),
    constraint booking_slot_never_overbooked check (booked between 0 and capacity),
    check (ends_at > starts_at)
);

create table booking (
    id               bigint generated always as identity primary key,
    case_no          text        not null,
    branch           text        not null,
    slot_starts_at   timestamptz not null,
    slot_ends_at     timestamptz not null,
    phone_number     text        not null check (phone_number ~ '^1[0-9]{10}$'),
    status           text        not null check (status in ('BOOKED', 'CHECKED_IN', 'CANCELLED')),
    booked_by        text        not null,
    booked_at        timestamptz not null,
    changed_at       timestamptz not null,
    changed_by       text        not null,
    reminder_sent_at timestamptz,
    foreign key (branch, slot_starts_at) references booking_slot (branch, starts_at)
);

-- one booking waiting for its day per case
create unique index booking_one_active_per_case on booking (case_no) where status = 'BOOKED';
create index booking_case on booking (case_no, booked_at);
create index booking_to_remind on booking (slot_starts_at) where status = 'BOOKED' and reminder_sent_at is null;

-- 取号: the numbers of one branch on one day, per kind (Y: appointment holders, W: walk-ins), drawn from a counter row
-- so that two check-ins at once never get the same number and no number is skipped.
create table queue_counter (
    branch     text not null references booking_branch (code),
    day        date not null,
    kind       text not null check (kind in ('Y', 'W')),
    last_value int  not null,
    primary key (branch, day, kind)
);

create table queue_ticket (
    id         bigint generated always as identity primary key,
    branch     text        not null references booking_branch (code),
    day        date        not null,
    kind       text        not null check (kind in ('Y', 'W')),
    seq        int         not null check (seq between 1 and 999),
    number     text        not null,
    booking_id bigint unique references booking (id),
    status     text        not null check (status in ('WAITING', 'CALLED')),
    issued_at  timestamptz not null,
    issued_by  text        not null,
    window_no  int check (window_no between 1 and 99),
    called_at  timestamptz,
    called_by  text,
    unique (branch, day, kind, seq),
    unique (branch, day, number),
    check ((status = 'CALLED') = (called_at is not null and window_no is not null))
);

create index queue_ticket_waiting on queue_ticket (branch, day, kind, seq) where status = 'WAITING';
create index queue_ticket_called on queue_ticket (branch, day, called_at) where status = 'CALLED';
