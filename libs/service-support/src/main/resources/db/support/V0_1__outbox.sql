-- Transactional outbox: an event is written in the same transaction as the state change it
-- describes, and a relay publishes it to Kafka afterwards. Nothing accepted is lost when the
-- broker is down; it is published when the broker is back.
create table outbox_event (
    seq          bigserial primary key,
    id           uuid        not null unique,
    topic        text        not null,
    record_key   text        not null,
    payload      text        not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz,
    attempts     int         not null default 0,
    last_error   text
);
create index outbox_event_unpublished on outbox_event (seq) where published_at is null;
