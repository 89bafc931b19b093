-- Bulk report jobs (批量填报): an upload is recorded here before the 202 answers, so a job that was
-- accepted survives a restart; the runner resumes QUEUED and RUNNING jobs at start-up.
create table report_job (
    id            uuid primary key,
    submitted_by  text        not null,
    -- The caller's jurisdiction and roles when the job was accepted: every row is checked against them.
    division_code text        not null,
    roles         text        not null,
    format        text        not null,
    mode          text        not null,
    dry_run       boolean     not null,
    state         text        not null,
    rows_total    int         not null default 0,
    rows_done     int         not null default 0,
    rows_failed   int         not null default 0,
    created       int         not null default 0,
    revised       int         not null default 0,
    unchanged     int         not null default 0,
    detail        text,
    created_at    timestamptz not null,
    started_at    timestamptz,
    finished_at   timestamptz
);
create index report_job_unfinished on report_job (created_at) where state in ('QUEUED', 'RUNNING');

-- The uploaded bytes, until the job has finished.
create table report_job_upload (
    job_id uuid primary key references report_job (id) on delete cascade,
    body   bytea not null
);

-- Every broken rule of every refused row; n numbers the errors of one row.
create table report_job_error (
    job_id  uuid not null references report_job (id) on delete cascade,
    row_no  int  not null,
    n       int  not null,
    field   text not null,
    rule    text not null,
    message text not null,
    primary key (job_id, row_no, n)
);

-- Which report each stored row became, so an integrator (or a reviewer's script) can follow up on it.
create table report_job_result (
    job_id    uuid not null references report_job (id) on delete cascade,
    row_no    int  not null,
    report_id uuid not null,
    revision  int  not null,
    outcome   text not null,
    primary key (job_id, row_no)
);
