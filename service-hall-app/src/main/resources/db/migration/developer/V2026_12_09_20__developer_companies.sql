-- 房地产开发企业: the developer companies whose sales offices submit new-house loan applications online, their
-- projects (楼盘) with the pre-sale permit (预售许可证) and the supervised escrow account (监管账户) the loan is paid into,
-- and which agents (sign-in names) act for which company. Administered by the fund centre (/admin/developers).
create table developer_company (
    uscc       text primary key,                 -- 统一社会信用代码, GB 32100, upper case
    name       text not null,
    status     text not null default 'ACTIVE' check (status in ('ACTIVE', 'SUSPENDED')),
    created_at timestamptz not null,
    updated_at timestamptz not null,
    updated_by text not null
);
create unique index developer_company_name on developer_company (lower(name));

create table developer_project (
    id                  bigint generated always as identity primary key,
    code                text not null unique,    -- the hall's short code, e.g. FZ-BJHY
    company_uscc        text not null references developer_company (uscc),
    name                text not null,
    district            text not null,
    address             text not null,
    presale_permit_no   text not null unique,    -- 预售许可证号
    permit_issued_on    date not null,
    permit_valid_until  date not null check (permit_valid_until >= permit_issued_on),
    status              text not null default 'ON_SALE' check (status in ('ON_SALE', 'CLOSED')),
    escrow_bank         text not null,           -- 监管银行
    escrow_account_no   text not null,           -- 监管账户号
    escrow_account_name text not null,           -- 监管账户名
    updated_at          timestamptz not null,
    updated_by          text not null
);
create index developer_project_company on developer_project (company_uscc);

create table developer_agent (
    username     text primary key,               -- the sign-in name (preferred_username)
    company_uscc text not null references developer_company (uscc),
    added_at     timestamptz not null,
    added_by     text not null
);
