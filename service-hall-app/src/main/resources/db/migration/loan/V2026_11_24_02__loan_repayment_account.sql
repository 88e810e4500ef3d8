-- 还款账户: the borrower's own account the trustee bank debits each month (the repayment card on the checklist). The
-- contract and the IOU print it. Optional at submission: a citizen who has no card at the bank yet names it later.
alter table loan_application
    add column repayment_bank       text,
    add column repayment_account_no text;
