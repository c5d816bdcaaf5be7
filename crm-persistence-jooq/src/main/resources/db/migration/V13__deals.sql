-- Deals (issue 23): a deal in a stage of one of the workspace's pipelines, in exact money, with the
-- contacts it names and the history of its stages. Shaped like contacts: tenant_id first in every
-- key, named constraints, row-level security through crm_protect_tenant_table (V4).

create table deals (
    tenant_id           uuid                     not null,
    id                  uuid                     not null,
    title               varchar(200)             not null,
    -- The title's sort key (the core's TextOrder), as for contacts' last_name_sort (V12).
    title_sort          varchar(200)             not null,
    -- Exact money: the amount at its currency's scale and the ISO 4217 code, both or neither.
    amount              numeric(19, 4),
    currency            varchar(3),
    pipeline_id         uuid                     not null,
    stage_id            uuid                     not null,
    -- The stage's kind when the deal entered it (a stage's kind is fixed): the deal's status.
    stage_kind          varchar(8)               not null,
    expected_close_date date,
    closed_at           timestamp with time zone,
    company_id          uuid,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    version             bigint                   not null,
    constraint deals_pk primary key (tenant_id, id),
    constraint deals_workspace_fk foreign key (tenant_id) references workspaces (id),
    -- The keys hold tenant_id: a deal names only its own workspace's pipeline, stage and company.
    -- No ON DELETE SET NULL (it would null tenant_id too): deleting a company unlinks its deals in
    -- the use case; a pipeline or stage holding deals is not deleted.
    constraint deals_pipeline_fk foreign key (tenant_id, pipeline_id) references pipelines (tenant_id, id),
    constraint deals_stage_fk foreign key (tenant_id, stage_id) references pipeline_stages (tenant_id, id),
    constraint deals_company_fk foreign key (tenant_id, company_id) references companies (tenant_id, id),
    constraint deals_money_ck check ((amount is null) = (currency is null)),
    constraint deals_amount_ck check (amount >= 0),
    constraint deals_stage_kind_ck check (stage_kind in ('OPEN', 'WON', 'LOST')),
    constraint deals_closed_ck check ((stage_kind = 'OPEN') = (closed_at is null)),
    constraint deals_version_ck check (version >= 1)
);

-- [jooq ignore start]
alter table deals alter column title_sort type varchar(200) collate "C";
-- [jooq ignore stop]

-- The keyset walks, one per sort key, and what the foreign keys' checks on delete read.
create index deals_walk_ix on deals (tenant_id, created_at, id);
create index deals_title_ix on deals (tenant_id, title_sort, id);
create index deals_expected_close_date_ix on deals (tenant_id, expected_close_date, id);
create index deals_company_ix on deals (tenant_id, company_id);
create index deals_stage_ix on deals (tenant_id, stage_id);
create index deals_pipeline_ix on deals (tenant_id, pipeline_id);

-- The contacts a deal names. A deleted deal or contact takes its links (they hold no tenant_id
-- of their own to null).
create table deal_contacts (
    tenant_id  uuid not null,
    deal_id    uuid not null,
    contact_id uuid not null,
    constraint deal_contacts_pk primary key (tenant_id, deal_id, contact_id),
    constraint deal_contacts_deal_fk foreign key (tenant_id, deal_id)
        references deals (tenant_id, id) on delete cascade,
    constraint deal_contacts_contact_fk foreign key (tenant_id, contact_id)
        references contacts (tenant_id, id) on delete cascade
);

create index deal_contacts_contact_ix on deal_contacts (tenant_id, contact_id);

-- A deal's stage history: its creation (no from) and each move, with the stages' names and kinds
-- then, and the account it was made for. A deleted deal takes its history.
create table deal_stage_changes (
    tenant_id       uuid                     not null,
    id              uuid                     not null,
    deal_id         uuid                     not null,
    from_stage_id   uuid,
    from_stage_name varchar(100),
    from_stage_kind varchar(8),
    to_stage_id     uuid                     not null,
    to_stage_name   varchar(100)             not null,
    to_stage_kind   varchar(8)               not null,
    changed_at      timestamp with time zone not null,
    actor_id        uuid,
    constraint deal_stage_changes_pk primary key (tenant_id, id),
    constraint deal_stage_changes_deal_fk foreign key (tenant_id, deal_id)
        references deals (tenant_id, id) on delete cascade,
    constraint deal_stage_changes_from_ck check ((from_stage_id is null) = (from_stage_name is null)
        and (from_stage_id is null) = (from_stage_kind is null)),
    constraint deal_stage_changes_kind_ck check (to_stage_kind in ('OPEN', 'WON', 'LOST')
        and (from_stage_kind is null or from_stage_kind in ('OPEN', 'WON', 'LOST')))
);

-- The history's walk, newest first, per deal.
create index deal_stage_changes_walk_ix on deal_stage_changes (tenant_id, deal_id, changed_at, id);

-- [jooq ignore start]
select crm_protect_tenant_table('deals', 'select, insert, update, delete');
select crm_protect_tenant_table('deal_contacts', 'select, insert, update, delete');
select crm_protect_tenant_table('deal_stage_changes', 'select, insert, update, delete');
-- [jooq ignore stop]
