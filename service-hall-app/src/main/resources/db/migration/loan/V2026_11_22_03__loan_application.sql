-- The loan asked for in a case. Applicants, property and the approved loan follow with the resale-loan stages.
create table loan_application (
    case_no          text          primary key references intake_case (case_no),
    requested_amount numeric(12, 2) not null check (requested_amount > 0),
    term_months      integer       not null check (term_months between 12 and 360),
    created_at       timestamptz   not null
);
