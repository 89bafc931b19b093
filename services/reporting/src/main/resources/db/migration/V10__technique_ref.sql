-- Reporting's local projection of the catalog's compacted topic technique-changed (中医药适宜技术):
-- per technique list (scope: '00' national, else a province's 2-digit code) the classes at the
-- highest revision seen and their items. Written only by org.tcmeval.reporting.technique.
-- TechniqueProjection; read by TechniqueDirectory to check the items a report lists.
create table technique_ref_class (
    scope      text        not null,
    class_code text        not null,
    revision   int         not null,
    name_zh    text        not null,
    sort_order int         not null,
    changed_at timestamptz,
    applied_at timestamptz not null,
    primary key (scope, class_code)
);

-- An item code is unique within its list; retired items stay (reports of earlier years cite them).
create table technique_ref_item (
    scope       text    not null,
    item_code   text    not null,
    class_code  text    not null,
    name_zh     text    not null,
    retired     boolean not null,
    -- null: the event predates the field.
    provisional boolean,
    primary key (scope, item_code)
);
create index technique_ref_item_class on technique_ref_item (scope, class_code);
