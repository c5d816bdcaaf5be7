-- Contacts: the first tenant-owned table. Every tenant-owned table follows this shape:
-- tenant_id first in the primary key and in every foreign key, named constraints, and
-- row-level security (ENABLE + FORCE) with one policy on the transaction's crm.tenant_id.
create table contacts (
    tenant_id        uuid                     not null,
    id               uuid                     not null,
    first_name       varchar(100)             not null,
    last_name        varchar(100)             not null,
    email            varchar(254)             not null,
    email_normalised varchar(254)             not null,
    phone            varchar(16),
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    version          bigint                   not null,
    constraint contacts_pk primary key (tenant_id, id),
    constraint contacts_workspace_fk foreign key (tenant_id) references workspaces (id),
    constraint contacts_email_uk unique (tenant_id, email_normalised),
    constraint contacts_version_ck check (version >= 1)
);

-- The keyset walk: oldest first, then id.
create index contacts_walk_ix on contacts (tenant_id, created_at, id);

-- [jooq ignore start]
alter table contacts enable row level security;
alter table contacts force row level security;
create policy contacts_tenant_isolation on contacts
    using (tenant_id = nullif(current_setting('crm.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('crm.tenant_id', true), '')::uuid);
grant select, insert, update, delete on contacts to crm_app;
-- [jooq ignore stop]
