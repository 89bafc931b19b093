-- Idempotency-Key records: a retried create answers with the first response instead of creating
-- twice. Stored in the same transaction as the create, so either both exist or neither does.
create table idempotency_record (
    scope         text        not null,
    idem_key      text        not null,
    request_hash  text        not null,
    status        int         not null,
    location      text,
    body          text        not null,
    created_at    timestamptz not null default now(),
    primary key (scope, idem_key)
);
