-- 购房一件事 (issue 14, ADR 0009): the fund withdrawal a bundle paid toward the loan's down payment before the loan's
-- assessment, counted there (the assessment's explanation shows it; the balance it reads is the one left after it).
-- Keyed by the case: one loan part per bundle case.
create table loan_down_payment_withdrawal (
    case_no      text          primary key references intake_case (case_no),
    amount       numeric(14,2) not null check (amount > 0),
    paid_under   text          not null,
    counted_at   timestamptz   not null
);
