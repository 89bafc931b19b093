-- Worklists page on the report id under a division prefix; completeness walks the institutions of a subtree.
create index report_division_id on report (division_code text_pattern_ops, id);
create index if not exists institution_ref_division on institution_ref (division_code text_pattern_ops);
