-- Workspace lifecycle (DSR-05, RET-02): a cancelled workspace is readable until purge_at, then
-- purged; a purged one stays as a tombstone with the time of its purge.
alter table workspaces add column purge_at timestamp with time zone;
alter table workspaces add column purged_at timestamp with time zone;
-- When the owners' reminder 7 days before purge_at was queued: once per cancellation.
alter table workspaces add column purge_reminder_at timestamp with time zone;

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
-- crm_app changes a workspace's lifecycle only: never its name, slug or creation time.
grant update (status, cancelled_at, purge_at, purged_at, purge_reminder_at) on workspaces to crm_app;
-- [jooq ignore stop]
