-- A new-house application keeps the house as the filed purchase contract (网签备案) states it at submission: the
-- floor area (建筑面积, m²) and the total price (合同总价, yuan), which the loan contract prints. Empty for cases
-- submitted before this change.
alter table loan_application
    add column floor_area      numeric(10, 2),
    add column contract_price  numeric(14, 2);
