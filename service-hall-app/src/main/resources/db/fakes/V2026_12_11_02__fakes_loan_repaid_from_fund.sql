-- 以住房公积金余额提前结清公积金贷款 (退休一件事 with a fund loan, issue 14): the loan servicing system takes a payoff
-- from the fund account once per request key (the hall's withdrawal part, YS…-2) and the loan is settled (已结清) that
-- day: nothing outstanding, no instalment due after it, so a monthly repayment offset has nothing left to pay.
alter table fake_housing_loan add column settled_on date;

create sequence fake_loan_repayment_reference;

create table fake_loan_repayment (
    request_key        text          primary key,
    contract_no        text          not null references fake_housing_loan (contract_no),
    reference          text          not null unique,          -- 还款流水号
    amount             numeric(14,2) not null check (amount > 0),
    outstanding_before numeric(14,2) not null,
    outstanding_after  numeric(14,2) not null check (outstanding_after >= 0),
    repaid_on          date          not null,
    recorded_at        timestamptz   not null default now()
);
-- a loan is settled once
create unique index fake_loan_repayment_one_payoff on fake_loan_repayment (contract_no) where outstanding_after = 0;
