-- A resale-loan case's data, stage by stage. Process variables hold only the case number and routing flags.
alter table loan_application
    add column city_code        text,
    add column repayment_method text,
    add column first_home       boolean;

-- 借款申请人 and 共同借款人 (the spouse, when married). The fund account is read through the fund's account system
-- when the case is assessed and kept here as it was then.
create table loan_party (
    case_no                 text          not null references intake_case (case_no),
    role                    text          not null check (role in ('BORROWER', 'CO_BORROWER')),
    name                    text          not null,
    id_no                   text          not null,
    male                    boolean       not null,
    birth_date              date          not null,
    female_cadre            boolean       not null default false,  -- 女干部: the 55 (not 50) retirement track
    marital_status          text          not null check (marital_status in ('UNMARRIED', 'MARRIED', 'DIVORCED', 'WIDOWED')),
    monthly_income          numeric(12,2) not null check (monthly_income >= 0),
    phone                   text,
    fund_account_no         text,
    fund_account_status     text,
    fund_balance            numeric(14,2),
    fund_continuous_months  integer,
    fund_monthly_deposit    numeric(12,2),
    fund_outstanding_loan   boolean,
    fund_read_at            timestamptz,
    primary key (case_no, role)
);

create table loan_property (
    case_no             text          primary key references intake_case (case_no),
    certificate_no      text          not null,   -- 不动产权证书号
    address             text          not null,
    floor_area          numeric(9,2)  not null check (floor_area > 0),
    build_year          integer       not null,
    contract_price      numeric(14,2) not null check (contract_price > 0),
    assessed_price      numeric(14,2) not null check (assessed_price > 0),
    seller_name         text          not null,
    seller_id_no        text          not null,
    seller_bank         text          not null,
    seller_account_no   text          not null,
    seller_account_name text          not null
);

-- 征信: the credit bureau's report per applicant, asked for through the bank.
create table loan_credit_report (
    case_no               text          not null references intake_case (case_no),
    role                  text          not null,
    report_no             text          not null,
    overdue_last_24_months integer      not null,
    currently_overdue     boolean       not null,
    existing_monthly_debt numeric(12,2) not null,
    reported_at           timestamptz   not null,
    primary key (case_no, role)
);

-- The registry's answer on the title: owners, mortgage, seal (查封).
create table loan_title_check (
    case_no        text        primary key references intake_case (case_no),
    registry_ref   text        not null,
    owner_names    text        not null,
    sealed         boolean     not null,
    mortgaged      boolean     not null,
    owner_matches  boolean     not null,   -- the seller is among the registered owners
    checked_at     timestamptz not null
);

-- Each agency's opinion on the case: bank (credit), registry (title), guarantor (guarantee), fund centre reviews.
create table loan_review (
    id          bigint generated always as identity primary key,
    case_no     text        not null references intake_case (case_no),
    stage       text        not null,   -- CREDIT, TITLE, GUARANTEE, FIRST_REVIEW, APPROVAL
    outcome     text        not null,   -- APPROVE, REJECT, PASS, RETURN
    opinion     text        not null,
    reviewer    text        not null,
    reviewed_at timestamptz not null
);

create index loan_review_case on loan_review (case_no, reviewed_at, id);

-- Eligibility and limit, as decided at assessment: the policy version and rate used, every limit and the binding one,
-- and each reason the applicant is not eligible. Kept for every assessment (a returned case is assessed again).
create table loan_decision (
    id                 bigint generated always as identity primary key,
    case_no            text          not null references intake_case (case_no),
    decided_at         timestamptz   not null,
    policy_id          text          not null references loan_city_policy (id),
    rate_effective_from date         not null references loan_interest_rate (effective_from),
    annual_rate        numeric(6,3)  not null,
    eligible           boolean       not null,
    reasons            jsonb         not null,   -- [{rule, reason}]
    limits             jsonb         not null,   -- [{kind, amount, formula}]
    binding_limit      text          not null,
    approvable_amount  numeric(14,2) not null,
    granted_amount     numeric(14,2) not null,
    explanation        text          not null
);

create index loan_decision_case on loan_decision (case_no, decided_at desc, id desc);

-- 审批: what was approved, on which terms.
create table loan_approval (
    case_no          text          primary key references intake_case (case_no),
    approved_amount  numeric(14,2) not null check (approved_amount > 0),
    term_months      integer       not null,
    repayment_method text          not null,
    annual_rate      numeric(6,3)  not null,
    approved_by      text          not null,
    approved_at      timestamptz   not null
);

-- 还款计划: kept with the loan, exact to the fen.
create table loan_repayment_schedule (
    case_no             text          not null references intake_case (case_no),
    period              integer       not null,
    due_date            date          not null,
    payment             numeric(12,2) not null,
    principal           numeric(12,2) not null,
    interest            numeric(12,2) not null,
    remaining_principal numeric(14,2) not null,
    primary key (case_no, period)
);

-- 合同面签: each party's signature and the contract number.
create table loan_contract_signature (
    case_no   text        not null references intake_case (case_no),
    party     text        not null check (party in ('BORROWER', 'CO_BORROWER', 'FUND_CENTRE', 'BANK', 'GUARANTOR')),
    signed_by text        not null,   -- the officer who witnessed or signed
    signed_at timestamptz not null,
    primary key (case_no, party)
);

create table loan_contract (
    case_no     text        primary key references intake_case (case_no),
    contract_no text        not null unique,
    signed_at   timestamptz not null
);

-- 抵押登记: the registry's certificate of the mortgage (不动产登记证明).
create table loan_mortgage (
    case_no        text        primary key references intake_case (case_no),
    certificate_no text        not null unique,
    registered_by  text        not null,
    registered_at  timestamptz not null
);

-- 放款: the bank's payment to the seller, once per case.
create table loan_disbursement (
    case_no           text          primary key references intake_case (case_no),
    order_id          text          not null unique,
    amount            numeric(14,2) not null,
    payee_name        text          not null,
    payee_bank        text          not null,
    payee_account_no  text          not null,
    bank_reference    text          not null,
    disbursed_at      timestamptz   not null
);

-- 借款借据.
create table loan_iou (
    case_no   text          primary key references intake_case (case_no),
    iou_no    text          not null unique,
    amount    numeric(14,2) not null,
    issued_at timestamptz   not null
);
