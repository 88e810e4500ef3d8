-- 审计日志: every action on a case or on personal data, once, in the transaction of the action (audit.AuditTrail).
-- Entries form one chain per day (hall time): each carries the SHA-256 of the one before (the first of a day: of the
-- day itself), and its own hash over every column below but the hash. Rows are never changed or deleted: the
-- triggers refuse it, and the chain shows whoever turns the triggers off (audit.AuditVerification).
create table audit_entry (
    day           date        not null,
    seq           bigint      not null,          -- 1, 2, 3 … within the day, no gaps
    occurred_at   timestamptz not null,
    actor_id      text        not null,          -- sign-in name; SYSTEM for the engine's own steps; ANONYMOUS
    actor_name    text,
    actor_posts   text,                          -- the hall groups, comma-separated (hpf-approver)
    actor_company text,                          -- a developer agent's company (unified social credit code)
    action        text        not null,          -- audit.AuditAction
    case_no       text,
    person_id     text,                          -- the citizen's resident ID number the action concerns
    subject       text,                          -- what exactly: the step, the document number, the export
    address       text,                          -- the client's address (forwarded headers from trusted proxies)
    channel       text        not null,          -- PAGE, API, SYSTEM
    prev_hash     text        not null,
    hash          text        not null,
    primary key (day, seq)
);

create index audit_entry_case on audit_entry (case_no, occurred_at) where case_no is not null;
create index audit_entry_person on audit_entry (person_id, occurred_at) where person_id is not null;
create index audit_entry_actor on audit_entry (actor_id, occurred_at);

-- The head of each day's chain: taken FOR UPDATE by the writer, so entries are numbered and linked one at a time.
create table audit_chain_head (
    day       date   primary key,
    last_seq  bigint not null,
    last_hash text   not null
);

-- 日终封存: each past day's last hash and number of entries, signed with the fund centre's document key
-- (SHA256withRSA over the seal's text), each seal naming the one before.
create table audit_seal (
    day            date        primary key,
    entries        bigint      not null,
    last_hash      text        not null,
    prev_seal_hash text        not null,
    sealed_at      timestamptz not null,
    signature      text        not null,         -- base64
    certificate    text        not null          -- the signer's X.509 certificate, base64 DER
);

create function audit_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail is append-only: % on % refused', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end $$;

create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_refuse_change();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_refuse_change();
create trigger audit_seal_append_only before update or delete on audit_seal
    for each row execute function audit_refuse_change();
create trigger audit_seal_no_truncate before truncate on audit_seal
    for each statement execute function audit_refuse_change();
