-- A case may carry its service's variant: a withdrawal's type (RETIREMENT, RENT ...), set when the case is opened,
-- so that the dashboard counts cases per variant under their service. Null for services without variants (loans).
alter table intake_case add column service_variant text;
