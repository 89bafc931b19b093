-- One report per institution and period; its figures live in immutable versions.
create table report (
    id              uuid primary key,
    institution_id  uuid    not null,
    division_code   text    not null,
    period          text    not null,
    year            int     not null,
    current_version int     not null,
    status          text    not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    unique (institution_id, period)
);
create index report_division on report (division_code text_pattern_ops, period);

create table report_version (
    report_id    uuid not null references report (id),
    version      int  not null,
    figures      jsonb not null,
    submitted_by text not null,
    submitted_at timestamptz not null,
    primary key (report_id, version)
);
