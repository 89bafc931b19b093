-- Institutions as this service knows them: a projection of institution-changed, never a call to the registry.
create table institution_ref (
    id            uuid primary key,
    name          text,
    type          text    not null,
    division_code text    not null,
    county_code   char(6) not null,
    opened_on     date,
    closed_on     date,
    revision      bigint  not null
);
create index institution_ref_county on institution_ref (county_code);
