-- 申请材料: the files uploaded for the materials of a case's checklist. Each content is kept once, by its SHA-256
-- (materials_blob); each upload of it for a material of a case is a row of materials_upload.
create table materials_blob (
    sha256      text        primary key check (sha256 ~ '^[0-9a-f]{64}$'),
    media_type  text        not null check (media_type in ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes  integer     not null check (size_bytes > 0),
    pages       integer     check (pages > 0),          -- a PDF's
    width       integer     check (width > 0),          -- an image's, in pixels
    height      integer     check (height > 0),
    content     bytea       not null,
    stored_at   timestamptz not null,
    check ((media_type = 'application/pdf') = (pages is not null)),
    check ((media_type <> 'application/pdf') = (width is not null and height is not null))
);

-- a kept content never changes: what a clerk saw is what is served
create function materials_blob_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'materials_blob is immutable: % of %', tg_op, old.sha256;
end $$;

create trigger materials_blob_no_update before update on materials_blob
    for each row execute function materials_blob_immutable();

create table materials_upload (
    id                   uuid        primary key,
    case_no              text        not null references intake_case (case_no),
    material_code        text        not null,
    sha256               text        not null references materials_blob (sha256),
    file_name            text        not null,           -- the client's name, sanitised for display
    uploaded_by          text        not null,           -- login
    uploaded_by_name     text,                           -- the name they signed in with
    developer_company_id text,                           -- the USCC of the agent's company, for an agent's upload
    channel              text        not null check (channel in ('WINDOW', 'ONLINE')),
    uploaded_at          timestamptz not null,
    withdrawn_at         timestamptz,                    -- no longer counts (replaced or taken back)
    withdrawn_by         text
);

create index materials_upload_case on materials_upload (case_no, material_code, uploaded_at);

-- the same content for the same material of a case is one upload while it counts
create unique index materials_upload_once on materials_upload (case_no, material_code, sha256) where withdrawn_at is null;
