-- Target profiles (目标档案) and their effective-dated revisions. A profile's division never
-- changes; everything else (parent, targets) lives in revisions, which are never updated: a change
-- adds a revision in force from its effective_from year on, so earlier years keep their targets.
create table target_profile (
    id               text        primary key,
    division_code    text        not null unique,
    current_revision int         not null,
    created_by       text        not null,
    created_at       timestamptz not null
);

create table profile_revision (
    profile_id     text        not null references target_profile (id),
    revision       int         not null,
    effective_from int         not null,
    -- Deferred so a seed can insert a parent and its children in one transaction in any order.
    parent_id      text        references target_profile (id) deferrable initially deferred,
    -- The profile's own targets: {"targets": [...]} of org.tcmeval.events.TargetSpec.
    targets        jsonb       not null,
    changed_by     text        not null,
    changed_at     timestamptz not null,
    primary key (profile_id, revision)
);
create index profile_revision_in_force on profile_revision (profile_id, effective_from, revision);

-- Technique catalogue (中医药适宜技术): classes and items with stable codes. The two tables hold the
-- current state; technique_class_revision keeps every state a class had, as published.
create table technique_class (
    code       text        primary key,
    name_zh    text        not null,
    name_en    text        not null,
    sort_order int         not null,
    revision   int         not null,
    changed_by text        not null,
    changed_at timestamptz not null
);

-- An item code belongs to one class forever, and is retired rather than deleted, because reports
-- cite it.
create table technique_item (
    code       text    primary key,
    class_code text    not null references technique_class (code),
    name_zh    text    not null,
    name_en    text,
    sort_order int     not null,
    retired    boolean not null default false
);
create index technique_item_class on technique_item (class_code, sort_order);

create table technique_class_revision (
    class_code text        not null references technique_class (code),
    revision   int         not null,
    -- The class with its items as org.tcmeval.events.TechniqueClassChanged.
    body       jsonb       not null,
    changed_by text        not null,
    changed_at timestamptz not null,
    primary key (class_code, revision)
);
