-- 委托按月提取还贷 (issue 12): a repayment-offset withdrawal, once approved, is a standing agreement rather than one
-- payment. Each month, on the loan's due day, the month's instalment is paid from the fund account to the fund loan
-- (冲还贷) until the agreement is ended: by the citizen (at the counter or online), when the loan is repaid, or when
-- the account is closed (退休一件事 ends it so). One row per agreement, one per month it ran.
create table withdrawal_offset_agreement (
    case_no          text          primary key references intake_case (case_no),
    applicant_id_no  text          not null,
    loan_contract_no text          not null,               -- 借款合同编号 of the fund loan repaid
    lender           text          not null,
    due_day          int           not null check (due_day between 1 and 31),  -- the loan's 还款日
    instalment       numeric(14,2) not null check (instalment > 0),           -- 月还款额 when signed
    first_period     text          not null,               -- YYYY-MM, the first month paid
    last_period      text          not null,               -- YYYY-MM, the loan's last instalment
    next_period      text,                                  -- YYYY-MM, the month the next run pays; null once ended
    status           text          not null check (status in ('ACTIVE', 'ENDED')),
    signed_at        timestamptz   not null,
    ended_at         timestamptz,
    end_reason       text check (end_reason in ('REQUESTED', 'LOAN_REPAID', 'ACCOUNT_CLOSED', 'ACCOUNT_NOT_OPEN')),
    ended_by         text,
    ended_note       text,
    constraint withdrawal_offset_agreement_ended
        check ((status = 'ENDED') = (ended_at is not null and end_reason is not null)),
    constraint withdrawal_offset_agreement_next
        check ((status = 'ACTIVE') = (next_period is not null))
);
-- one standing agreement per loan and depositor at a time
create unique index withdrawal_offset_agreement_one_active
    on withdrawal_offset_agreement (applicant_id_no, loan_contract_no) where status = 'ACTIVE';

create table withdrawal_offset (
    case_no          text          not null references withdrawal_offset_agreement (case_no),
    period           text          not null,               -- YYYY-MM
    outcome          text          not null check (outcome in ('PAID', 'PARTLY_PAID', 'NOT_PAID')),
    instalment       numeric(14,2) not null,               -- what was due that month
    amount           numeric(14,2) not null check (amount >= 0),  -- what the fund account paid
    balance_after    numeric(14,2),
    booked_on        date          not null,
    primary key (case_no, period)
);
