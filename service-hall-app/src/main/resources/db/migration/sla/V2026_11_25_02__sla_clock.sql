-- SLA clocks (时限计时): one per step of a case (a user task, for the agency that does it) and one per configured
-- span of a case (e.g. approval to disbursement), each against its limit in working time (or calendar time, for the
-- statutory 15 days). A clock is suspended while the case waits on the citizen (补正) and during excluded stretches
-- (another agency's part, e.g. the registry's mortgage registration); suspended time does not count.
create table sla_clock (
    id                bigint generated always as identity primary key,
    case_no           text        not null references intake_case (case_no),
    definition_id     text        not null,   -- 'step:Task_ReviewCredit' or a span's id, e.g. 'approval-to-disbursement'
    name              text        not null,   -- the step's name in the model (银行信贷审查) or the span's (审批至放款)
    kind              text        not null check (kind in ('STEP', 'SPAN')),
    agency            text        not null,   -- whose clock: HPF, BANK, REGISTRY, GUARANTOR
    task_id           text unique,            -- a step's user task
    branch            text        not null,   -- the case's branch (网点), for the dashboard
    basis             text        not null check (basis in ('WORKING', 'CALENDAR')),
    limit_minutes     integer     not null check (limit_minutes >= 0),  -- the limit in minutes of its basis
    started_at        timestamptz not null,
    yellow_at         timestamptz,            -- 80 % of the limit used; null while suspended (or no calendar yet)
    due_at            timestamptz,            -- the limit reached; null while suspended (or no calendar yet)
    paused            boolean     not null default false,  -- waiting on the citizen (补正)
    excluded          boolean     not null default false,  -- in an excluded stretch (another agency's part)
    suspended_since   timestamptz,            -- the current suspension's start, for either reason
    suspended_minutes integer     not null default 0 check (suspended_minutes >= 0),  -- finished suspensions
    escalation        text        not null default 'GREEN' check (escalation in ('GREEN', 'YELLOW', 'RED')),
    stopped_at        timestamptz,
    outcome           text check (outcome in ('MET', 'BREACHED', 'CANCELLED')),
    elapsed_minutes   integer check (elapsed_minutes >= 0),             -- counted time at the stop
    check ((stopped_at is null) = (outcome is null)),
    check ((paused or excluded) = (suspended_since is not null) or stopped_at is not null)
);

create index sla_clock_case on sla_clock (case_no, started_at);
create index sla_clock_open on sla_clock (due_at) where stopped_at is null;
create index sla_clock_open_yellow on sla_clock (yellow_at) where stopped_at is null and escalation = 'GREEN';
create index sla_clock_stopped on sla_clock (stopped_at, definition_id) where stopped_at is not null;
create unique index sla_clock_one_open_span on sla_clock (case_no, definition_id) where stopped_at is null and kind = 'SPAN';

-- Every change of a clock, for the record and the dashboard.
create table sla_event (
    id          bigint generated always as identity primary key,
    clock_id    bigint      not null references sla_clock (id),
    case_no     text        not null,
    kind        text        not null check (kind in ('STARTED', 'PAUSED', 'RESUMED', 'EXCLUDED', 'INCLUDED', 'YELLOW',
                                                     'RED', 'STOPPED', 'CANCELLED')),
    occurred_at timestamptz not null,
    detail      text
);

create index sla_event_clock on sla_event (clock_id, occurred_at);

-- In-app notices to an agency's managers: a clock of theirs breached its limit.
create table sla_notification (
    id          bigint generated always as identity primary key,
    agency      text        not null,
    case_no     text        not null,
    clock_id    bigint      not null references sla_clock (id),
    message     text        not null,
    created_at  timestamptz not null,
    mailed_to   text,                    -- the addresses it was mailed to, when mail is configured
    read_by     text,
    read_at     timestamptz,
    unique (clock_id)
);

create index sla_notification_unread on sla_notification (agency, created_at) where read_at is null;
