-- Issue 14 (ADR 0009, consequences): a bundle's case may hold two withdrawal parts (退休一件事 with a fund loan: the
-- loan's payoff, part 2, and the retirement closing, part 3), so the withdrawal's own records are kept per part of the
-- case, not per case: the application, the rules' decision, the flags, the opinions and the payment each name the
-- part (intake_case_part.part_no). A withdrawal case alone (TQ…) is its case's part 1, as before; a withdrawal that
-- was already a bundle's part is that bundle's only withdrawal part.
alter table withdrawal_application add column part_no integer;
alter table withdrawal_decision add column part_no integer;
alter table withdrawal_flag add column part_no integer;
alter table withdrawal_review add column part_no integer;
alter table withdrawal_payment add column part_no integer;

create temporary table withdrawal_part_of_case on commit drop as
select case_no, min(part_no) as part_no from intake_case_part where service_type = 'WITHDRAWAL' group by case_no;

update withdrawal_application t set part_no = coalesce(
    (select p.part_no from withdrawal_part_of_case p where p.case_no = t.case_no), 1);
update withdrawal_decision t set part_no = coalesce(
    (select p.part_no from withdrawal_part_of_case p where p.case_no = t.case_no), 1);
update withdrawal_flag t set part_no = coalesce(
    (select p.part_no from withdrawal_part_of_case p where p.case_no = t.case_no), 1);
update withdrawal_review t set part_no = coalesce(
    (select p.part_no from withdrawal_part_of_case p where p.case_no = t.case_no), 1);
update withdrawal_payment t set part_no = coalesce(
    (select p.part_no from withdrawal_part_of_case p where p.case_no = t.case_no), 1);

alter table withdrawal_application alter column part_no set not null,
    drop constraint withdrawal_application_pkey, add primary key (case_no, part_no);
alter table withdrawal_decision alter column part_no set not null,
    drop constraint withdrawal_decision_pkey, add primary key (case_no, part_no);
alter table withdrawal_flag alter column part_no set not null,
    drop constraint withdrawal_flag_pkey, add primary key (case_no, part_no, rule);
alter table withdrawal_review alter column part_no set not null;
alter table withdrawal_payment alter column part_no set not null,
    drop constraint withdrawal_payment_pkey, add primary key (case_no, part_no);
drop index withdrawal_review_case;
create index withdrawal_review_part on withdrawal_review (case_no, part_no);

-- 提前结清公积金贷款 (LOAN_PAYOFF): a payoff is paid to the loan, not to a card; the loan servicing system's
-- reference of the repayment stands where a transfer's 流水号 does, and the payment says which it was.
alter table withdrawal_payment add column paid_to_loan text;   -- 借款合同编号 of the fund loan repaid, null = to the card
