-- A replayed answer carries the ETag of the first one, so a client's next If-Match is right.
alter table idempotency_record add column etag text;
