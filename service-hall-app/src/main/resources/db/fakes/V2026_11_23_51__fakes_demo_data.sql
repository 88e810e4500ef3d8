-- Demo citizens (ID numbers with valid check characters; fictitious people).
insert into fake_fund_account (id_no, account_no, holder_name, status, balance, continuous_months, monthly_deposit, outstanding_loan) values
('410802198506150313', 'GJJ4108000100', '张伟', 'NORMAL', 62000.00, 60, 1850.00, false),
('410802198703080422', 'GJJ4108000101', '李娜', 'NORMAL', 38000.00, 48, 1200.00, false),
('410803199004120158', 'GJJ4108000102', '王强', 'NORMAL', 12000.00, 30, 900.00, false),
('410811199209100273', 'GJJ4108000103', '赵敏', 'NORMAL', 21000.00, 5, 800.00, false),
('410821197801200533', 'GJJ4108000104', '刘洋', 'SEALED', 45000.00, 0, 0.00, false),
('410822198207070642', 'GJJ4108000105', '陈静', 'NORMAL', 80000.00, 96, 2100.00, true),
('410802196801030710', 'GJJ4108000106', '周建国', 'NORMAL', 150000.00, 200, 2600.00, false),
('410802199501010826', 'GJJ4108000107', '吴丽', 'NORMAL', 9000.00, 24, 700.00, false);

insert into fake_credit_record (id_no, overdue_last_24_months, currently_overdue, existing_monthly_debt) values
('410802198506150313', 0, false, 1200.00),
('410802198703080422', 0, false, 0.00),
('410803199004120158', 0, false, 0.00),
('410811199209100273', 3, true, 0.00),
('410821197801200533', 0, false, 0.00),
('410822198207070642', 0, false, 3500.00),
('410802196801030710', 0, false, 0.00),
('410802199501010826', 0, false, 0.00);

insert into fake_registry_title (certificate_no, address, floor_area, build_year, owner_names, sealed, mortgaged) values
('豫(2018)焦作市不动产权第0012345号', '焦作市解放区民主南路 88 号 3 幢 2 单元 501 室', 118.50, 2008, '王强', false, false),
('豫(2016)焦作市不动产权第0023456号', '焦作市山阳区人民路 1200 号 5 幢 1 单元 302 室', 89.20, 1996, '王强', false, false),
('豫(2019)焦作市不动产权第0034567号', '焦作市中站区太行路 16 号 1 幢 1 单元 101 室', 96.00, 2012, '王强', true, false),
('豫(2017)焦作市不动产权第0045678号', '焦作市马村区光亚街 9 号 2 幢 3 单元 602 室', 132.00, 2015, '孙红', false, true);
