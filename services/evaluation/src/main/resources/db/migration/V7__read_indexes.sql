-- Dashboard reads (issue 9). A unit's `divisions` starts with its deepest division (county, city,
-- province: every code a prefix of the county's), so the units counted in a division's sums under one
-- filter are a range of this index: divisions >= 'D' and < 'D:' in byte order (':' follows the digits).
-- The gap list scanned every contribution of the year for '%,D,%' before.
create index unit_contribution_division_range
    on unit_contribution (indicator_code, year, filter_key, (divisions collate "C"));

-- The counties below a city named by reports (the drill-down lists them even without a stored result):
-- a range of this index instead of a scan of every report of the year.
create index report_ref_county_range on report_ref (year, (county_code collate "C"));
