-- The fake account system keeps a ledger (分户账): every movement of an account is a row of fake_fund_movement
-- (opening, deposit, interest settlement, withdrawal debit, closing) and fake_fund_account.balance is their sum, kept
-- by the triggers below and nothing else. The database itself refuses a negative balance, a second debit or closing
-- for one case, a second closing of one account, and a closed account (提取销户) that still holds money.
-- Status names are agencies.FundAccountSystem.AccountStatus, one per JGJ/T 320 A.6 code (domain.md §7.2).

alter table fake_fund_account
    add column closed_on       date,
    add column closing_case_no text,
    add constraint fake_fund_account_status
        check (status in ('NORMAL', 'SEALED', 'MERGED', 'TRANSFERRED_OUT', 'CLOSED_BY_WITHDRAWAL', 'FROZEN', 'OTHER')),
    add constraint fake_fund_account_balance_not_negative check (balance >= 0),
    add constraint fake_fund_account_closed_holds_nothing
        check (status <> 'CLOSED_BY_WITHDRAWAL' or (balance = 0 and closed_on is not null and closing_case_no is not null));

create table fake_fund_movement (
    id                bigint        generated always as identity primary key,
    account_no        text          not null references fake_fund_account (account_no),
    booked_on         date          not null,     -- 记账日期 (JZRQ)
    kind              text          not null check (kind in ('OPENING', 'DEPOSIT', 'INTEREST', 'WITHDRAWAL', 'CLOSING')),
    business_type     text          not null,     -- JGJ/T 320 A.5: 01 汇缴, 02 补缴, 03 开户, 09 结息, 11 部分提取, 12 销户提取
    amount            numeric(14,2) not null,     -- signed: a credit is positive, a debit negative
    balance_after     numeric(14,2) not null check (balance_after >= 0),
    case_no           text,                       -- the hall's case, for withdrawals, closings and their interest
    withdrawal_reason text,                       -- JGJ/T 320 A.7 提取原因, for withdrawals
    withdrawal_type   text,                       -- the hall's own withdrawal type, as the hall gave it
    home_ref          text,                       -- the home a withdrawal was for: certificate or contract number
    recorded_at       timestamptz   not null default now(),
    constraint fake_fund_movement_signs check (
        case kind when 'WITHDRAWAL' then amount < 0 when 'CLOSING' then amount = 0 else amount >= 0 end),
    constraint fake_fund_movement_withdrawal_has_case
        check ((kind in ('WITHDRAWAL', 'CLOSING')) = (case_no is not null and withdrawal_reason is not null)
               or (kind = 'INTEREST' and withdrawal_reason is null))
);
create index fake_fund_movement_account on fake_fund_movement (account_no, booked_on, id);
create index fake_fund_movement_case on fake_fund_movement (case_no) where case_no is not null;
create index fake_fund_movement_home on fake_fund_movement (home_ref) where home_ref is not null;
-- one case, one debit; one closing per case and per account; one closing interest per case
create unique index fake_fund_movement_one_debit_per_case on fake_fund_movement (case_no) where kind = 'WITHDRAWAL';
create unique index fake_fund_movement_one_closing_per_case on fake_fund_movement (case_no) where kind = 'CLOSING';
create unique index fake_fund_movement_one_closing_per_account on fake_fund_movement (account_no) where kind = 'CLOSING';
create unique index fake_fund_movement_one_interest_per_case on fake_fund_movement (case_no)
    where kind = 'INTEREST' and case_no is not null;
create unique index fake_fund_movement_one_opening on fake_fund_movement (account_no) where kind = 'OPENING';

-- Posting a movement: the new balance is the old one plus the amount, on the locked account row.
create function fake_fund_post_movement() returns trigger language plpgsql as $$
declare
    current_balance numeric(14,2);
begin
    select balance into strict current_balance from fake_fund_account where account_no = new.account_no for update;
    new.balance_after := current_balance + new.amount;
    if new.balance_after < 0 then
        raise exception using errcode = '23514', constraint = 'fake_fund_movement_balance_after_check',
            message = format('balance of %s would be %s: a debit above the balance', new.account_no, new.balance_after);
    end if;
    perform set_config('fake.ledger_posting', 'on', true);
    update fake_fund_account set balance = new.balance_after where account_no = new.account_no;
    perform set_config('fake.ledger_posting', 'off', true);
    return new;
