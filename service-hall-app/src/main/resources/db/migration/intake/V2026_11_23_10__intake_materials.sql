-- Materials checked at the window, round by round. A round with anything missing produces one notice (一次性告知书)
-- listing every missing item; the case then waits for the citizen (补正).
create table intake_material_check (
    case_no       text        not null references intake_case (case_no),
    round         integer     not null,
    material_code text        not null,
    provided      boolean     not null,
    checked_at    timestamptz not null,
    checked_by    text        not null,
    primary key (case_no, round, material_code)
);

create table intake_missing_materials_notice (
    notice_no       text        primary key,
    case_no         text        not null references intake_case (case_no),
    round           integer     not null,
    issued_at       timestamptz not null,
    issued_by       text        not null,
    supplemented_at timestamptz,
    unique (case_no, round)
);
