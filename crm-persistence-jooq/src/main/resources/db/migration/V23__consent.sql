-- Consent (issue 26): a workspace's declared purposes, the append-only consent ledger, the links of
-- its subjects to contacts, and restrictions of processing. Tenant-owned like contacts: tenant_id
-- first in every key, named constraints, row-level security through crm_protect_tenant_table (V4).
-- Data map (issue 29): the purpose of each column is named beside it.

-- Purposes: what a workspace declares it processes contacts' data for (CON-08). Never deleted: the
-- ledger names them. Key and legal basis never change. Category: configuration, no personal data.
create table consent_purposes (
    tenant_id           uuid                     not null, -- tenancy
    purpose_key         varchar(64)              not null, -- identity: a slug, named by ledger entries
    name                varchar(100)             not null, -- shown to members and in notices
    description         varchar(2000),                     -- shown to members and in notices
    legal_basis         varchar(24)              not null, -- GDPR Art. 6(1) basis; decides the guard's rules
    basis_justification varchar(2000),                     -- why a basis other than consent applies (accountability)
    direct_marketing    boolean                  not null, -- objection always possible (Art. 21(2))
    double_opt_in       boolean                  not null, -- granted only by a confirmed mailed link
    retired_at          timestamp with time zone,          -- when the guard started refusing it
    created_at          timestamp with time zone not null, -- bookkeeping
    updated_at          timestamp with time zone not null, -- bookkeeping
    version             bigint                   not null, -- optimistic locking (ETag)
    constraint consent_purposes_pk primary key (tenant_id, purpose_key),
    constraint consent_purposes_workspace_fk foreign key (tenant_id) references workspaces (id),
    constraint consent_purposes_basis_ck check (legal_basis in ('CONSENT', 'CONTRACT', 'LEGAL_OBLIGATION',
        'VITAL_INTERESTS', 'PUBLIC_TASK', 'LEGITIMATE_INTEREST')),
    constraint consent_purposes_justification_ck check (legal_basis = 'CONSENT' or basis_justification is not null),
    constraint consent_purposes_opt_in_ck check (not double_opt_in or legal_basis = 'CONSENT'),
    constraint consent_purposes_version_ck check (version >= 1)
);

-- The link of a ledger subject to a contact: the only row joining the ledger to a person. It goes
-- with the contact (a plain delete cascades; an erasure deletes it first and counts it), so the
-- entries that stay name no one. Category: CRM data (a pseudonymous reference), contact lifetime.
create table consent_subjects (
    tenant_id   uuid not null, -- tenancy
    contact_id  uuid not null, -- the contact the subject is
    subject_ref uuid not null, -- the random reference the ledger names the person by
    constraint consent_subjects_pk primary key (tenant_id, contact_id),
    constraint consent_subjects_ref_uk unique (tenant_id, subject_ref),
    constraint consent_subjects_contact_fk foreign key (tenant_id, contact_id)
        references contacts (tenant_id, id) on delete cascade
);

