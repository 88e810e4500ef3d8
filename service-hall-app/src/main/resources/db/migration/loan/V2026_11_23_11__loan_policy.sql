-- City loan policy as dated configuration (domain.md §0.2): a version stays in force until the next one's
-- effective_from. A decision records the version it used. Values marked 'assumed' in note are not from a published
-- source and must be confirmed with the centre before production use.
create table loan_city_policy (
    id                      text          primary key,          -- e.g. JIAOZUO-2024
    city_code               text          not null,             -- JIAOZUO, LUOYANG
    city_name               text          not null,
    effective_from          date          not null,
    cap_single              numeric(12,2) not null,             -- 单方缴存 / 单职工
    cap_dual                numeric(12,2) not null,             -- 双方缴存 / 双职工
    cap_talent              numeric(12,2),                      -- 高层次人才
    balance_multiple        numeric(6,2),                       -- N in balance × N × coefficient; null: limit not used
    coefficient_table       text,                               -- DMN DepositTimeCoefficient table
    ltv_first_home          numeric(4,3)  not null,             -- max loan / min(contract, assessed price)
    ltv_second_home         numeric(4,3)  not null,
    debt_service_ratio      numeric(4,3)  not null,             -- max monthly payment / household income
    min_continuous_months   integer       not null,
    max_term_months         integer       not null,
    house_age_limit_years   integer       not null,             -- resale: house age + term
    round_down_to           numeric(12,2) not null,             -- approvable amount rounded down to this unit
    note                    text          not null,             -- sources and assumptions
    unique (city_code, effective_from)
);

insert into loan_city_policy values
('JIAOZUO-2020', 'JIAOZUO', '焦作市', date '2020-01-01', 600000, 600000, null, 20, 'JIAOZUO_2020', 0.600, 0.600, 0.500, 6, 360, 30, 1000,
 'Seed 001 (earlier values): cap 600,000; ×20; maximum coefficient after 36 months; single depositor ≤ 60 % of price; 30-year house-age rule. Assumed: effective date, coefficient steps below 36 months, second-home ratio, DSR 50 %, 6 months, rounding to 1,000.'),
('JIAOZUO-2024', 'JIAOZUO', '焦作市', date '2024-01-01', 800000, 800000, null, 30, 'JIAOZUO', 0.800, 0.600, 0.500, 6, 360, 40, 1000,
 'Seed 001: cap 800,000 per loan; ×30 × deposit-time coefficient; maximum coefficient after 24 months; single depositor ≤ 80 % of price; house age + term ≤ 40 years. Assumed: effective date (the report of 2024 says "in the last two years"), coefficient steps below 24 months, second-home ratio 60 %, DSR 50 %, 6 months (national baseline), rounding to 1,000.'),
('LUOYANG-2015', 'LUOYANG', '洛阳市', date '2015-01-01', 400000, 400000, null, 15, 'GRADED', 0.800, 0.600, 0.500, 6, 360, 50, 1000,
 'Seed 000: cap 400,000 before 2019-05. Assumed: effective date, ×15 and the graded coefficient table (domain.md §1.2, illustrative), 80 %/60 %, DSR 50 %, 50-year house-age rule, rounding.'),
('LUOYANG-2019', 'LUOYANG', '洛阳市', date '2019-05-01', 450000, 550000, 600000, 15, 'GRADED', 0.800, 0.600, 0.500, 6, 360, 50, 1000,
 'Seed 000: from 2019-05 single depositor 450,000, dual 550,000, high-level talent 600,000. Assumed: day of month, ×15 and the graded coefficient table (domain.md §1.2, illustrative), 80 %/60 %, DSR 50 %, 50-year house-age rule, rounding.');

-- PBOC housing provident fund loan rates (domain.md §2.2). Second-home rates are the floors ("≥").
create table loan_interest_rate (
    effective_from        date         primary key,
    first_home_up_to_5y   numeric(6,3) not null,
    first_home_over_5y    numeric(6,3) not null,
    second_home_up_to_5y  numeric(6,3) not null,
    second_home_over_5y   numeric(6,3) not null,
    source                text         not null
);

insert into loan_interest_rate values
(date '2015-08-26', 2.750, 3.250, 3.025, 3.575, 'China Daily 2015-09-01; Dongguan notice; second home 1.1×'),
(date '2022-10-01', 2.600, 3.100, 3.025, 3.575, 'Xinhua 2022-09-30; second-home rates unchanged'),
(date '2024-05-18', 2.350, 2.850, 2.775, 3.325, 'Xinhua 2024-05-17'),
(date '2025-05-08', 2.100, 2.600, 2.525, 3.075, 'Xinhua/People''s Daily 2025-05-07');
