-- Stand-ins for systems that are not the hall's: the fund's account system, the credit bureau, the registry's
-- database and the entrusted bank's core. Development and tests only: a production installation points the ports
-- at the real systems and leaves this location out of spring.flyway.locations.
create table fake_fund_account (
    id_no              text          primary key,
    account_no         text          not null unique,
    holder_name        text          not null,
    status             text          not null,   -- NORMAL, SEALED, FROZEN, CLOSED
    balance            numeric(14,2) not null,
    continuous_months  integer       not null,
    monthly_deposit    numeric(12,2) not null,
    outstanding_loan   boolean       not null
);

create table fake_credit_record (
    id_no                  text          primary key,
    overdue_last_24_months integer       not null,
    currently_overdue      boolean       not null,
    existing_monthly_debt  numeric(12,2) not null
);

create table fake_registry_title (
    certificate_no text          primary key,
    address        text          not null,
    floor_area     numeric(9,2)  not null,
    build_year     integer       not null,
    owner_names    text          not null,   -- comma-separated
    sealed         boolean       not null,
    mortgaged      boolean       not null
);

create table fake_bank_payment (
    order_id         text          primary key,
    bank_reference   text          not null unique,
    amount           numeric(14,2) not null,
    payee_account_no text          not null,
    payee_name       text          not null,
    executed_at      timestamptz   not null
);
