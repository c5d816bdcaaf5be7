-- One way to make a table tenant-owned, so later migrations do not copy the row-level security
-- block of V2 and V3. A migration creates its table (tenant_id uuid not null first in its keys),
-- then calls, inside its jOOQ-ignore block:
--   select crm_protect_tenant_table('deals', 'select, insert, update, delete');
-- It enables and forces row-level security, creates the policy <table>_tenant_isolation on the
-- transaction's crm.tenant_id (USING and WITH CHECK), and grants crm_app the listed privileges.
-- It runs as the caller (crm_owner, who owns the table); the application role may not run it.

-- [jooq ignore start]
create function crm_protect_tenant_table(target regclass, app_privileges text) returns void
    language plpgsql
    set search_path = pg_catalog
as $$
declare
    privilege text;
    table_name text := (select relname from pg_class where oid = target);
begin
    if not exists (select from pg_attribute
                   where attrelid = target and attname = 'tenant_id' and not attisdropped
                     and atttypid = 'uuid'::regtype and attnotnull) then
        raise exception 'a tenant-owned table needs a column tenant_id uuid not null';
    end if;
    foreach privilege in array string_to_array(lower(app_privileges), ',') loop
        if btrim(privilege) not in ('select', 'insert', 'update', 'delete') then
            raise exception 'unsupported privilege for crm_app: %', btrim(privilege);
        end if;
    end loop;
    execute format('alter table %s enable row level security', target);
    execute format('alter table %s force row level security', target);
    execute format('create policy %I on %s'
        || ' using (tenant_id = nullif(current_setting(''crm.tenant_id'', true), '''')::uuid)'
        || ' with check (tenant_id = nullif(current_setting(''crm.tenant_id'', true), '''')::uuid)',
        table_name || '_tenant_isolation', target);
    execute format('grant %s on %s to crm_app', lower(app_privileges), target);
end
$$;

revoke all on function crm_protect_tenant_table(regclass, text) from public;
-- [jooq ignore stop]
