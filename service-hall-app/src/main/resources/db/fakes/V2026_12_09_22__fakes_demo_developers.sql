-- The development realm's developer companies (keycloak/service-hall-realm.json: developer-company-a and -b), a
-- project each and their agents, so that agent-a and agent-b can submit in development and tests. Demo data: kept
-- with the fakes, which a production installation leaves out; there the fund centre registers real companies.
insert into developer_company (uscc, name, status, created_at, updated_at, updated_by) values
('91350100M000100Y43', '福州示例房地产开发有限公司', 'ACTIVE', timestamptz '2026-11-01 09:00+08', timestamptz '2026-11-01 09:00+08', 'seed'),
('91110000600037341L', '北京示例房地产开发有限公司', 'ACTIVE', timestamptz '2026-11-01 09:00+08', timestamptz '2026-11-01 09:00+08', 'seed');

insert into developer_project (code, company_uscc, name, district, address, presale_permit_no, permit_issued_on,
                               permit_valid_until, status, escrow_bank, escrow_account_no, escrow_account_name,
                               updated_at, updated_by) values
('FZ-BJHY', '91350100M000100Y43', '滨江花园', '仓山区', '福州市仓山区滨江路 18 号', '榕房许字（2026）第018号',
 date '2026-01-05', date '2036-01-04', 'ON_SALE', '中国建设银行福州仓山支行', '35050188000012345678',
 '福州示例房地产开发有限公司预售资金监管专户', timestamptz '2026-11-01 09:00+08', 'seed'),
('BJ-JBJY', '91110000600037341L', '京北家园', '昌平区', '北京市昌平区回龙观北路 6 号', '京房售证字（2026）第035号',
 date '2026-01-20', date '2036-01-19', 'ON_SALE', '中国工商银行北京昌平支行', '0200012309200087654',
 '北京示例房地产开发有限公司预售资金监管专户', timestamptz '2026-11-01 09:00+08', 'seed');

insert into developer_agent (username, company_uscc, added_at, added_by) values
('agent-a', '91350100M000100Y43', timestamptz '2026-11-01 09:00+08', 'seed'),
('agent-b', '91110000600037341L', timestamptz '2026-11-01 09:00+08', 'seed'),
('service-account-sales-office-system', '91350100M000100Y43', timestamptz '2026-11-01 09:00+08', 'seed');
