-- Issue 11, ADR 0008: a case has one number and one or more parts, one per service it joins, each driven by its own
-- process instance; a bundle (一件事一次办) will be a parent part above them. Every existing case had one process:
-- it becomes the case's part 1.
create table intake_case_part (
    -- a part goes with its case (the history generator deletes what it wrote)
    case_no             text        not null references intake_case (case_no) on delete cascade,
    part_no             integer     not null check (part_no between 1 and 99),
    service_type        text        not null,
    process_instance_id text        unique,    -- null until the part's process is started
    parent_part_no      integer,               -- the bundle part above this one, later
    opened_at           timestamptz not null,
    primary key (case_no, part_no),
    foreign key (case_no, parent_part_no) references intake_case_part (case_no, part_no)
);

insert into intake_case_part (case_no, part_no, service_type, process_instance_id, opened_at)
select case_no, 1, service_type, process_instance_id, submitted_at from intake_case;

alter table intake_case drop column process_instance_id;