-- The consent ledger, append-only: crm_app may insert and select; triggers refuse UPDATE, DELETE
-- and TRUNCATE to every role. No contact id, name or address: a subject reference and a keyed hash
-- of the address (HMAC-SHA256 of email:<normalised> under the workspace's consent key). Category:
-- consent proof, kept past the contact's erasure (CON-04; RET-09: account lifetime + 1 year).
create table consent_events (
    tenant_id           uuid                     not null, -- tenancy
    id                  uuid                     not null, -- identity
    seq                 bigint generated always as identity, -- the order entries were appended in
    subject_ref         uuid                     not null, -- the person, pseudonymously (see consent_subjects)
    address_hash        varchar(64)              not null, -- the person's address, keyed hash: proof by address, refusals surviving a re-created contact
    purpose_key         varchar(64)              not null, -- the purpose the entry is about
    legal_basis         varchar(24)              not null, -- the purpose's basis when recorded
    kind                varchar(16)              not null, -- GRANTED, WITHDRAWN, OBJECTED, RESTORED
    source              varchar(16)              not null, -- FORM, IMPORT, API, EMAIL_LINK, MANUAL
    occurred_at         timestamp with time zone not null, -- when the person said it (proof)
    recorded_at         timestamp with time zone not null, -- when it was recorded (proof)
    notice_version      varchar(100),                      -- the notice the person saw (proof of a grant)
    opt_in_requested_at timestamp with time zone,          -- double opt-in: when the confirmation was mailed (proof)
    opt_in_confirmed_at timestamp with time zone,          -- double opt-in: when it was confirmed (proof)
    ip_prefix           varchar(64),                       -- the client's network, cut to /24 or /48 at the edge (proof)
    user_agent          varchar(500),                      -- the client's user agent (proof)
    actor               varchar(100)             not null, -- who recorded it: account:<id>, api-key:<id>, anonymous, system
    request_id          varchar(100),                      -- the request that recorded it, if any (tracing)
    constraint consent_events_pk primary key (tenant_id, id),
    constraint consent_events_purpose_fk foreign key (tenant_id, purpose_key)
        references consent_purposes (tenant_id, purpose_key),
    constraint consent_events_kind_ck check (kind in ('GRANTED', 'WITHDRAWN', 'OBJECTED', 'RESTORED')),
    constraint consent_events_source_ck check (source in ('FORM', 'IMPORT', 'API', 'EMAIL_LINK', 'MANUAL')),
    constraint consent_events_grant_notice_ck check (kind <> 'GRANTED' or notice_version is not null)
);

-- A subject's entries in order, and an address's latest for a purpose.
create index consent_events_subject_ix on consent_events (tenant_id, subject_ref, seq);
create index consent_events_address_ix on consent_events (tenant_id, address_hash, purpose_key, seq);

-- Restrictions of processing (Art. 18, DSR-07): the contact's data stays stored, the guard refuses
-- every purpose. Goes with the contact. Category: CRM data, contact lifetime.
create table processing_restrictions (
    tenant_id     uuid                     not null, -- tenancy
    contact_id    uuid                     not null, -- the contact restricted
    restricted_at timestamp with time zone not null, -- since when (accountability)
    constraint processing_restrictions_pk primary key (tenant_id, contact_id),
    constraint processing_restrictions_contact_fk foreign key (tenant_id, contact_id)
        references contacts (tenant_id, id) on delete cascade
);

-- [jooq ignore start]
select crm_protect_tenant_table('consent_purposes', 'select, insert, update');
select crm_protect_tenant_table('consent_subjects', 'select, insert, delete');
-- Locking a subject (FOR UPDATE) needs an update grant: this column's, which nothing changes.
grant update (subject_ref) on consent_subjects to crm_app;
select crm_protect_tenant_table('consent_events', 'select, insert');
select crm_protect_tenant_table('processing_restrictions', 'select, insert, delete');

-- The ledger is append-only for every role, its owner included.
create function consent_events_refuse_change() returns trigger
    language plpgsql
    set search_path = pg_catalog
as $$
begin
    raise exception 'the consent ledger is append-only' using errcode = '42501';
end
$$;

create trigger consent_events_append_only before update or delete on consent_events
    for each row execute function consent_events_refuse_change();
create trigger consent_events_no_truncate before truncate on consent_events
    for each statement execute function consent_events_refuse_change();

revoke all on function consent_events_refuse_change() from public;

-- Every workspace that exists already gets the purposes a new workspace gets
-- (DefaultPurposesInitializer), with the same texts. Row-level security is forced on the owner too:
-- the policy needs each workspace's crm.tenant_id, set transaction-locally.
do $$
declare
    workspace  uuid;
    started_at timestamp with time zone := now();
begin
    for workspace in select id from workspaces where status <> 'PURGED' order by created_at, id loop
        perform set_config('crm.tenant_id', workspace::text, true);
        insert into consent_purposes (tenant_id, purpose_key, name, description, legal_basis, basis_justification,
                                      direct_marketing, double_opt_in, retired_at, created_at, updated_at, version)
        values (workspace, 'service-delivery', 'Service delivery',
                'Serving the person under the contract they have with the workspace, or asked for before one.',
                'CONTRACT', 'Necessary to perform a contract with the person (Art. 6(1)(b)).', false, false, null,
                started_at, started_at, 1),
               (workspace, 'marketing-email', 'Marketing email',
                'News and offers by email, sent only to those who confirmed their subscription.',
                'CONSENT', null, true, true, null, started_at, started_at, 1),
               (workspace, 'analytics', 'Analytics',
                'Understanding how the workspace''s services are used, to improve them.',
                'LEGITIMATE_INTEREST', 'A legitimate interest in improving the service; the person may object (Art. 21(1)).',
                false, false, null, started_at, started_at, 1);
    end loop;
    perform set_config('crm.tenant_id', '', true);
end
$$;
-- [jooq ignore stop]
