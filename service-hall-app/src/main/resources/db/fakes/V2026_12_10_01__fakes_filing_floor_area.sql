-- 建筑面积: a filed purchase contract states the unit's floor area beside its total price; the loan contract prints both.
-- Left nullable so that a test's filing need not state it (the hall then prints —).
alter table fake_contract_filing add column floor_area numeric(10, 2);

update fake_contract_filing set floor_area = 118.36 where filing_no in ('WQ2026-FZ-000101', 'WQ2026-FZ-000103');
update fake_contract_filing set floor_area = 89.52 where filing_no = 'WQ2026-FZ-000102';
update fake_contract_filing set floor_area = 142.80 where filing_no = 'WQ2026-BJ-000201';
-- every other filing seeded so far (the demo developers'): a three-room flat
update fake_contract_filing set floor_area = 98.60 where floor_area is null;
