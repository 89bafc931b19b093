-- Issue 8: every indicator judged by the evaluation engine (libs/evaluation-engine).
-- The long-based AGGREGATE_RATIO projection is replaced; the consumer group changed with it
-- (evaluation-v2), so report-submitted is replayed from the start and these tables are rebuilt.
drop table contribution;
drop table aggregate;
drop table report_ref;
drop table indicator_result;

-- Every report (institution, county, city or province) at the highest revision seen, with the
-- figures of its last approved version kept apart: under the default counting rule those count
-- until a correction is approved.
create table report_ref (
    report_id        uuid primary key,
    reporter_kind    text    not null,
    unit_id          text    not null,  -- institution id, or the reporting division's code
    institution_id   uuid,
    division_code    text    not null,
    county_code      text,              -- the county the unit's contributions roll up from, once applied
    year             int     not null,
    period           text    not null,
    revision         int     not null,
    version          int     not null,
    status           text    not null,
    figures          jsonb   not null,
    approved_version int,
    approved_figures jsonb
);
create index report_ref_unit on report_ref (unit_id, year);
create index report_ref_institution on report_ref (institution_id);

-- What one unit currently adds to one indicator's sums under one unit filter (engine Contribution),
-- and the divisions whose sums hold it, so a correction, a move or a withdrawal takes exactly that back.
create table unit_contribution (
    unit_id        text    not null,
    indicator_code text    not null,
    year           int     not null,
    filter_key     text    not null,
    divisions      text    not null,  -- comma-separated division codes
    numerator      numeric not null,
    denominator    numeric not null,
    units          bigint  not null,
    excluded       bigint  not null,
    missing_facts  bigint  not null,
    registry_population_units bigint not null,
    primary key (unit_id, indicator_code, year, filter_key)
);

-- Running sums (engine Tally) per division, indicator, year and unit filter: Guangxi and Yulin
-- filter row 18 differently, so their sums are kept apart.
create table division_sums (
    division_code  text    not null,
    indicator_code text    not null,
    year           int     not null,
    filter_key     text    not null,
    numerator      numeric not null,
    denominator    numeric not null,
    units          bigint  not null,
    excluded       bigint  not null,
    missing_facts  bigint  not null,
    registry_population_units bigint not null,
    primary key (division_code, indicator_code, year, filter_key)
);

-- The judged result per division (county 6, city 4, province 2 digits), indicator and year.
create table indicator_result (
    unit_id           text    not null,
    scope             text    not null,
    indicator_code    text    not null,
    year              int     not null,
    status            text    not null,
    value             numeric,
    numerator         numeric,
    denominator       numeric,
    comparator        text,
    threshold         numeric,
    upper_bound       numeric,
    profile_id        text,
    units_decided     bigint  not null,
    units_expected    bigint  not null,
    completeness      numeric,
    reason            text,
    condition_text    text,
    actual_figures    jsonb,
    sequence          bigint  not null,
    updated_at        timestamptz not null,
    primary key (unit_id, indicator_code, year)
);
create index indicator_result_scope on indicator_result (scope, unit_id text_pattern_ops, year);
