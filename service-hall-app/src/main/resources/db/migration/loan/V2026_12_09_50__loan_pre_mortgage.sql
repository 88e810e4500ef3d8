-- 预告登记（预抵押）of a new house not yet built, and its later conversion into a mortgage (预抵押转现抵押) when the
-- house is delivered: the registry's certificate numbers, each unique.
create table loan_pre_mortgage (
    case_no                  text        primary key references intake_case (case_no),
    certificate_no           text        not null unique,
    registered_by            text        not null,
    registered_at            timestamptz not null,
    mortgage_certificate_no  text        unique,
    converted_by             text,
    converted_at             timestamptz
);
