-- Issue 11: a case's status is the lifecycle every service shares; what a service does in between is its own stage.
-- The loan's stages (ASSESSED ... DISBURSED, RETURNED) were kept as statuses: they become stages of IN_PROGRESS, in
-- the case and in every line of its history, so existing cases read as before (pages and the API show the stage).
alter table intake_case add column stage text;        -- the service's stage while it works on the case, else null
alter table intake_case_event add column stage text;  -- the case's stage after the step, else null

update intake_case set stage = status, status = 'IN_PROGRESS'
 where status in ('RETURNED', 'ASSESSED', 'FIRST_REVIEWED', 'APPROVED', 'CONTRACT_SIGNED', 'MORTGAGE_REGISTERED',
                  'DISBURSED');
update intake_case_event set stage = status, status = 'IN_PROGRESS'
 where status in ('RETURNED', 'ASSESSED', 'FIRST_REVIEWED', 'APPROVED', 'CONTRACT_SIGNED', 'MORTGAGE_REGISTERED',
                  'DISBURSED');

alter table intake_case add constraint intake_case_lifecycle check (status in ('SUBMITTED', 'AWAITING_MATERIALS',
    'ACCEPTED', 'IN_PROGRESS', 'COMPLETED', 'REJECTED', 'WITHDRAWN', 'CANCELLED'));
alter table intake_case_event add constraint intake_case_event_lifecycle check (status in ('SUBMITTED',
    'AWAITING_MATERIALS', 'ACCEPTED', 'IN_PROGRESS', 'COMPLETED', 'REJECTED', 'WITHDRAWN', 'CANCELLED'));
