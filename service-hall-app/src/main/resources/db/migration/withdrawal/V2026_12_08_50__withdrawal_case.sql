-- 公积金提取 cases: what the citizen asked for, what the rules decided, the reviewers' opinions and the payment.
-- One row per case in each of application, decision (the latest) and payment; the fund account's ledger and the
-- bank's transfer are the agencies' own (fake_* tables here), keyed by the case number.
create table withdrawal_application (
    case_no          text          primary key references intake_case (case_no),
    type             text          not null,               -- withdrawal.WithdrawalType, e.g. RETIREMENT
    phone            text,                                  -- for the SMS on payment, mainland mobile
    spouse_id_no     text,                                  -- for the family's homes and purchase limit
    retirement_kind  text          not null,               -- intake.RetirementAge.Kind (M60, F50, F55)
    bank_name        text          not null,
    card_no          text          not null,               -- the applicant's own Class-I card, Luhn-checked
    claim            jsonb         not null,               -- withdrawal.WithdrawalApplication.Claim as entered
    submitted_at     timestamptz   not null
);

create table withdrawal_decision (
    case_no          text          primary key references intake_case (case_no),
    policy_id        text          not null references withdrawal_city_policy (id),
    accepted_on      date          not null,
    route            text          not null,               -- PAY_AUTOMATICALLY, REVIEW, NOT_ELIGIBLE
    eligible         boolean       not null,
    amount           numeric(14,2) not null check (amount >= 0),
    amount_basis     text          not null,               -- why the amount is what it is, in words
    unmet            jsonb         not null,               -- [{code, words, missing}]
    reviews          jsonb         not null,               -- [{code, words, missing}]
    four_eyes        text,                                  -- why a second person approves, if one must
    flags            jsonb         not null,               -- [{rule, words}]
    decided_at       timestamptz   not null
);

-- 骗提 flags, one row each, for the managers' list by type and month
create table withdrawal_flag (
    case_no          text          not null references intake_case (case_no),
    rule             text          not null,
    type             text          not null,
    words            text          not null,
    flagged_at       timestamptz   not null,
    primary key (case_no, rule)
);
create index withdrawal_flag_month on withdrawal_flag (flagged_at);

create table withdrawal_review (
    id               bigint        generated always as identity primary key,
    case_no          text          not null references intake_case (case_no),
    stage            text          not null,               -- REVIEW (审核), APPROVAL (复核)
    outcome          text          not null,               -- APPROVE, REJECT
    opinion          text          not null,
    reviewer         text          not null,
    reviewed_at      timestamptz   not null
);
create index withdrawal_review_case on withdrawal_review (case_no);

create table withdrawal_payment (
    case_no          text          primary key references intake_case (case_no),
    account_no       text          not null,
    balance_before   numeric(14,2) not null,
    interest         numeric(14,2) not null default 0,     -- credited at closing
    amount           numeric(14,2) not null check (amount > 0),
    balance_after    numeric(14,2) not null check (balance_after >= 0),
    closed_account   boolean       not null,
    booked_on        date          not null,
    bank_reference   text,                                  -- the transfer's 流水号, once made
    transferred_at   timestamptz
);
