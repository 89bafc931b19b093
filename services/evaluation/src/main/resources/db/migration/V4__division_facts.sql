-- Divisions as the registry publishes them (division-changed), kept at the newest revision seen so
-- re-delivery and replay change nothing. Evaluation never calls the registry for them.
create table division_fact (
    code        text   primary key,
    revision    bigint not null,
    name        text   not null,
    level       text   not null,
    parent_code text,
    level_label text
);

-- Resident population (常住人口) by year: the denominator of a density whose county or jurisdiction
-- report lacks residentPopulation. Replaced as a whole with every newer revision of the division.
create table division_fact_population (
    division_code text   not null references division_fact (code),
    year          int    not null,
    residents     bigint not null check (residents >= 0),
    primary key (division_code, year)
);
-- Judging reads one year for many divisions at once.
create index division_fact_population_year on division_fact_population (year, division_code);
