-- Placeholder for the catalog's own tables (stored profiles and their revisions come with the
-- catalog issue); the shared outbox and idempotency tables are created by db/support.
select 1;
