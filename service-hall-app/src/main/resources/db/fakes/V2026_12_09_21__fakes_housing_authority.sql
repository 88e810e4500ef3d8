-- 住建局 网签备案: the housing authority's filed purchase contracts (商品房买卖合同网签备案), asked by the filing number
-- when a developer's sales office submits a new-house loan application (agencies.HousingAuthority).
create table fake_contract_filing (
    filing_no         text primary key,          -- 网签备案号
    buyer_names       text not null,             -- comma-separated, in the contract's order
    buyer_id_numbers  text not null,             -- comma-separated, same order
    project_name      text not null,
    presale_permit_no text not null,
    unit_no           text not null,
    price             numeric(14, 2) not null,
    filed_on          date not null,
    status            text not null check (status in ('FILED', 'CANCELLED'))
);

insert into fake_contract_filing values
('WQ2026-FZ-000101', '钱七', '360426199101010071', '滨江花园', '榕房许字（2026）第018号', '3-1-1201', 1280000.00, date '2026-11-02', 'FILED'),
('WQ2026-FZ-000102', '张伟', '410802198506150313', '滨江花园', '榕房许字（2026）第018号', '3-1-502', 960000.00, date '2026-11-05', 'FILED'),
('WQ2026-FZ-000103', '钱七', '360426199101010071', '滨江花园', '榕房许字（2026）第018号', '3-1-1202', 1280000.00, date '2026-10-20', 'CANCELLED'),
('WQ2026-BJ-000201', '钱七', '360426199101010071', '京北家园', '京房售证字（2026）第035号', '5-2-801', 2600000.00, date '2026-11-10', 'FILED');
