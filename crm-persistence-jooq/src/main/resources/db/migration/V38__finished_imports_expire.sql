-- Finished imports expire (issue 27): a job that completed, failed or was cancelled goes with its
-- error rows (and any staged row left) 30 days after it finished, the data map's rule for
-- import_job, carried out by the retention engine as an expiry step.

create index import_jobs_finished_ix on import_jobs (tenant_id, finished_at);

-- [jooq ignore start]
-- The engine's expiry steps run in a platform transaction, where row-level security shows no
-- tenant's rows. This function of crm_owner works tenant by tenant instead: it binds each workspace
-- as the application does (set_config('crm.tenant_id', ..., true)), so each statement still runs
-- under that workspace's policy and filters by it too, and restores the binding it found. With
-- p_delete it deletes up to p_limit rows in all (error rows and staged rows of the jobs that
-- finished at or before p_before first, then those jobs) and returns how many; without, it counts
-- them all and changes nothing. crm_app passes its clock and the cutoff (its clock minus the
-- rule's period). A workspace due for its purge at p_now is left to the purge, which deletes its
-- imports with the rest of its data: no row is counted by both.
create function crm_purge_finished_imports(p_now timestamp with time zone, p_before timestamp with time zone,
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
            select (select count(*) from import_errors e join import_jobs j on j.tenant_id = e.tenant_id and j.id = e.job_id
                     where j.tenant_id = workspace and j.state in ('COMPLETED', 'FAILED', 'CANCELLED')
                       and j.finished_at <= p_before)
                 + (select count(*) from import_rows r join import_jobs j on j.tenant_id = r.tenant_id and j.id = r.job_id
                     where j.tenant_id = workspace and j.state in ('COMPLETED', 'FAILED', 'CANCELLED')
                       and j.finished_at <= p_before)
                 + (select count(*) from import_jobs j
                     where j.tenant_id = workspace and j.state in ('COMPLETED', 'FAILED', 'CANCELLED')
                       and j.finished_at <= p_before)
              into n;
            total := total + n;
            continue;
        end if;
        delete from import_errors where (tenant_id, job_id, line, position) in (
            select e.tenant_id, e.job_id, e.line, e.position
              from import_errors e join import_jobs j on j.tenant_id = e.tenant_id and j.id = e.job_id
             where j.tenant_id = workspace and j.state in ('COMPLETED', 'FAILED', 'CANCELLED')
               and j.finished_at <= p_before
             limit budget);
        get diagnostics n = row_count;
        total := total + n;
        budget := budget - n;
        exit when budget = 0;
        delete from import_rows where (tenant_id, job_id, line) in (
            select r.tenant_id, r.job_id, r.line
              from import_rows r join import_jobs j on j.tenant_id = r.tenant_id and j.id = r.job_id
             where j.tenant_id = workspace and j.state in ('COMPLETED', 'FAILED', 'CANCELLED')
               and j.finished_at <= p_before
             limit budget);
        get diagnostics n = row_count;
        total := total + n;
        budget := budget - n;
        exit when budget = 0;
        delete from import_jobs where tenant_id = workspace and id in (
            select j.id from import_jobs j
             where j.tenant_id = workspace and j.state in ('COMPLETED', 'FAILED', 'CANCELLED')
               and j.finished_at <= p_before
               and not exists (select from import_errors e where e.tenant_id = j.tenant_id and e.job_id = j.id)
               and not exists (select from import_rows r where r.tenant_id = j.tenant_id and r.job_id = j.id)
             limit budget);
        get diagnostics n = row_count;
        total := total + n;
        budget := budget - n;
        exit when budget = 0;
    end loop;
    perform set_config('crm.tenant_id', coalesce(found_tenant, ''), true);
    return total;
end
$$;

revoke all on function crm_purge_finished_imports(timestamp with time zone, timestamp with time zone, integer, boolean) from public;
grant execute on function crm_purge_finished_imports(timestamp with time zone, timestamp with time zone, integer, boolean) to crm_app;
-- [jooq ignore stop]
