-- Who did each step, by name as well: the staff member's display name (王晓明) as they were signed in when they did
-- it, next to their login (actor_id, clerk1), which stays for the audit. Receipts, the case page and the API show the
-- name. Null for the system's steps and for lines written before names were kept (those show the login).
alter table intake_case_event add column actor_name text;
