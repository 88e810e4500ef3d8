-- The public verification page counts refusals towards a client's limit too (no file, not a PDF, too large, an
-- unreadable upload): each is recorded as kind REFUSED, with the refusal's type as the outcome and no file hash.
alter table documents_verification drop constraint documents_verification_kind_check;
alter table documents_verification
    add constraint documents_verification_kind_check check (kind in ('CHECK', 'LOOKUP', 'REFUSED'));

alter table documents_verification drop constraint documents_verification_check_has_hash;
alter table documents_verification
    add constraint documents_verification_check_has_hash check (kind <> 'CHECK' or sha256 is not null);
