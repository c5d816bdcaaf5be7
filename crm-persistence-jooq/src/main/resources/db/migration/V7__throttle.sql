-- Throttling (SEC-07): one hit count per key and fixed window. Platform-level (no tenant_id): a
-- key (an address, a client IP) is not tied to a workspace. The key is stored only as its keyed
-- hash (HMAC-SHA256 under the throttle platform key, 64 hex characters), never in clear.
-- V5 and V6 are taken by other branches; Flyway accepts the gap.
create table throttle_entries (
    keyed_hash   varchar(64)              not null,
    window_start timestamp with time zone not null,
    window_end   timestamp with time zone not null,
    hits         integer                  not null,
    constraint throttle_entries_pk primary key (keyed_hash),
    constraint throttle_entries_keyed_hash_ck check (char_length(keyed_hash) = 64),
    constraint throttle_entries_window_ck check (window_end > window_start),
    constraint throttle_entries_hits_ck check (hits >= 1)
);

-- The purge of ended windows walks this.
create index throttle_entries_window_end_ix on throttle_entries (window_end);

-- [jooq ignore start]
-- Delete is for the purge of ended windows: a throttle entry is a counter, not proof, so the
-- application role may delete it directly (proof tables go through SECURITY DEFINER functions).
grant select, insert, update, delete on throttle_entries to crm_app;
-- [jooq ignore stop]
