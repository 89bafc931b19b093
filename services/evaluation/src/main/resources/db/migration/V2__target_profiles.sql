-- Target profiles as the catalog publishes them (catalog-changed): evaluation judges against these,
-- never against thresholds of its own. One row per profile with every revision in the payload.
create table target_profile_ref (
    profile_id    text primary key,
    division_code text not null,
    revision      int  not null,
    payload       jsonb not null
);
