-- Re-judging after a target-profile change, as a durable job worked in batches off the reports' path
-- (RejudgeJobs): the catalog-changed consumer only records the job, in the transaction that stores the
-- profile, so a provincial change never stalls report processing and a crash resumes at the cursor.
create table rejudge_job (
    id              bigserial primary key,
    profile_id      text    not null,
    revision        int     not null,
    -- Division code prefix whose reports are re-applied and whose results are re-judged ('' = national).
    prefix          text    not null,
    phase           text    not null default 'REAPPLY' check (phase in ('REAPPLY', 'REJUDGE', 'DONE')),
    -- Keyset cursors, advanced in the transaction of each batch: the last report re-applied, the last
    -- result re-judged.
    after_report    uuid    not null default '00000000-0000-0000-0000-000000000000',
    after_unit      text    not null default '',
    after_indicator text    not null default '',
    after_year      int     not null default 0,
    batches         int     not null default 0,
    created_at      timestamptz not null default now(),
    finished_at     timestamptz
);
create index rejudge_job_open on rejudge_job (id) where phase <> 'DONE';
