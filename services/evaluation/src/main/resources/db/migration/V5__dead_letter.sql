-- Records a Kafka consumer could not apply for a permanent reason (malformed, against the contract, a
-- bug), kept so that the rest of the topic keeps flowing and an administrator can replay or discard
-- them (org.tcmeval.support.deadletter). Transient failures (database down) are retried, never stored.
-- The same table in every consuming service: each has its own database and migration sequence, so the
-- SQL is repeated per service rather than shared at a fixed version.
create table dead_letter (
    id               uuid        primary key,
    channel          text        not null,
    topic            text        not null,
    record_partition int         not null,
    record_offset    bigint      not null,
    record_key       text,
    payload          text,
    error_class      text        not null,
    error_message    text,
    first_failed_at  timestamptz not null default now(),
    last_failed_at   timestamptz not null default now(),
    attempts         int         not null default 1,
    status           text        not null default 'OPEN' check (status in ('OPEN', 'REPLAYED', 'DISCARDED')),
    replayed_at      timestamptz,
    discarded_at     timestamptz,
    resolved_by      text,
    -- A record delivered again (its offset was not committed before a crash) updates its dead letter.
    unique (channel, topic, record_partition, record_offset)
);
create index dead_letter_open on dead_letter (channel) where status = 'OPEN';
