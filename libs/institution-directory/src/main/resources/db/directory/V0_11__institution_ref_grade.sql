-- Hospital grade and ownership: targets apply to "grade 2A or above" county TCM hospitals and to public ones.
alter table institution_ref add column grade text;
alter table institution_ref add column ownership text;
