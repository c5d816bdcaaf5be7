-- Expired privacy-request codes go (V36's dsr_codes): a code works for 10 minutes and is deleted
-- when verified, voided, re-sent, scrubbed or purged with its workspace; one nobody entered stays
-- until the retention engine's expiry step deletes it a day after its expiry (the data map's rule
-- for privacy_request_code), so a late try still meets the same refusal as an expired one.

-- [jooq ignore start]
-- The engine's expiry steps run in a platform transaction, where row-level security shows no
-- tenant's rows. This function of crm_owner works tenant by tenant, as crm_purge_finished_imports
-- (V38) does: it binds each workspace as the application does (set_config('crm.tenant_id', ...,
-- true)), so each statement still runs under that workspace's policy and filters by it too, and
-- restores the binding it found. With p_delete it deletes up to p_limit codes in all that expired
-- at or before p_before, skipping any another transaction holds (a verify in progress), and returns
-- how many; without, it counts them and changes nothing. crm_app passes its clock and the cutoff
-- (its clock minus the rule's period). A workspace due for its purge at p_now is left to the purge.
create function crm_purge_expired_request_codes(p_now timestamp with time zone, p_before timestamp with time zone,
                                                p_limit integer, p_delete boolean) returns bigint
    language plpgsql
    security definer
    set search_path from current
as $$
declare
    found_tenant text := current_setting('crm.tenant_id', true);
    workspace uuid;
    budget bigint := p_limit;
    n bigint;
    total bigint := 0;
begin
    if p_now is null or p_before is null or p_limit is null or p_limit < 1 or p_delete is null then
        raise exception 'two times, a batch of at least one row and whether to delete';
    end if;
    for workspace in select id from workspaces
                      where status = 'ACTIVE' or (status = 'CANCELLED' and purge_at > p_now) order by id loop
        perform set_config('crm.tenant_id', workspace::text, true);
        if not p_delete then
            select count(*) from dsr_codes where tenant_id = workspace and expires_at <= p_before into n;
            total := total + n;
            continue;
        end if;
        delete from dsr_codes where tenant_id = workspace and request_id in (
            select request_id from dsr_codes
             where tenant_id = workspace and expires_at <= p_before
             limit budget
               for update skip locked);
        get diagnostics n = row_count;
        total := total + n;
        budget := budget - n;
        exit when budget = 0;
    end loop;
    perform set_config('crm.tenant_id', coalesce(found_tenant, ''), true);
    return total;
end
$$;

revoke all on function crm_purge_expired_request_codes(timestamp with time zone, timestamp with time zone, integer, boolean) from public;
grant execute on function crm_purge_expired_request_codes(timestamp with time zone, timestamp with time zone, integer, boolean) to crm_app;
-- [jooq ignore stop]
