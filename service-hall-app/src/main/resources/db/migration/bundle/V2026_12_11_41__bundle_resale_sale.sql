-- 二手房买卖+公积金贷款 (issue 14): the sale of a bundle case as the form stated it, and what each agency answered:
-- the housing authority's filing (网签备案号, withdrawn when the sale is cancelled), the tax bureau's deed tax
-- (核定编号, amount, 完税凭证号, marked for refund or voided when cancelled) and the registry's registration (the
-- buyers' new 不动产权证书号 and, with a fund loan, the fund centre's 不动产登记证明号).
create table bundle_resale_sale (
    case_no                    text           primary key references bundle_case (case_no),
    seller_name                text           not null,
    seller_id_no               text           not null,
    certificate_no             text           not null,   -- the seller's 不动产权证书号
    address                    text           not null,
    floor_area                 numeric(6, 2)  not null check (floor_area > 0),
    price                      numeric(11, 2) not null check (price > 0),
    signed_on                  date           not null,
    declared_home              text           not null check (declared_home in ('ONLY_HOME', 'SECOND_HOME', 'THIRD_OR_MORE')),
    spouse_id_no               text,
    filing_no                  text unique,               -- 存量房网签备案号
    filed_on                   date,
    filing_refusal             text,                      -- the housing authority's refusal, in its words
    filing_withdrawn_on        date,
    tax_assessment_no          text unique,               -- 契税核定编号
    tax_category               text,                      -- ONLY_HOME, SECOND_HOME, THIRD_OR_MORE as the bureau counted
    tax_rate                   numeric(5, 4),
    tax_amount                 numeric(11, 2),
    tax_certificate_no         text,                      -- 完税凭证号
    tax_paid_on                date,
    tax_cancel_status          text check (tax_cancel_status in ('REFUND_PENDING', 'VOIDED')),
    new_certificate_no         text unique,               -- the buyers' 不动产权证书号
    mortgage_certificate_no    text unique,               -- 不动产登记证明号, none for a transfer alone
    registered_on              date
);
