-- A demo depositor for 退休一件事 with a fund loan (issue 14), fictitious, ID number valid per GB 11643:
--   陈国栋 410802196602100536  man born 1966-02-10: reformed retirement age 60y4m, reached 2026-06; retired 2026-06-10
--                              at social security; his account still NORMAL (the employer has not sealed it yet), balance
--                              186,400; a fund loan of 150,000 over 15 years at 3.25 % on his flat since 2018-10, repaid
--                              on time (77,410.60 outstanding after the instalment of 2026-11-20), no commercial loan.
-- The README's walk signs his 委托按月提取还贷 at the counter first, then accepts 退休一件事: the loan paid off from the
-- balance (part 2), the rest withdrawn and the account closed (part 3), the agreement ended.
insert into fake_fund_account (id_no, account_no, holder_name, status, balance, continuous_months, monthly_deposit,
                               outstanding_loan)
values ('410802196602100536', 'GJJ4108000306', '陈国栋', 'NORMAL', 186400.00, 120, 2200.00, true);

insert into fake_credit_record (id_no, overdue_last_24_months, currently_overdue, existing_monthly_debt)
values ('410802196602100536', 0, false, 1054.00);

insert into fake_social_security_retirement (id_no, retired_on, certificate_no)
values ('410802196602100536', date '2026-06-10', 'TX410800202606000207');

insert into fake_registry_title (certificate_no, address, floor_area, build_year, owner_names, sealed, mortgaged)
values ('豫(2018)焦作市不动产权第0090123号', '焦作市山阳区人民路 1288 号 5 幢 1 单元 602 室', 104.20, 2016, '陈国栋', false, true);
insert into fake_registry_owner (certificate_no, id_no, registered_on)
values ('豫(2018)焦作市不动产权第0090123号', '410802196602100536', date '2018-09-12');

insert into fake_housing_loan (contract_no, kind, lender, borrower_id_no, co_borrower_id_no, home_ref, principal,
                               annual_rate, term_months, first_due, monthly_instalment, overdue_since)
values ('JK2018092000031', 'FUND', '焦作市住房公积金管理中心', '410802196602100536', null,
        '豫(2018)焦作市不动产权第0090123号', 150000.00, 0.03250, 180, date '2018-10-20', 1054.00, null);
