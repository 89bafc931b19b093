-- The reporting cycle: division reports next to institution reports, review status, windows.
alter table report add column reporter_kind text not null default 'INSTITUTION';
alter table report add column reporter_id text;
update report set reporter_id = institution_id::text;
alter table report alter column reporter_id set not null;
alter table report alter column reporter_kind drop default;
alter table report alter column institution_id drop not null;
alter table report add column institution_type text;
-- Counts every change (version or decision): the report's ETag, so a decision pins what it saw.
alter table report add column revision int not null default 1;
alter table report alter column revision drop default;
update report set revision = current_version;
alter table report add column first_submitted_at timestamptz;
update report set first_submitted_at = created_at;
alter table report drop constraint report_institution_id_period_key;
alter table report add constraint report_reporter_period unique (reporter_id, period);
create index report_worklist on report (period, status, division_code text_pattern_ops);

alter table report_version add column status text not null default 'SUBMITTED';
alter table report_version alter column status drop default;
-- A JSON array of item codes, kept as text: the reactive client reads jsonb as objects only.
alter table report_version add column techniques text;
-- Field-level difference to the previous version: {"field": {"from": 8, "to": 9}}.
alter table report_version add column changes jsonb;

-- Every review decision, pinned to the version it was made on; never updated or deleted.
create table report_decision (
    report_id   uuid not null references report (id),
    revision    int  not null,
    version     int  not null,
    decision    text not null,
    comment     text,
    decided_by  text not null,
    decided_at  timestamptz not null,
    primary key (report_id, revision)
);

-- A province's reporting window per period; periods without a row use ReportPeriod's default.
create table reporting_window (
    province_code text not null,
    period        text not null,
    opens_on      date not null,
    closes_on     date not null,
    revision      int  not null,
    set_by        text not null,
    set_at        timestamptz not null,
    primary key (province_code, period)
);

-- A county's exception for one reporter and period: submissions are accepted until until_on.
create table window_reopening (
    reporter_id text not null,
    period      text not null,
    until_on    date not null,
    granted_by  text not null,
    granted_at  timestamptz not null,
    primary key (reporter_id, period)
);
