-- Every change of an institution (机构变更记录): who (token subject), when, and each field's old and
-- new value as a JSON array [{"field", "old", "new"}]. Rows are only ever inserted.
create table institution_change (
    seq            bigserial primary key,
    institution_id uuid        not null references institution (id),
    revision       bigint      not null,
    action         text        not null,
    source         text        not null,
    changed_by     text        not null,
    changed_at     timestamptz not null,
    changes        text        not null,
    unique (institution_id, revision)
);

-- The licence registration number (医疗机构执业许可证登记号) identifies an institution as well as
-- the USCC does, and bulk imports match rows on it.
create unique index institution_registration_number on institution (registration_number)
    where registration_number is not null;

-- Name search (q=) with ILIKE '%...%' uses a trigram index instead of a full scan.
create extension if not exists pg_trgm;
create index institution_name_trgm on institution using gin (name gin_trgm_ops);
create index institution_county on institution (county_code, id);
