-- Lists (one grammar for all): a sort key column per text sort, and an index per sort key.
-- Text sorts ignore case and compare in code-point order, alike in the application's in-memory
-- stores and here: the key is the value lower-cased code point by code point (Unicode's simple case
-- mapping, computed by the application: TextOrder.key), ordered COLLATE "C" (UTF-8 byte order,
-- which is code-point order). The list reads it as (tenant_id, key, id), both ways.

alter table contacts add column last_name_sort varchar(100);
alter table companies add column name_sort varchar(200);

-- [jooq ignore start]
alter table contacts alter column last_name_sort type varchar(100) collate "C";
alter table companies alter column name_sort type varchar(200) collate "C";

-- Existing contacts get their key here: PostgreSQL 17's pg_c_utf8 collation lower-cases by the
-- same simple case mapping as the application (an older server lower-cases by the database's own
-- locale, which agrees at least on ASCII; each contact's next change writes the application's key).
-- Row-level security is forced on the owner too, so the workspaces are filled one by one.
do $$
declare
    workspace uuid;
    fill text := case when exists (select 1 from pg_collation where collname = 'pg_c_utf8')
        then 'update contacts set last_name_sort = lower(last_name collate pg_c_utf8) where tenant_id = $1'
        else 'update contacts set last_name_sort = lower(last_name) where tenant_id = $1' end;
    fill_companies text := case when exists (select 1 from pg_collation where collname = 'pg_c_utf8')
        then 'update companies set name_sort = lower(name collate pg_c_utf8) where tenant_id = $1'
        else 'update companies set name_sort = lower(name) where tenant_id = $1' end;
begin
    for workspace in select id from workspaces loop
        perform set_config('crm.tenant_id', workspace::text, true);
        execute fill using workspace;
        execute fill_companies using workspace;
    end loop;
    perform set_config('crm.tenant_id', '', true);
end
$$;
-- [jooq ignore stop]

alter table contacts alter column last_name_sort set not null;
alter table companies alter column name_sort set not null;

-- The walk by last name; created_at's is contacts_walk_ix (V2).
create index contacts_last_name_ix on contacts (tenant_id, last_name_sort, id);

-- The company walk by name; created_at's is companies_walk_ix (V10), a domain filter uses
-- companies_domain_uk (V10).
create index companies_name_ix on companies (tenant_id, name_sort, id);
