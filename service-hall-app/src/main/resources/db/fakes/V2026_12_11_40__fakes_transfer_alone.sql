-- 转移登记 alone (the buyers paid with their own funds after a refused fund loan, issue 14): a registered transfer
-- without a mortgage has no 不动产登记证明号, mortgagee, loan contract or secured amount.
alter table fake_registry_transfer alter column mortgage_certificate_no drop not null;
alter table fake_registry_transfer alter column mortgagee drop not null;
alter table fake_registry_transfer alter column loan_contract_no drop not null;
alter table fake_registry_transfer alter column secured_amount drop not null;
alter table fake_registry_transfer add constraint fake_registry_transfer_mortgage_whole
    check ((mortgage_certificate_no is null) = (mortgagee is null) and (mortgagee is null) = (loan_contract_no is null)
           and (loan_contract_no is null) = (secured_amount is null));
