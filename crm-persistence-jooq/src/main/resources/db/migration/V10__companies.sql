-- Companies (issue 23): the organisations a workspace keeps, and the link of a contact to the one
-- the person works for. Shaped like contacts: tenant_id first in every key, named constraints,
-- row-level security through crm_protect_tenant_table (V4).

create table companies (
    tenant_id  uuid                     not null,
    id         uuid                     not null,
    name       varchar(200)             not null,
    -- The lower-case ASCII host without www. (the core's CompanyDomain); none is allowed many times.
    domain     varchar(253),
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    version    bigint                   not null,
    constraint companies_pk primary key (tenant_id, id),
    constraint companies_workspace_fk foreign key (tenant_id) references workspaces (id),
    constraint companies_domain_uk unique (tenant_id, domain),
    constraint companies_domain_ck check (domain = lower(domain)),
    constraint companies_version_ck check (version >= 1)
);

-- The keyset walk: oldest first, then id.
create index companies_walk_ix on companies (tenant_id, created_at, id);

-- A contact's job title (personal data, erased with the row) and the company the person works for.
-- The foreign key includes tenant_id, so a contact can only name a company of its own workspace;
-- it has no ON DELETE SET NULL (that would null tenant_id too): deleting a company unlinks its
-- contacts in the use case, then deletes it.
alter table contacts add column job_title varchar(100);
alter table contacts add column company_id uuid;
alter table contacts add constraint contacts_company_fk
    foreign key (tenant_id, company_id) references companies (tenant_id, id);

-- A company's contacts: what unlinking it updates, and what the foreign key's check on delete reads.
create index contacts_company_ix on contacts (tenant_id, company_id);

-- [jooq ignore start]
select crm_protect_tenant_table('companies', 'select, insert, update, delete');
-- [jooq ignore stop]
