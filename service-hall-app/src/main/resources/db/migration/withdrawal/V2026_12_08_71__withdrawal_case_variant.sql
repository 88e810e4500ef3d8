-- Withdrawals opened before cases carried their service's variant: their type, from the withdrawal's own record, so
-- that the dashboard counts them per type (the rollups are rebuilt by V2026_12_08_72).
update intake_case c
   set service_variant = a.type
  from withdrawal_application a
 where a.case_no = c.case_no and c.service_variant is null;
