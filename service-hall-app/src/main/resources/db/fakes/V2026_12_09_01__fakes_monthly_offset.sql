-- 委托按月提取还贷 (monthly repayment offset, issue 12): each month the account system debits the month's instalment of
-- the depositor's fund loan from the fund account and pays it to the loan (冲还贷). It is a partial withdrawal (11,
-- reason 06) booked once per agreement and month: the agreement's case number and the month (period, YYYY-MM) are
-- its key; the loan it repaid is kept as the movement's home_ref, as a yearly repayment withdrawal's is.
alter table fake_fund_movement add column period text check (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$');

drop index fake_fund_movement_one_debit_per_case;
create unique index fake_fund_movement_one_debit_per_case on fake_fund_movement (case_no)
    where kind = 'WITHDRAWAL' and period is null;
create unique index fake_fund_movement_one_offset_per_month on fake_fund_movement (case_no, period)
    where kind = 'WITHDRAWAL' and period is not null;
