-- Answers to creating requests, kept per Idempotency-Key so that a retry creates nothing twice.
create table platform_idempotent_request (
    scope             text        not null,  -- who asked for what: user and operation
    idempotency_key   text        not null,
    request_hash      text        not null,  -- SHA-256 of the request body
    response_status   integer,
    response_body     jsonb,
    response_location text,
    created_at        timestamptz not null,
    primary key (scope, idempotency_key)
);

create index platform_idempotent_request_created_at on platform_idempotent_request (created_at);
