-- The other systems a withdrawal asks: who owns which registered home (the registry, by ID number), retirements
-- (social security), housing loans and their repayments (the loan servicing systems of the fund and of the banks),
-- text messages sent (the SMS gateway); and the bank's transfers to a citizen's own card, one per case.

-- 不动产登记: the owners of a title by ID number, each from the day the ownership was registered.
create table fake_registry_owner (
    certificate_no text not null references fake_registry_title (certificate_no),
    id_no          text not null,
    registered_on  date not null,
    primary key (certificate_no, id_no)
);
create index fake_registry_owner_id_no on fake_registry_owner (id_no);

insert into fake_registry_title (certificate_no, address, floor_area, build_year, owner_names, sealed, mortgaged) values
('豫(2022)焦作市不动产权第0056789号', '焦作市山阳区塔南路 36 号 7 幢 2 单元 1102 室', 112.40, 2021, '郑海涛', false, true),
('豫(2021)焦作市不动产权第0067890号', '焦作市解放区丰收路 210 号 3 幢 1 单元 702 室', 98.60, 2020, '冯丽娟', false, true),
('豫(2019)焦作市不动产权第0078901号', '焦作市解放区焦东路 55 号 12 幢 2 单元 401 室', 126.00, 2018, '陈静', false, true),
('豫(2026)焦作市不动产权第0089012号', '焦作市中站区冯封路 8 号 4 幢 1 单元 301 室', 86.30, 2009, '钱立新', false, false);

insert into fake_registry_owner (certificate_no, id_no, registered_on) values
('豫(2018)焦作市不动产权第0012345号', '410803199004120158', date '2018-05-22'),
('豫(2016)焦作市不动产权第0023456号', '410803199004120158', date '2016-09-13'),
('豫(2019)焦作市不动产权第0034567号', '410803199004120158', date '2019-11-04'),
('豫(2017)焦作市不动产权第0045678号', '410802198602110629', date '2017-03-30'),   -- 孙红
('豫(2022)焦作市不动产权第0056789号', '410803198307140717', date '2022-03-18'),
('豫(2021)焦作市不动产权第0067890号', '410811198509260821', date '2021-05-27'),
('豫(2019)焦作市不动产权第0078901号', '410822198207070642', date '2019-12-02'),
('豫(2026)焦作市不动产权第0089012号', '410811196610080332', date '2026-02-26');
-- the copies of 王强's flats (training) are his too
insert into fake_registry_owner (certificate_no, id_no, registered_on)
select certificate_no, '410803199004120158', make_date(substr(certificate_no, 3, 4)::int, 6, 1)
  from fake_registry_title
 where owner_names = '王强' and certificate_no ~ '第[123][0-9]{6}号$';

-- 社保: retirements recorded by social security (退休审批).
create table fake_social_security_retirement (
    id_no          text primary key,
    retired_on     date not null,
    certificate_no text not null unique   -- 退休证号
);
insert into fake_social_security_retirement (id_no, retired_on, certificate_no) values
('410802196503120515', date '2025-07-12', 'TX410800202507000318');   -- 孙建国, at 60y4m under the reform

-- 贷款: housing loans (fund and commercial) and how they are repaid. Every instalment is paid on its due day, except
-- from overdue_since on: those are unpaid (overdue once the day is past). The hall's own loan cases are not here.
create table fake_housing_loan (
    contract_no         text          primary key,
    kind                text          not null check (kind in ('FUND', 'COMMERCIAL')),
    lender              text          not null,
    borrower_id_no      text          not null,
    co_borrower_id_no   text,
    home_ref            text,                        -- the home's certificate number
    principal           numeric(14,2) not null check (principal > 0),
    annual_rate         numeric(7,5)  not null check (annual_rate > 0),
    term_months         integer       not null check (term_months > 0),
    first_due           date          not null,
    monthly_instalment  numeric(12,2) not null check (monthly_instalment > 0),   -- 等额本息
    overdue_since       date
);
create index fake_housing_loan_borrower on fake_housing_loan (borrower_id_no);
create index fake_housing_loan_co_borrower on fake_housing_loan (co_borrower_id_no);

create function pg_temp.instalment(p numeric, annual numeric, n int) returns numeric language sql immutable as $$
    select round(p * (annual / 12) * power(1 + annual / 12, n) / (power(1 + annual / 12, n) - 1), 2)
$$;
insert into fake_housing_loan (contract_no, kind, lender, borrower_id_no, co_borrower_id_no, home_ref, principal,
                               annual_rate, term_months, first_due, monthly_instalment, overdue_since) values
('JK2022041500017', 'FUND', '焦作市住房公积金管理中心', '410803198307140717', null, '豫(2022)焦作市不动产权第0056789号',
 500000.00, 0.03100, 300, date '2022-04-15', pg_temp.instalment(500000.00, 0.03100, 300), null),
('JS2022041500388', 'COMMERCIAL', '中国建设银行焦作分行', '410803198307140717', null, '豫(2022)焦作市不动产权第0056789号',
 300000.00, 0.04100, 300, date '2022-04-15', pg_temp.instalment(300000.00, 0.04100, 300), null),
('JK2021062000009', 'FUND', '焦作市住房公积金管理中心', '410811198509260821', null, '豫(2021)焦作市不动产权第0067890号',
 400000.00, 0.03250, 240, date '2021-06-20', pg_temp.instalment(400000.00, 0.03250, 240), date '2026-09-20'),
('JK2020011000021', 'FUND', '焦作市住房公积金管理中心', '410822198207070642', null, '豫(2019)焦作市不动产权第0078901号',
 600000.00, 0.03250, 360, date '2020-01-10', pg_temp.instalment(600000.00, 0.03250, 360), null);
drop function pg_temp.instalment(numeric, numeric, int);

-- 短信网关: every message sent, once per message id.
create table fake_sms_message (
    message_id text        primary key,
    case_no    text,
    phone_no   text        not null check (phone_no ~ '^1[3-9][0-9]{9}$'),
    text       text        not null check (length(text) between 1 and 500),
    sent_at    timestamptz not null
);
create index fake_sms_message_case_no on fake_sms_message (case_no, sent_at);

-- 银行: a transfer to a citizen's own card is keyed by its case: one case, one transfer.
alter table fake_bank_payment
    add column case_no        text unique,
    add column payee_id_no    text,
    add column payee_bank     text,
    add column purpose        text,
    add constraint fake_bank_payment_positive check (amount > 0);
