-- The residents a result read and where they came from (issue 8): the figure a division condition
-- tested ("more than 300,000 residents"), else a density's or coverage's summed residents; REPORTED
-- (the division's report), REGISTRY (division-changed, the report had none) or MIXED (summed units of
-- both). Null for results that read no population. Replaying rebuilds them like every other column.
alter table indicator_result add column population numeric;
alter table indicator_result add column population_source text
    check (population_source in ('REPORTED', 'REGISTRY', 'MIXED'));
