-- 网点: the branch (a hall or a management office) a case belongs to, for the managers' dashboard. Existing cases
-- belong to the main hall.
alter table intake_case add column branch text not null default 'HQ';
alter table intake_case alter column branch drop default;

create index intake_case_submitted on intake_case (submitted_at, branch);
create index intake_case_closed on intake_case (closed_at, branch) where closed_at is not null;

-- 来访登记: each time the citizen came to a counter for the case (checked in at the window, or submitting there).
-- "最多跑一次" is measured from these: a case completed with at most one visit.
create table intake_visit (
    id          bigint generated always as identity primary key,
    case_no     text        not null references intake_case (case_no),
    visited_at  timestamptz not null,
    branch      text        not null,
    purpose     text        not null check (purpose in ('SUBMISSION', 'SUPPLEMENT', 'SIGNING', 'COLLECTION', 'ENQUIRY', 'OTHER')),
    recorded_by text        not null
);

create index intake_visit_case on intake_visit (case_no, visited_at);
