-- A new-house application names a project of the agent's company (developer_project) and the filed purchase
-- contract's number at the housing authority (网签备案号); project_name stays, readable in the case.
alter table loan_application
    add column project_id          bigint,
    add column contract_filing_no  text;
