-- City withdrawal policy as dated configuration (domain.md §0.2): a version stays in force until the next one's
-- effective_from; a withdrawal decision uses the version in force on the day of acceptance and records its id.
-- Values marked 'Assumed' in note come from no published Jiaozuo source and must be confirmed with the centre before
-- production use.
create table withdrawal_city_policy (
    id                            text          primary key,     -- e.g. JIAOZUO-2024
    city_code                     text          not null,
    city_name                     text          not null,
    effective_from                date          not null,
    min_continuous_months         integer       not null check (min_continuous_months >= 0),      -- partial withdrawals
    rent_monthly_cap              numeric(12,2) not null check (rent_monthly_cap > 0),           -- 租房提取每月上限
    rent_interval_months          integer       not null check (rent_interval_months > 0),       -- once per N months
    rent_max_months               integer       not null check (rent_max_months > 0),            -- months paid at most per withdrawal
    purchase_window_months        integer       not null check (purchase_window_months > 0),     -- after the purchase
    purchase_withdrawals_per_home integer       not null check (purchase_withdrawals_per_home > 0), -- per home per family
    repayment_interval_months     integer       not null check (repayment_interval_months > 0),  -- yearly repayment withdrawal
    illness_cap                   numeric(12,2) check (illness_cap > 0),                         -- null: out-of-pocket only
    elevator_cap                  numeric(12,2) check (elevator_cap > 0),                        -- null: the share only
    leaving_city_sealed_months    integer       not null check (leaving_city_sealed_months >= 0),
    four_eyes_above               numeric(12,2) not null check (four_eyes_above > 0),            -- second approver above
    note                          text          not null,                                        -- sources and assumptions
    unique (city_code, effective_from)
);

insert into withdrawal_city_policy values
('JIAOZUO-2024', 'JIAOZUO', '焦作市', date '2024-01-01', 3, 800.00, 3, 12, 24, 1, 12, 150000.00, 30000.00, 6, 200000.00,
 'Assumed, every value: the seed reports give no Jiaozuo withdrawal parameters (domain.md §0.3), so each is taken from the typical ranges of domain.md §4.2: continuous deposit 3 months (§4.2 B rent, "often ≥ 3 months"); rent cap 800/month (Xiamen 1,500 and Guangzhou 2,000 are low-authority sample data, §4.2 B; a smaller city set lower), once per 3 months, at most 12 months per withdrawal; purchase within 24 months (§4.2 B "1–3 years"), once per home per family ("once per purchase"); repayment yearly (§4.2 B); illness cap 150,000 and elevator cap 30,000 (no source; §4.2 B says only "≤ out-of-pocket cost", "≤ cost share"); leaving the city after 6 months sealed (Chongqing, §0.3 and §4.2 A); four-eyes above 200,000 (no source). Effective date assumed.'),
('JIAOZUO-2026', 'JIAOZUO', '焦作市', date '2026-07-01', 3, 1000.00, 3, 12, 24, 1, 12, 150000.00, 30000.00, 6, 200000.00,
 'As JIAOZUO-2024 with the rent cap raised to 1,000/month from 2026-07-01. Assumed: the raise and its date (a second version so that the day the policy changes can be tested, domain.md §0.2); everything else as before.');