end $$;
create trigger fake_fund_movement_post before insert on fake_fund_movement
    for each row execute function fake_fund_post_movement();

create function fake_fund_movement_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'a ledger row is never changed or deleted: post a new movement';
end $$;
create trigger fake_fund_movement_immutable before update or delete on fake_fund_movement
    for each row execute function fake_fund_movement_immutable();

-- An account opened with a balance (as the tests' synthetic citizens are) gets its opening row for it: a balance
-- brought forward, dated 2026-07-01 (the start of the demo ledgers' interest year) whatever the machine's date, so
-- that its interest to date depends on the hall's clock alone.
create function fake_fund_open_account() returns trigger language plpgsql as $$
begin
    if new.balance <> 0 then
        perform set_config('fake.ledger_posting', 'on', true);
        update fake_fund_account set balance = 0 where account_no = new.account_no;
        insert into fake_fund_movement (account_no, booked_on, kind, business_type, amount)
        values (new.account_no, date '2026-07-01', 'OPENING', '03', new.balance);
    end if;
    return null;
end $$;

create function fake_fund_balance_only_by_ledger() returns trigger language plpgsql as $$
begin
    if new.balance is distinct from old.balance and current_setting('fake.ledger_posting', true) is distinct from 'on' then
        raise exception 'the balance of % is the sum of its ledger rows: post a movement to fake_fund_movement',
            old.account_no;
    end if;
    return new;
end $$;

-- Demo history. Each named demo account gets a ledger from 2025-07-01 to 2026-11: the balance brought forward on
-- 2025-07-01, its monthly deposits (汇缴, on the 10th), the interest settled on 2026-06-30 (1.50 %/year on the daily
-- balances, /360: the formula of agencies.fake.DepositInterest) and the withdrawals given; the balance brought
-- forward is the one that makes the rows sum to the balance the account had before this migration (where rounding
-- the interest makes that impossible, a round one and a 补缴, a deposit the employer paid late, on 2026-07-20).
create function pg_temp.seed_ledger(p_account text, p_target numeric, p_deposit numeric, p_first_month date,
                                    p_last_month date, p_withdrawals jsonb) returns void language plpgsql as $$
declare
    rate constant numeric := 0.015;
    year_start constant date := date '2025-07-01';
    year_end constant date := date '2026-07-01';   -- interest counted until (excluding) this day
    rows jsonb := '[]'::jsonb;
    r jsonb;
    total numeric := 0;
    products numeric := 0;
    opening numeric;
    interest numeric;
    diff numeric;
begin
    -- the deposits, then the withdrawals given: {"on": date, "amount": n, "reason": "07", "type": "...", "case": "...", "home": "..."}
    if p_deposit > 0 and p_first_month is not null then
        select coalesce(jsonb_agg(jsonb_build_object('on', d::date + 9, 'amount', p_deposit, 'kind', 'DEPOSIT')), '[]')
          into rows
          from generate_series(greatest(p_first_month, year_start), p_last_month, interval '1 month') d;
    end if;
    for r in select * from jsonb_array_elements(p_withdrawals) loop
        rows := rows || jsonb_build_array(r || jsonb_build_object('kind', 'WITHDRAWAL', 'amount', -(r ->> 'amount')::numeric));
    end loop;
    for r in select * from jsonb_array_elements(rows) loop
        total := total + (r ->> 'amount')::numeric;
        if (r ->> 'on')::date < year_end then
            products := products + (r ->> 'amount')::numeric * (year_end - (r ->> 'on')::date);
        end if;
    end loop;
    -- the opening, in fen, that makes the rows sum to the balance exactly; where rounding the interest skips that
    -- sum, the largest round opening below it and a late deposit for the rest
    opening := round((p_target - total - products * rate / 360) / (1 + rate * 365 / 360), 2) - 0.05;
    for step in 0..10 loop
        interest := round((opening * (year_end - year_start) + products) * rate / 360, 2);
        diff := p_target - opening - total - interest;
        exit when diff = 0;
        opening := opening + 0.01;
    end loop;
    if diff <> 0 then
        opening := floor((p_target - total) / (1 + rate * 365 / 360) / 100) * 100 + 100;
        loop
            interest := round((opening * (year_end - year_start) + products) * rate / 360, 2);
            diff := p_target - opening - total - interest;
            exit when diff >= 0;
            opening := opening - 100;
        end loop;
    end if;

    rows := rows || jsonb_build_array(
        jsonb_build_object('on', year_start, 'kind', 'OPENING', 'business_type', '03', 'amount', opening),
        jsonb_build_object('on', year_end - 1, 'kind', 'INTEREST', 'business_type', '09', 'amount', interest));
    if diff > 0 then
        rows := rows || jsonb_build_array(
            jsonb_build_object('on', date '2026-07-20', 'kind', 'DEPOSIT', 'business_type', '02', 'amount', diff));
    end if;
    for r in select * from jsonb_array_elements(rows) x order by (x ->> 'on')::date loop
        insert into fake_fund_movement (account_no, booked_on, kind, business_type, amount, case_no, withdrawal_reason,
                                        withdrawal_type, home_ref)
        values (p_account, (r ->> 'on')::date, r ->> 'kind',
                coalesce(r ->> 'business_type', case r ->> 'kind' when 'DEPOSIT' then '01' else '11' end),
                (r ->> 'amount')::numeric, r ->> 'case', r ->> 'reason', r ->> 'type', r ->> 'home');
    end loop;
    if (select balance from fake_fund_account where account_no = p_account) <> p_target then
        raise exception 'seeded ledger of % does not sum to %', p_account, p_target;
    end if;
end $$;

-- New demo citizens for withdrawals (ID numbers valid per GB 11643; fictitious people):
--   孙建国 410802196503120515  man born 1965-03-12: reformed retirement age 60y4m, reached 2025-07 (2025-03 before
--                              the reform); retired 2025-07-12 at social security; account sealed, no deposit since.
--   钱立新 410811196610080332  man born 1966-10-08: 60 in 2026-10 but reformed age 60y6m, reached only 2027-04; not
--                              retired. Bought a resale flat in 2026-02 and withdrew for it (提取原因 01) in 2026-03.
--   周晓燕 410802199605200640  woman born 1996-05-20: rents, owns no home in the city, no loans; one rent withdrawal
--                              (07) on 2025-12-10.
--   郑海涛 410803198307140717  man born 1983-07-14: combination loan (fund + commercial) on his flat since 2022-04,
--                              repaid on time; a yearly repayment withdrawal (06) on 2025-12-18.
--   冯丽娟 410811198509260821  woman born 1985-09-26: fund loan on her flat since 2021-06, nothing repaid since the
--                              instalment due 2026-09-20: overdue.
insert into fake_fund_account (id_no, account_no, holder_name, status, balance, continuous_months, monthly_deposit, outstanding_loan) values
('410802196503120515', 'GJJ4108000301', '孙建国', 'SEALED', 0, 0, 2300.00, false),
('410811196610080332', 'GJJ4108000302', '钱立新', 'NORMAL', 0, 180, 2400.00, false),
('410802199605200640', 'GJJ4108000303', '周晓燕', 'NORMAL', 0, 38, 1100.00, false),
('410803198307140717', 'GJJ4108000304', '郑海涛', 'NORMAL', 0, 110, 2000.00, true),
('410811198509260821', 'GJJ4108000305', '冯丽娟', 'NORMAL', 0, 90, 1600.00, true);

insert into fake_credit_record (id_no, overdue_last_24_months, currently_overdue, existing_monthly_debt) values
('410802196503120515', 0, false, 0.00),
('410811196610080332', 0, false, 0.00),
('410802199605200640', 0, false, 0.00),
('410803198307140717', 0, false, 5200.00),
('410811198509260821', 3, true, 2300.00);

-- Of the earlier demo citizens, 王强 withdrew for overhauling his 1996 flat (02) on 2026-10-15, 吴丽 for rent (07) on
-- 2026-09-12 and 陈静 for her loan's repayment (06) on 2025-11-20.
-- The ledgers: existing demo accounts first (their balance is taken back to zero and rebuilt from the rows).
update fake_fund_account set balance = 0
 where account_no in ('GJJ4108000100', 'GJJ4108000101', 'GJJ4108000102', 'GJJ4108000103', 'GJJ4108000104',
                      'GJJ4108000105', 'GJJ4108000106', 'GJJ4108000107', 'GJJ4108000201', 'GJJ4108000202',
                      'GJJ4108000203');
select pg_temp.seed_ledger('GJJ4108000100', 62000.00, 1850.00, date '2021-12-01', date '2026-11-01', '[]'),
       pg_temp.seed_ledger('GJJ4108000101', 38000.00, 1200.00, date '2022-12-01', date '2026-11-01', '[]'),
       pg_temp.seed_ledger('GJJ4108000102', 12000.00, 900.00, date '2024-06-01', date '2026-11-01',
                           '[{"on": "2026-10-15", "amount": 10000.00, "reason": "02", "type": "OVERHAUL",
                              "case": "TQ20261015000008", "home": "豫(2016)焦作市不动产权第0023456号"}]'),
       pg_temp.seed_ledger('GJJ4108000103', 21000.00, 800.00, date '2026-07-01', date '2026-11-01', '[]'),
       pg_temp.seed_ledger('GJJ4108000104', 45000.00, 0, null, null, '[]'),
       pg_temp.seed_ledger('GJJ4108000105', 80000.00, 2100.00, date '2018-12-01', date '2026-11-01',
                           '[{"on": "2025-11-20", "amount": 24000.00, "reason": "06", "type": "LOAN_REPAYMENT_YEARLY",
                              "case": "TQ20251120000031", "home": "豫(2019)焦作市不动产权第0078901号"}]'),
       pg_temp.seed_ledger('GJJ4108000106', 150000.00, 2600.00, date '2010-04-01', date '2026-11-01', '[]'),
       pg_temp.seed_ledger('GJJ4108000107', 9000.00, 700.00, date '2024-12-01', date '2026-11-01',
                           '[{"on": "2026-09-12", "amount": 6000.00, "reason": "07", "type": "RENT",
                              "case": "TQ20260912000015"}]'),
       pg_temp.seed_ledger('GJJ4108000201', 56000.00, 1700.00, date '2021-12-01', date '2026-11-01', '[]'),
       pg_temp.seed_ledger('GJJ4108000202', 43000.00, 1500.00, date '2022-12-01', date '2026-11-01', '[]'),
       pg_temp.seed_ledger('GJJ4108000203', 61000.00, 1900.00, date '2020-12-01', date '2026-11-01', '[]'),
       pg_temp.seed_ledger('GJJ4108000301', 128600.00, 2300.00, date '2000-01-01', date '2025-07-01', '[]'),
       pg_temp.seed_ledger('GJJ4108000302', 97300.00, 2400.00, date '2011-12-01', date '2026-11-01',
                           '[{"on": "2026-03-16", "amount": 40000.00, "reason": "01", "type": "PURCHASE_RESALE",
                              "case": "TQ20260316000012", "home": "豫(2026)焦作市不动产权第0089012号"}]'),
       pg_temp.seed_ledger('GJJ4108000303', 26800.00, 1100.00, date '2023-10-01', date '2026-11-01',
                           '[{"on": "2025-12-10", "amount": 6000.00, "reason": "07", "type": "RENT",
                              "case": "TQ20251210000027"}]'),
       pg_temp.seed_ledger('GJJ4108000304', 54300.00, 2000.00, date '2017-10-01', date '2026-11-01',
                           '[{"on": "2025-12-18", "amount": 36000.00, "reason": "06", "type": "LOAN_REPAYMENT_YEARLY",
                              "case": "TQ20251218000044", "home": "豫(2022)焦作市不动产权第0056789号"}]'),
       pg_temp.seed_ledger('GJJ4108000305', 31500.00, 1600.00, date '2019-04-01', date '2026-11-01', '[]');

-- The 2,000 namesakes of 张伟 and 李娜 (training copies) carry their balance forward from the start of the interest
-- year 2026-07-01, in one row each.
create temporary table carried_forward on commit drop as
select account_no, balance from fake_fund_account a
 where balance <> 0 and not exists (select 1 from fake_fund_movement m where m.account_no = a.account_no);
update fake_fund_account set balance = 0 where account_no in (select account_no from carried_forward);
insert into fake_fund_movement (account_no, booked_on, kind, business_type, amount)
select account_no, date '2026-07-01', 'OPENING', '03', balance from carried_forward;

-- from now on the balance changes only through the ledger, and every new account starts its own
create trigger fake_fund_account_opened after insert on fake_fund_account
    for each row execute function fake_fund_open_account();
create trigger fake_fund_account_balance_only_by_ledger before update of balance on fake_fund_account
    for each row execute function fake_fund_balance_only_by_ledger();

drop function pg_temp.seed_ledger(text, numeric, numeric, date, date, jsonb);
