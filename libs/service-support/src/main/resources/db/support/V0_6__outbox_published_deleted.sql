-- An event is deleted once Kafka has acknowledged it, instead of being marked published: the mark
-- rewrote every row (a new version of its ~1 KB payload and of its index entries), which was the
-- costliest statement of a bulk report job after the inserts themselves, and the table kept every
-- event ever sent. Kafka holds what was published; the table holds only what is still to go.
delete from outbox_event where published_at is not null;
-- Drops the partial index on unpublished rows with it: every row left is unpublished.
alter table outbox_event drop column published_at;
