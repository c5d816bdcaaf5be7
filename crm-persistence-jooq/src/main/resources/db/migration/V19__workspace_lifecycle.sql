-- Workspace lifecycle (DSR-05, RET-02): a cancelled workspace is readable until purge_at, then
-- purged; a purged one stays as a tombstone with the time of its purge.
alter table workspaces add column purge_at timestamp with time zone;
alter table workspaces add column purged_at timestamp with time zone;

alter table workspaces drop constraint workspaces_cancelled_at_ck;
alter table workspaces add constraint workspaces_lifecycle_ck check (
    (status = 'ACTIVE' and cancelled_at is null and purge_at is null and purged_at is null)
    or (status = 'CANCELLED' and cancelled_at is not null and purge_at is not null and purged_at is null
        and purge_at >= cancelled_at)
    or (status = 'PURGED' and purged_at is not null));

-- Due purges are found by their time.
create index workspaces_purge_due_ix on workspaces (purge_at);

-- [jooq ignore start]
-- crm_app changes a workspace's lifecycle only: never its name, slug or creation time.
grant update (status, cancelled_at, purge_at, purged_at) on workspaces to crm_app;
-- [jooq ignore stop]
