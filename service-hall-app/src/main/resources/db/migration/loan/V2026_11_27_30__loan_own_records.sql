-- The hall consults its own records (loan.LoanCollisions): before a case is accepted and before the bank pays, no
-- other open or paid loan case may name the same borrower or spouse, or the same flat. A flat is found by its
-- certificate number however it was typed: full-width or half-width characters, spaces or none.
create function loan_certificate_key(certificate_no text) returns text
    language sql immutable strict parallel safe
    return upper(regexp_replace(normalize(certificate_no, NFKC), '[[:space:]]+', '', 'g'));

alter table loan_property
    add column certificate_key text generated always as (loan_certificate_key(certificate_no)) stored;

create index loan_property_certificate_key on loan_property (certificate_key);

create index loan_party_id_no on loan_party (id_no);
