-- Workspace lifecycle (DSR-05, RET-02): a cancelled workspace is readable until purge_at, then
-- purged; a purged one stays as a tombstone with the time of its purge.
alter table workspaces add column purge_at timestamp with time zone;
alter table workspaces add column purged_at timestamp with time zone;
-- When the owners' reminder 7 days before purge_at was queued: once per cancellation.
alter table workspaces add column purge_reminder_at timestamp with time zone;

-- Workspaces cancelled or purged before this migration get their times and tombstones (data, not
-- schema: the code generator skips it).
-- [jooq ignore start]
update workspaces set purge_at = cancelled_at + interval '30 days' where status = 'CANCELLED';
update workspaces set purged_at = coalesce(cancelled_at, created_at) where status = 'PURGED';
-- [jooq ignore stop]

-- A purged workspace is a tombstone: id, status and times; its name and slug are cleared (the slug
-- is free again).
alter table workspaces alter column name drop not null;
alter table workspaces alter column slug drop not null;
-- [jooq ignore start]
update workspaces set name = null, slug = null where status = 'PURGED';
-- [jooq ignore stop]
alter table workspaces add constraint workspaces_tombstone_ck
    check ((status = 'PURGED') = (name is null and slug is null));

alter table workspaces drop constraint workspaces_cancelled_at_ck;
alter table workspaces add constraint workspaces_lifecycle_ck check (
    (status = 'ACTIVE' and cancelled_at is null and purge_at is null and purged_at is null
        and purge_reminder_at is null)
    or (status = 'CANCELLED' and cancelled_at is not null and purge_at is not null and purged_at is null
        and purge_at >= cancelled_at)
    or (status = 'PURGED' and purged_at is not null));

-- Due purges (and reminders) are found by their time.
create index workspaces_purge_due_ix on workspaces (purge_at);

-- Lifecycle notices to a workspace's OWNERs (CON-05's critical service notices) name the
-- workspace they are about; its name and purge_at are read when the mail is sent.
alter table mail_outbox add column workspace_id uuid;
alter table mail_outbox drop constraint mail_outbox_template_ck;
alter table mail_outbox add constraint mail_outbox_template_ck
    check (template in ('VERIFY_EMAIL', 'PASSWORD_RESET', 'ACCOUNT_EXISTS', 'INVITATION',
        'WORKSPACE_CANCELLED', 'WORKSPACE_PURGE_REMINDER'));
alter table mail_outbox add constraint mail_outbox_workspace_ck
    check ((template in ('WORKSPACE_CANCELLED', 'WORKSPACE_PURGE_REMINDER')) = (workspace_id is not null));

-- [jooq ignore start]
-- crm_app changes a workspace's lifecycle only; its name and slug only to clear them in the purge.
grant update (status, cancelled_at, purge_at, purged_at, purge_reminder_at, name, slug) on workspaces to crm_app;

-- The suppression list and the erasure receipts stay append-only for crm_app (proof is not
-- rewritten), and it deletes no invitation or API key (they are revoked, kept as they were); a
-- workspace's purge empties them through this function, which runs as its owner
-- crm_owner (NOBYPASSRLS, and FORCE applies: it reaches only the bound tenant's rows) and refuses
-- unless the bound tenant's workspace is CANCELLED with its purge_at reached at p_now (the
-- application's clock; a delete-now sets purge_at to now).
create function crm_purge_append_only(target regclass, p_now timestamp with time zone) returns bigint
    language plpgsql
    security definer
    set search_path from current
as $$
declare
    tenant uuid := nullif(current_setting('crm.tenant_id', true), '')::uuid;
    deleted bigint;
begin
    if target not in ('erasure_receipt_reviews'::regclass, 'erasure_receipt_counts'::regclass,
                      'erasure_receipts'::regclass, 'suppression_entries'::regclass,
                      'invitations'::regclass, 'api_keys'::regclass) then
        raise exception 'not an append-only table of a workspace: %', target;
    end if;
    if tenant is null or not exists (select from workspaces
                                     where id = tenant and status = 'CANCELLED' and purge_at <= p_now) then
        raise exception 'the bound workspace is not due for its purge';
    end if;
    execute format('delete from %s where %I = $1', target,
        case when target in ('invitations'::regclass, 'api_keys'::regclass) then 'workspace_id' else 'tenant_id' end)
        using tenant;
    get diagnostics deleted = row_count;
    return deleted;
end
$$;

revoke all on function crm_purge_append_only(regclass, timestamp with time zone) from public;
grant execute on function crm_purge_append_only(regclass, timestamp with time zone) to crm_app;
-- [jooq ignore stop]
