-- The newest version of every report this service has seen (report-submitted is the only source).
create table report_ref (
    report_id      uuid primary key,
    institution_id uuid    not null,
    period         text    not null,
    year           int     not null,
    version        int     not null,
    figures        jsonb   not null
);
create index report_ref_institution on report_ref (institution_id, period);

-- What one institution currently adds to the sums of its county, city and province. Kept so that a
-- correction or a move takes exactly the old contribution back instead of rescanning every report.
create table contribution (
    institution_id uuid    not null,
    indicator_code text    not null,
    year           int     not null,
    county_code    char(6) not null,
    numerator      numeric not null,
    denominator    numeric not null,
    primary key (institution_id, indicator_code, year)
);

-- Running sums per division (county 6, city 4, province 2 digits).
create table aggregate (
    division_code  text    not null,
    indicator_code text    not null,
    year           int     not null,
    numerator      numeric not null default 0,
    denominator    numeric not null default 0,
    primary key (division_code, indicator_code, year)
);

-- The judged outcome per unit (an institution or a division), indicator and year: the scorecard.
create table indicator_result (
    unit_id        text    not null,
    scope          text    not null,
    indicator_code text    not null,
    year           int     not null,
    value          numeric,
    numerator      numeric,
    denominator    numeric,
    comparator     text,
    threshold      numeric,
    upper_bound    numeric,
    profile_id     text,
    status         text    not null,
    sequence       bigint  not null,
    updated_at     timestamptz not null,
    primary key (unit_id, indicator_code, year)
);
create index indicator_result_scope on indicator_result (scope, unit_id text_pattern_ops, year);
