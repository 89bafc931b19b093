create table institution (
    id                  uuid primary key,
    uscc                char(18) unique,
    registration_number text,
    name                text not null,
    type                text not null,
    division_code       text not null,
    county_code         char(6) not null,
    opened_on           date,
    closed_on           date,
    revision            bigint not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    constraint institution_closed_after_opened check (closed_on is null or opened_on is null or closed_on >= opened_on)
);
-- Prefix queries (a city, a county) use the text_pattern_ops index.
create index institution_division on institution (division_code text_pattern_ops, id);
