-- A second-hand sale across three agencies (issue 14, 二手房买卖 + 公积金贷款): the housing authority files the sale
-- contract (存量房买卖合同网签备案, agencies.HousingAuthority), the tax bureau assesses and collects the deed tax (契税,
-- agencies.TaxBureau), the registry moves the title to the buyers and registers the fund centre's mortgage in one
-- registration (转移登记 + 抵押登记, agencies.RealEstateRegistry). Every change is keyed by the caller's request key.

-- 住建局 存量房网签备案
create sequence fake_resale_filing_seq start 1;
create table fake_resale_filing (
    filing_no         text primary key,                 -- 存量房网签备案号
    request_key       text not null unique,
    certificate_no    text not null references fake_registry_title (certificate_no),
    address           text not null,
    floor_area        numeric(9, 2) not null,
    price             numeric(14, 2) not null check (price > 0),
    signed_on         date not null,
    filed_on          date not null,
    mortgagee_consent text,                             -- 抵押权人同意书, for a mortgaged title
    status            text not null check (status in ('FILED', 'CANCELLED')),
    withdrawn_on      date,
    withdrawal_key    text,
    withdrawal_reason text,
    check ((status = 'FILED') = (withdrawn_on is null))
);
-- one sale of a title in force at a time, whatever two calls do at once
create unique index fake_resale_filing_one_in_force on fake_resale_filing (certificate_no) where status = 'FILED';

create table fake_resale_filing_party (
    filing_no text    not null references fake_resale_filing (filing_no),
    role      text    not null check (role in ('SELLER', 'BUYER')),
    seq       integer not null,
    name      text    not null,
    id_no     text    not null,
    primary key (filing_no, role, seq)
);

-- 税务局 契税
create sequence fake_deed_tax_seq start 1;
create table fake_deed_tax_assessment (
    assessment_no          text primary key,            -- 核定编号
    filing_no              text not null references fake_resale_filing (filing_no),
    tax_base               numeric(14, 2) not null,
    floor_area             numeric(9, 2) not null,
    homes_owned            integer not null check (homes_owned >= 0),
    category               text not null check (category in ('ONLY_HOME', 'SECOND_HOME', 'THIRD_OR_MORE')),
    rate                   numeric(6, 4) not null,
    amount                 numeric(14, 2) not null,
    assessed_on            date not null,
    status                 text not null check (status in ('ASSESSED', 'PAID', 'REFUND_PENDING', 'VOIDED')),
    payment_certificate_no text unique,                 -- 完税凭证号
    paid_on                date,
    cancelled_on           date,
    cancel_reason          text,
    check ((payment_certificate_no is null) = (status in ('ASSESSED', 'VOIDED')))
);
-- one live assessment per sale
create unique index fake_deed_tax_one_per_filing on fake_deed_tax_assessment (filing_no) where status <> 'VOIDED';

-- 不动产登记中心 转移登记 + 抵押登记 合并办理
create sequence fake_registry_certificate_seq start 8000001;
create sequence fake_registry_mortgage_seq start 1;
create table fake_registry_transfer (
    request_key             text primary key,
    filing_no               text not null unique references fake_resale_filing (filing_no),
    previous_certificate_no text not null references fake_registry_title (certificate_no),
    certificate_no          text not null unique references fake_registry_title (certificate_no),
    mortgage_certificate_no text not null unique,     -- 不动产登记证明号
    mortgagee               text not null,
    loan_contract_no        text not null,
    secured_amount          numeric(14, 2) not null check (secured_amount > 0),
    registered_on           date not null
);
