-- Search (issue 24): the lists' q, a case-insensitive substring (ILIKE '%q%'), served by pg_trgm's
-- GIN trigram indexes. pg_trgm ships with PostgreSQL (zonky's binaries included) and is a trusted
-- extension: the database's owner, crm_owner, who runs the migrations, creates it without being a
-- superuser. An external server needs the contrib package installed (the README says so).

-- [jooq ignore start]
create extension if not exists pg_trgm;

-- A contact is found by its full name (so by either name), email or job title, in one expression
-- (the fields joined by a line feed, which a search text never holds, so no match spans two), and
-- by its company's name (companies_name_search_ix). JooqContactRepository writes this expression
-- exactly, so the planner matches it to the index.
create index contacts_search_ix on contacts using gin
    ((first_name || ' ' || last_name || chr(10) || email || chr(10) || coalesce(job_title, '')) gin_trgm_ops);

-- A company is found by its name or its domain.
create index companies_name_search_ix on companies using gin (name gin_trgm_ops);
create index companies_domain_search_ix on companies using gin (domain gin_trgm_ops);
-- [jooq ignore stop]

-- Custom fields (issue 24): a workspace's own fields of contacts, companies and deals. A definition
-- has a key fixed once given (unique per object type), a type fixed too, a label, and whether its
-- values are sensitive (CRM-01); a select field has 1 to 200 options, each with a stable key (unique
-- in its field) and an id that keeps while the key does. Options go with their field (cascade).
create table custom_fields (
    tenant_id   uuid                     not null,
    id          uuid                     not null,
    object_type varchar(16)              not null,
    field_key   varchar(50)              not null,
    type        varchar(16)              not null,
    label       varchar(100)             not null,
    sensitive   boolean                  not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    version     bigint                   not null,
    constraint custom_fields_pk primary key (tenant_id, id),
    constraint custom_fields_workspace_fk foreign key (tenant_id) references workspaces (id),
    constraint custom_fields_key_uk unique (tenant_id, object_type, field_key),
    constraint custom_fields_object_type_ck check (object_type in ('CONTACT', 'COMPANY', 'DEAL')),
    constraint custom_fields_type_ck check (type in ('TEXT', 'NUMBER', 'DECIMAL', 'DATE', 'BOOLEAN',
        'SINGLE_SELECT', 'MULTI_SELECT', 'EMAIL', 'PHONE', 'URL', 'CURRENCY')),
    constraint custom_fields_version_ck check (version >= 1)
);

-- A type's list, oldest first; its count for the limit of 100 reads the key's index.
create index custom_fields_walk_ix on custom_fields (tenant_id, object_type, created_at, id);

create table custom_field_options (
    tenant_id uuid         not null,
    id        uuid         not null,
    field_id  uuid         not null,
    option_key varchar(50) not null,
    label     varchar(100) not null,
    -- From 1, in the order given.
    position  integer      not null,
    constraint custom_field_options_pk primary key (tenant_id, id),
    constraint custom_field_options_field_fk foreign key (tenant_id, field_id)
        references custom_fields (tenant_id, id) on delete cascade,
    -- What a value's option refers to: an option of the value's own field.
    constraint custom_field_options_of_field_uk unique (tenant_id, field_id, id),
    constraint custom_field_options_position_ck check (position >= 1)
);

alter table custom_field_options add constraint custom_field_options_key_uk
    unique (tenant_id, field_id, option_key) deferrable initially deferred;
alter table custom_field_options add constraint custom_field_options_position_uk
    unique (tenant_id, field_id, position) deferrable initially deferred;

-- [jooq ignore start]
select crm_protect_tenant_table('custom_fields', 'select, insert, update, delete');
select crm_protect_tenant_table('custom_field_options', 'select, insert, update, delete');
-- [jooq ignore stop]

-- A record's custom values: one row per value (a MULTI_SELECT value is a row per chosen option, so
-- a filter by option is an index lookup), in the column of its field's type, with a real foreign
-- key to its record: exactly one of contact_id, company_id, deal_id is set. Deleting the record,
-- the field or the option deletes the value (every foreign key cascades), so none is ever orphaned.
create table custom_field_values (
    tenant_id     uuid           not null,
    id            uuid           not null,
    field_id      uuid           not null,
    contact_id    uuid,
    company_id    uuid,
    deal_id       uuid,
    -- TEXT, EMAIL, PHONE and URL (a list sorting by them will add their key column and index)
    text_value    varchar(2048),
    number_value  bigint,
    decimal_value numeric(40, 10),
    date_value    date,
    boolean_value boolean,
    -- SINGLE_SELECT, and each option of a MULTI_SELECT
    option_id     uuid,
    -- CURRENCY, as a deal's amount
    amount        numeric(19, 4),
    currency      varchar(3),
    constraint custom_field_values_pk primary key (tenant_id, id),
    constraint custom_field_values_field_fk foreign key (tenant_id, field_id)
        references custom_fields (tenant_id, id) on delete cascade,
    constraint custom_field_values_option_fk foreign key (tenant_id, field_id, option_id)
        references custom_field_options (tenant_id, field_id, id) on delete cascade,
    constraint custom_field_values_contact_fk foreign key (tenant_id, contact_id)
        references contacts (tenant_id, id) on delete cascade,
    constraint custom_field_values_company_fk foreign key (tenant_id, company_id)
        references companies (tenant_id, id) on delete cascade,
    constraint custom_field_values_deal_fk foreign key (tenant_id, deal_id)
        references deals (tenant_id, id) on delete cascade,
    constraint custom_field_values_one_record_ck check ((case when contact_id is null then 0 else 1 end)
        + (case when company_id is null then 0 else 1 end) + (case when deal_id is null then 0 else 1 end) = 1),
    constraint custom_field_values_money_ck check ((amount is null) = (currency is null))
);

-- What the option's and the field's cascades read.
create index custom_field_values_option_ix on custom_field_values (tenant_id, field_id, option_id);

-- [jooq ignore start]
-- A record's values (its read, and its delete's cascade), one kind of record each; and one value
-- per field and record (one per option for a MULTI_SELECT).
create index custom_field_values_contact_ix on custom_field_values (tenant_id, contact_id) where contact_id is not null;
create index custom_field_values_company_ix on custom_field_values (tenant_id, company_id) where company_id is not null;
create index custom_field_values_deal_ix on custom_field_values (tenant_id, deal_id) where deal_id is not null;
create unique index custom_field_values_contact_ux on custom_field_values
    (tenant_id, field_id, contact_id, coalesce(option_id, '00000000-0000-0000-0000-000000000000'::uuid))
    where contact_id is not null;
create unique index custom_field_values_company_ux on custom_field_values
    (tenant_id, field_id, company_id, coalesce(option_id, '00000000-0000-0000-0000-000000000000'::uuid))
    where company_id is not null;
create unique index custom_field_values_deal_ux on custom_field_values
    (tenant_id, field_id, deal_id, coalesce(option_id, '00000000-0000-0000-0000-000000000000'::uuid))
    where deal_id is not null;

select crm_protect_tenant_table('custom_field_values', 'select, insert, update, delete');
-- [jooq ignore stop]
