-- Issue 8: the city and province rows of division_sums were additively upserted by every poll, so a
-- second consumer waited on them for the length of the first one's transaction. A poll now only
-- inserts what it adds above the county here (insert-only: nobody waits); RollupDrain folds a
-- province's rows into division_sums, deletes them and re-judges the results they touch, all in one
-- transaction, so a row is counted in the sums exactly once or is still here.
-- filter_key null: nothing to add, only results to re-judge (the division's own report, its expected
-- units or its target changed); the tally columns are then zero.
create table rollup_delta (
    seq            bigserial primary key,
    batch          bigint  not null,  -- id of the transaction (a poll) that wrote it: what a scorecard counts as pending
    year           int     not null,
    division_code  text    not null,  -- a city (4 digits), a province (2) or another division above the county
    indicator_code text    not null,
    filter_key     text,
    numerator      numeric not null,
    denominator    numeric not null,
    units          bigint  not null,
    excluded       bigint  not null,
    missing_facts  bigint  not null,
    registry_population_units bigint not null
);
create index rollup_delta_division on rollup_delta (division_code, year);
