-- The retention engine empties a due workspace's append-only tables in batches through V25's
-- crm_purge_append_only(regclass, timestamptz, integer); the data-subject requests' history
-- (dsr_events, V27) joins them there as it joined the whole-table variant.

-- [jooq ignore start]
create or replace function crm_purge_append_only(target regclass, p_now timestamp with time zone, p_limit integer)
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
                      'invitations'::regclass, 'api_keys'::regclass, 'dsr_events'::regclass) then
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
