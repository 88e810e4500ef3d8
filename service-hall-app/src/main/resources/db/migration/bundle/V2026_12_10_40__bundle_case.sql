-- 一件事一次办 (ADR 0009): which bundle of the catalogue a bundle case applies for, and which of its parts each part of
-- the case runs (intake_case_part holds the parts' numbers, services and processes; part 1 is the bundle itself).
create table bundle_case (
    case_no        text         primary key references intake_case (case_no),
    bundle_code    text         not null,
    phone          text,
    has_fund_loan  boolean      not null,
    accepted_at    timestamptz  not null,
    due_at         timestamptz               -- accepted_at plus the bundle's time limit in working days, close of office;
                                             -- null while the calendar has no data for the year it runs into
);

create table bundle_part (
    case_no        text         not null references bundle_case (case_no),
    part_no        int          not null,
    part_key       text         not null,
    primary key (case_no, part_no),
    unique (case_no, part_key),
    foreign key (case_no, part_no) references intake_case_part (case_no, part_no)
);
