-- 查找案件: the start page and the API find a case by the beginning of its number, by the applicant's whole ID number
-- (intake_case_applicant), by its last digits and by the beginning of the name (intake.CaseSearch). LIKE 'abc%' can
-- use a b-tree only with the pattern operator class, whatever the database's collation; the ID number's tail is
-- looked up as the beginning of the reversed number.
create index intake_case_no_pattern on intake_case (case_no text_pattern_ops);
create index intake_case_applicant_tail on intake_case (reverse(applicant_id_no) text_pattern_ops);
create index intake_case_applicant_name on intake_case (applicant_name text_pattern_ops);
-- a page of a list: the newest first
create index intake_case_newest on intake_case (submitted_at desc, case_no desc);
