-- The public verification page is rate-limited per client across every hall node: each lookup of a document number
-- and each check of a file is recorded with a hash of the client's address and the day (not the address itself: a
-- pseudonym that changes daily), and a client over the limit in the last minute is refused.
alter table documents_verification
    add column kind        text not null default 'CHECK' check (kind in ('CHECK', 'LOOKUP')),
    add column client_hash text,
    alter column sha256 drop not null;

alter table documents_verification
    add constraint documents_verification_check_has_hash check (kind = 'LOOKUP' or sha256 is not null);

create index documents_verification_client on documents_verification (client_hash, checked_at);
