-- New-house applications submitted online by a developer's sales office name the project and the unit bought.
alter table loan_application
    add column project_name text,
    add column unit_no      text;
