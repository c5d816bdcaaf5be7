-- The retention engine (issue 29): its runs' history (platform-level, for operators: counts per
-- data class, never a workspace or a row), a workspace purge's progress (tenant-owned, purged with
-- the workspace's last step), batched deletes of the append-only tables, and expired mail tokens
-- (through a function: crm_app still deletes no token itself).

-- A real run: when it started and finished (null for one that died or is still going).
create table retention_runs (
    id                uuid                     not null,
    started_at        timestamp with time zone not null,
    finished_at       timestamp with time zone,
    workspaces_purged integer                  not null,
    constraint retention_runs_pk primary key (id),
    constraint retention_runs_purged_ck check (workspaces_purged >= 0)
);

create index retention_runs_started_ix on retention_runs (started_at);

-- The rows a run deleted per data class, added to by each batch in its own transaction.
create table retention_run_counts (
    run_id       uuid        not null,
    data_class   varchar(64) not null,
    rows_deleted bigint      not null,
    constraint retention_run_counts_pk primary key (run_id, data_class),
    constraint retention_run_counts_run_fk foreign key (run_id) references retention_runs (id),
    constraint retention_run_counts_rows_ck check (rows_deleted >= 0)
);

-- What a workspace's purge has deleted so far, per table, whichever runs deleted it: its audit
-- entry names every row.
create table retention_progress (
    tenant_id    uuid        not null,
    table_name   varchar(63) not null,
    rows_deleted bigint      not null,
    constraint retention_progress_pk primary key (tenant_id, table_name),
    constraint retention_progress_workspace_fk foreign key (tenant_id) references workspaces (id),
    constraint retention_progress_rows_ck check (rows_deleted >= 0)
);

-- Expired mail tokens are found by their expiry.
create index mail_tokens_expiry_ix on mail_tokens (expires_at);

-- [jooq ignore start]
grant select, insert, update (finished_at, workspaces_purged) on retention_runs to crm_app;
grant select, insert, update (rows_deleted) on retention_run_counts to crm_app;
select crm_protect_tenant_table('retention_progress', 'select, insert, update, delete');
-- A mailed token goes once it has expired (the data map's rule for mail_token). crm_app deletes no
-- token itself: this function of crm_owner deletes up to p_limit tokens expired at p_now (the
-- application's clock), skipping any another transaction holds.
create function crm_purge_expired_mail_tokens(p_now timestamp with time zone, p_limit integer) returns bigint
    language plpgsql
    security definer
    set search_path from current
as $$
declare
    deleted bigint;
begin
    if p_now is null or p_limit is null or p_limit < 1 then
        raise exception 'a time and a batch of at least one row';
    end if;
    delete from mail_tokens where token_hash in (
        select token_hash from mail_tokens where expires_at <= p_now
         order by expires_at limit p_limit for update skip locked);
    get diagnostics deleted = row_count;
    return deleted;
end
$$;

revoke all on function crm_purge_expired_mail_tokens(timestamp with time zone, integer) from public;
grant execute on function crm_purge_expired_mail_tokens(timestamp with time zone, integer) to crm_app;

-- As crm_purge_append_only (V22), one batch at a time: at most p_limit rows of the bound tenant's
-- workspace, which must be due at p_now.
create function crm_purge_append_only(target regclass, p_now timestamp with time zone, p_limit integer)
    returns bigint
    language plpgsql
    security definer
    set search_path from current
as $$
declare
    tenant uuid := nullif(current_setting('crm.tenant_id', true), '')::uuid;
    deleted bigint;
    col text;
begin
    if target not in ('erasure_receipt_reviews'::regclass, 'erasure_receipt_counts'::regclass,
                      'erasure_receipts'::regclass, 'suppression_entries'::regclass,
                      'invitations'::regclass, 'api_keys'::regclass) then
        raise exception 'not an append-only table of a workspace: %', target;
    end if;
    if p_limit is null or p_limit < 1 then
        raise exception 'a batch holds at least one row';
    end if;
    if tenant is null or not exists (select from workspaces
                                     where id = tenant and status = 'CANCELLED' and purge_at <= p_now) then
        raise exception 'the bound workspace is not due for its purge';
    end if;
    col := case when target in ('invitations'::regclass, 'api_keys'::regclass) then 'workspace_id' else 'tenant_id' end;
    execute format('delete from %s where ctid = any (array(select ctid from %s where %I = $1 limit $2))',
        target, target, col)
        using tenant, p_limit;
    get diagnostics deleted = row_count;
    return deleted;
end
$$;

revoke all on function crm_purge_append_only(regclass, timestamp with time zone, integer) from public;
grant execute on function crm_purge_append_only(regclass, timestamp with time zone, integer) to crm_app;
-- [jooq ignore stop]
