-- Pipelines: a workspace's sales processes, each an ordered list of stages (the OPEN ones, then
-- one WON, then one LOST). Tenant-owned like contacts: tenant_id first in every key, named
-- constraints, row-level security through crm_protect_tenant_table (V4).

create table pipelines (
    tenant_id       uuid                     not null,
    id              uuid                     not null,
    name            varchar(100)             not null,
    -- The name in lower case as the core computes it (Locale.ROOT), what uniqueness compares: one
    -- rule for every adapter, whatever the database's collation. Lower-casing may lengthen a name.
    name_normalised varchar(200)             not null,
    is_default      boolean                  not null,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    version         bigint                   not null,
    constraint pipelines_pk primary key (tenant_id, id),
    constraint pipelines_workspace_fk foreign key (tenant_id) references workspaces (id),
    constraint pipelines_name_uk unique (tenant_id, name_normalised),
    constraint pipelines_version_ck check (version >= 1)
);

-- A workspace's pipelines, oldest first (they are listed whole).
create index pipelines_walk_ix on pipelines (tenant_id, created_at, id);

create table pipeline_stages (
    tenant_id       uuid         not null,
    id              uuid         not null,
    pipeline_id     uuid         not null,
    name            varchar(100) not null,
    name_normalised varchar(200) not null,
    kind            varchar(8)   not null,
    probability     integer      not null,
    -- From 1, without gaps: the OPEN stages in their order, then WON, then LOST.
    position        integer      not null,
    constraint pipeline_stages_pk primary key (tenant_id, id),
    constraint pipeline_stages_pipeline_fk foreign key (tenant_id, pipeline_id)
        references pipelines (tenant_id, id) on delete cascade,
    constraint pipeline_stages_kind_ck check (kind in ('OPEN', 'WON', 'LOST')),
    constraint pipeline_stages_probability_ck check (probability between 0 and 100),
    constraint pipeline_stages_closed_probability_ck check ((kind <> 'WON' or probability = 100)
        and (kind <> 'LOST' or probability = 0)),
    constraint pipeline_stages_position_ck check (position >= 1)
);

-- [jooq ignore start]
-- One default pipeline per workspace (a partial index H2 cannot replay).
create unique index pipelines_one_default_ux on pipelines (tenant_id) where is_default;

-- A pipeline's stage names (ignoring case) and positions are unique, checked at commit: a change
-- of the pipeline rewrites its stages in one statement, and a stage may take another's place or
-- name on the way (the core keeps both unique; these catch a bug). The position key is also how
-- a pipeline's stages are read, in order.
alter table pipeline_stages add constraint pipeline_stages_position_uk
    unique (tenant_id, pipeline_id, position) deferrable initially deferred;
alter table pipeline_stages add constraint pipeline_stages_name_uk
    unique (tenant_id, pipeline_id, name_normalised) deferrable initially deferred;

select crm_protect_tenant_table('pipelines', 'select, insert, update, delete');
select crm_protect_tenant_table('pipeline_stages', 'select, insert, update, delete');

-- Every workspace that exists already gets the default pipeline a new workspace gets
-- (DefaultPipelineInitializer): "Sales" with Lead 10, Qualified 25, Proposal 50, Negotiation 75,
-- Won and Lost. A purged workspace keeps no workspace-owned rows, so it gets none. Row-level
-- security is forced on the owner too: the policy needs each workspace's crm.tenant_id, set
-- transaction-locally (Flyway runs this migration in one transaction).
do $$
declare
    workspace  uuid;
    pipeline   uuid;
    started_at timestamp with time zone := now();
begin
    for workspace in select id from workspaces where status <> 'PURGED' order by created_at, id loop
        perform set_config('crm.tenant_id', workspace::text, true);
        pipeline := gen_random_uuid();
        insert into pipelines (tenant_id, id, name, name_normalised, is_default, created_at, updated_at, version)
        values (workspace, pipeline, 'Sales', 'sales', true, started_at, started_at, 1);
        insert into pipeline_stages (tenant_id, id, pipeline_id, name, name_normalised, kind, probability, position)
        values (workspace, gen_random_uuid(), pipeline, 'Lead', 'lead', 'OPEN', 10, 1),
               (workspace, gen_random_uuid(), pipeline, 'Qualified', 'qualified', 'OPEN', 25, 2),
               (workspace, gen_random_uuid(), pipeline, 'Proposal', 'proposal', 'OPEN', 50, 3),
               (workspace, gen_random_uuid(), pipeline, 'Negotiation', 'negotiation', 'OPEN', 75, 4),
               (workspace, gen_random_uuid(), pipeline, 'Won', 'won', 'WON', 100, 5),
               (workspace, gen_random_uuid(), pipeline, 'Lost', 'lost', 'LOST', 0, 6);
    end loop;
    perform set_config('crm.tenant_id', '', true);
end
$$;
-- [jooq ignore stop]
