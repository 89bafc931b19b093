-- Several reporting instances share the job queue. An instance claims a job by writing its name and
-- a lease end (database time, so instances need no synchronised clocks) and renews the lease while
-- the job runs; each transaction of the job first checks the lease is still its own and holds the
-- job row locked until it commits. A job whose lease ran out (its instance died) is taken over.
-- A job left RUNNING before this migration has no lease and is claimable.
alter table report_job add column lease_owner text, add column lease_until timestamptz;
