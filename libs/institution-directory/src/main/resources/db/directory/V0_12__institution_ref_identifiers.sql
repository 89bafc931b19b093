-- The registry's identifiers, so bulk reports may name an institution by its unified social credit
-- code (统一社会信用代码) or its registration number instead of its id. Rows projected before this
-- migration have them null until the institution changes again (or the projection is replayed).
alter table institution_ref add column uscc text;
alter table institution_ref add column registration_number text;
create index institution_ref_uscc on institution_ref (uscc) where uscc is not null;
create index institution_ref_registration on institution_ref (registration_number) where registration_number is not null;
