-- The documents citizens take away, as issued: signed PDF bytes and their SHA-256. Immutable: a document is never
-- changed or deleted, only issued.
create table documents_document (
    document_no  text        primary key,
    case_no      text        not null references intake_case (case_no),
    kind         text        not null,   -- ACCEPTANCE_RECEIPT, MISSING_MATERIALS_NOTICE, LOAN_CONTRACT, ...
    occurrence   text        not null,   -- which one of its kind in the case (e.g. the notice's round); '1' usually
    issuer       text        not null,   -- HPF, BANK, REGISTRY, GUARANTOR
    title        text        not null,
    sha256       text        not null unique,
    size_bytes   integer     not null check (size_bytes > 0),
    content      bytea       not null,
    issued_at    timestamptz not null,
    unique (case_no, kind, occurrence)
);

create index documents_document_case on documents_document (case_no, issued_at);

create function documents_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'documents_document is immutable: % of % refused', tg_op, old.document_no;
end;
$$;

create trigger documents_document_immutable
    before update or delete on documents_document
    for each row execute function documents_refuse_change();

-- Every download, for the audit: who took which document when.
create table documents_download (
    id            bigint generated always as identity primary key,
    document_no   text        not null references documents_document (document_no),
    downloaded_by text        not null,
    downloaded_at timestamptz not null,
    channel       text        not null   -- API or PAGE
);

create index documents_download_document on documents_download (document_no, downloaded_at);

-- Every check of a presented file at the public verification page (no personal data of the visitor).
create table documents_verification (
    id           bigint generated always as identity primary key,
    checked_at   timestamptz not null,
    sha256       text        not null,
    document_no  text,                    -- the document it matched, if any
    outcome      text        not null     -- GENUINE, ALTERED, UNKNOWN, NOT_A_PDF
);
