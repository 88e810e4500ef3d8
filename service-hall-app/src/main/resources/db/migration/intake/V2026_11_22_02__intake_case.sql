-- A case (办件): one application by one citizen, one case number, across every agency that works on it.
create table intake_case_number_counter (
    prefix     text    not null,  -- DK loan, TQ withdrawal, YJ one-visit bundle
    day        date    not null,  -- the hall's calendar day (Asia/Shanghai)
    last_value integer not null,
    primary key (prefix, day)
);

create table intake_case (
    case_no              text        primary key,
    service_type         text        not null,  -- RESALE_LOAN, NEW_HOUSE_LOAN, WITHDRAWAL, BUNDLE
    channel              text        not null,  -- WINDOW (窗口), ONLINE (网厅)
    status               text        not null,
    applicant_name       text        not null,
    applicant_id_no      text        not null,  -- GB 11643 resident ID number, check character validated
    developer_company_id text,                  -- unified social credit code of the submitting developer, if any
    process_instance_id  text,
    submitted_at         timestamptz not null,
    submitted_by         text        not null,
    updated_at           timestamptz not null,
    closed_at            timestamptz,
    constraint intake_case_no_format check (case_no ~ '^[A-Z]{2}[0-9]{13}$')
);

create index intake_case_applicant on intake_case (applicant_id_no);
create index intake_case_status on intake_case (status, submitted_at);
create index intake_case_developer on intake_case (developer_company_id) where developer_company_id is not null;

-- Status history: who did what and when, for every agency's step.
create table intake_case_event (
    id          bigint generated always as identity primary key,
    case_no     text        not null references intake_case (case_no),
    occurred_at timestamptz not null,
    status      text        not null,  -- the case status after the step
    action      text        not null,  -- what was done, e.g. SUBMITTED, ACCEPTED
    actor_id    text        not null,
    agency      text,                  -- HPF, BANK, REGISTRY, GUARANTOR, DEVELOPER, SYSTEM
    remark      text
);

create index intake_case_event_case on intake_case_event (case_no, occurred_at, id);
