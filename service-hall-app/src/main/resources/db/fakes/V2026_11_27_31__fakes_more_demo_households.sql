-- More demo households. The hall now refuses a second open or paid loan for one person or one flat, so the demo
-- couple 张伟 and 李娜 and 王强's flats serve one case each. For training and for tests, 1,000 namesakes of the couple
-- (same names and fund accounts, ID numbers of their own) and copies of 王强's flats (same registry data, certificate
-- numbers and rooms of their own):
--   husband n: 张伟, 410804 + (1985-06-15 + n days) + 031 + check character, as 张伟's account and credit record
--   wife n:    李娜, 410804 + (1987-03-08 + n days) + 042 + check character, as 李娜's account
--   flats n:   豫(2018)焦作市不动产权第1nnnnnn号 built 2008, 豫(2016)…第2nnnnnn号 built 1996,
--              豫(2019)…第3nnnnnn号 built 2012 and sealed (查封), each owned by 王强
-- (support.LoanFixtures in the tests hands them out one by one.) And three citizens whose names need characters
-- beyond GB 2312: 张燚 (U+71DA), 刘䶮 (U+4DAE, CJK extension A) and 张𪚥 (U+2A6A5, CJK extension B).
create function pg_temp.with_check_character(id17 text) returns text language sql immutable as $$
    select id17 || substr('10X98765432', (sum(substr(id17, k, 1)::int
                                              * (array[7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2])[k]) % 11)::int + 1, 1)
      from generate_series(1, 17) k
$$;

insert into fake_fund_account (id_no, account_no, holder_name, status, balance, continuous_months, monthly_deposit, outstanding_loan)
select pg_temp.with_check_character('410804' || to_char(date '1985-06-15' + n, 'YYYYMMDD') || '031'),
       'GJJ41081' || lpad(n::text, 5, '0'), '张伟', 'NORMAL', 62000.00, 60, 1850.00, false
  from generate_series(1, 1000) n
union all
select pg_temp.with_check_character('410804' || to_char(date '1987-03-08' + n, 'YYYYMMDD') || '042'),
       'GJJ41082' || lpad(n::text, 5, '0'), '李娜', 'NORMAL', 38000.00, 48, 1200.00, false
  from generate_series(1, 1000) n;

insert into fake_credit_record (id_no, overdue_last_24_months, currently_overdue, existing_monthly_debt)
select pg_temp.with_check_character('410804' || to_char(date '1985-06-15' + n, 'YYYYMMDD') || '031'), 0, false, 1200.00
  from generate_series(1, 1000) n
union all
select pg_temp.with_check_character('410804' || to_char(date '1987-03-08' + n, 'YYYYMMDD') || '042'), 0, false, 0.00
  from generate_series(1, 1000) n;

insert into fake_registry_title (certificate_no, address, floor_area, build_year, owner_names, sealed, mortgaged)
select '豫(2018)焦作市不动产权第1' || lpad(n::text, 6, '0') || '号',
       '焦作市解放区民主南路 88 号 ' || (10 + (n - 1) / 50) || ' 幢 ' || (1 + (n - 1) / 10 % 5) || ' 单元 '
           || (2 + (n - 1) % 10) || '01 室', 118.50, 2008, '王强', false, false
  from generate_series(1, 1000) n
union all
select '豫(2016)焦作市不动产权第2' || lpad(n::text, 6, '0') || '号',
       '焦作市山阳区人民路 1200 号 ' || (10 + (n - 1) / 50) || ' 幢 ' || (1 + (n - 1) / 10 % 5) || ' 单元 '
           || (2 + (n - 1) % 10) || '02 室', 89.20, 1996, '王强', false, false
  from generate_series(1, 200) n
union all
select '豫(2019)焦作市不动产权第3' || lpad(n::text, 6, '0') || '号',
       '焦作市中站区太行路 16 号 ' || (10 + (n - 1) / 50) || ' 幢 ' || (1 + (n - 1) / 10 % 5) || ' 单元 '
           || (2 + (n - 1) % 10) || '03 室', 96.00, 2012, '王强', true, false
  from generate_series(1, 200) n;

insert into fake_fund_account (id_no, account_no, holder_name, status, balance, continuous_months, monthly_deposit, outstanding_loan) values
('410804199001010013', 'GJJ4108000201', '张燚', 'NORMAL', 56000.00, 60, 1700.00, false),
('410804199202020031', 'GJJ4108000202', '刘䶮', 'NORMAL', 43000.00, 48, 1500.00, false),
('410804198803030054', 'GJJ4108000203', '张𪚥', 'NORMAL', 61000.00, 72, 1900.00, false);

drop function pg_temp.with_check_character(text);
