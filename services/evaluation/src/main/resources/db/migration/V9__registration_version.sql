-- A token per province, replaced by every registration change (institution projected) in its own
-- transaction: judging keeps the province's operating institutions counted in memory and counts them
-- again only when the token it reads (under the registration lock) is not the one it counted under.
-- A random token, not a counter, so a rebuilt database never repeats one a running service has seen.
create table registration_version (
    province text primary key,
    token    uuid not null
);
