-- Administrative divisions (行政区划): GB/T 2260 province (2 digits), city (4), county (6) and the
-- 9-digit statistical township code. The parent is the code minus its last level, so a prefix
-- query is a roll-up; the foreign key makes "a county whose city does not exist" impossible.
create table division (
    code        text primary key,
    parent_code text references division (code),
    level       text not null,
    name        text not null,
    level_label text,
    revision    bigint not null default 0,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    updated_by  text not null,
    constraint division_code_shape check (code ~ '^([0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{9})$'),
    constraint division_parent_is_prefix check (
        (length(code) = 2 and parent_code is null)
        or (length(code) = 4 and parent_code = left(code, 2))
        or (length(code) = 6 and parent_code = left(code, 4))
        or (length(code) = 9 and parent_code = left(code, 6)))
);
create index division_parent on division (parent_code, code);
create index division_prefix on division (code text_pattern_ops);

-- Resident population by year (常住人口): the denominator of per-10,000 indicators and of the
-- 300,000-resident condition, so it is kept per year rather than overwritten.
create table division_population (
    division_code text   not null references division (code),
    year          int    not null check (year between 1949 and 2100),
    residents     bigint not null check (residents >= 0),
    primary key (division_code, year)
);

alter table institution
    add column ownership       text,
    add column grade           text,
    add column ethnic_medicine text,
    add column updated_by      text;

-- NOT VALID: rows registered before divisions existed keep working; every new or changed row is
-- checked, which is what "the division must exist" needs.
alter table institution
    add constraint institution_division_exists foreign key (division_code) references division (code) not valid;
