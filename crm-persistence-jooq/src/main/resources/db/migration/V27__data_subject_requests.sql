-- Data-subject requests (issue 28): a person's requests to a workspace, their deadlines and their
-- append-only history. Tenant-owned like contacts: tenant_id first in every key, named constraints,
-- row-level security through crm_protect_tenant_table (V4). Data map: the purpose of each column
-- is named beside it. After the subject's erasure a request keeps only the consent ledger's keyed
-- hash of the address, its type, steps and times (its address, corrections, note and reasons go).

create table dsr_requests (
    tenant_id          uuid                     not null, -- tenancy
    id                 uuid                     not null, -- identity
    type               varchar(24)              not null, -- the right exercised
    email              varchar(254),                      -- the requester's address; null once the subject is erased
    address_hash       varchar(64)              not null, -- keyed hash of the address (the consent ledger's): finds a subject's requests, stays
    california_request boolean                  not null, -- made under the CCPA
    fix_first_name     varchar(100),                      -- a rectification's corrections (null: not asked) ...
    fix_last_name      varchar(100),
    fix_email          varchar(254),
    fix_phone          varchar(40),
    fix_job_title      varchar(100),
    fix_company_id     uuid,
    fix_cleared        varchar(100),                      -- ... and the optional fields it asks to clear, comma-separated
    purpose_keys       varchar(2000),                     -- an objection's or withdrawal's purposes, comma-separated
    received_at        timestamp with time zone not null, -- when it was received: the deadline runs from here
    due_at             timestamp with time zone not null, -- its deadline (30 days; at most 45 when extended)
    extended_at        timestamp with time zone,          -- when the deadline was extended (once)
    extension_reason   varchar(2000),                     -- why (mailed to the requester)
    note               varchar(2000),                     -- how the identity was checked
    state              varchar(24)              not null, -- RECEIVED, IDENTITY_VERIFIED, IN_PROGRESS, COMPLETED, REJECTED, CANCELLED
    verified_at        timestamp with time zone,          -- when the identity was checked
    started_at         timestamp with time zone,          -- when work started
    closed_at          timestamp with time zone,          -- when it was completed, rejected or cancelled
    reject_reason      varchar(2000),                     -- why it was rejected (mailed to the requester)
    created_at         timestamp with time zone not null, -- bookkeeping
    updated_at         timestamp with time zone not null, -- bookkeeping
    version            bigint                   not null, -- optimistic locking
    constraint dsr_requests_pk primary key (tenant_id, id),
    constraint dsr_requests_workspace_fk foreign key (tenant_id) references workspaces (id),
    constraint dsr_requests_type_ck check (type in ('ACCESS', 'PORTABILITY', 'RECTIFICATION', 'ERASURE',
        'RESTRICTION', 'OBJECTION', 'CONSENT_WITHDRAWAL')),
    constraint dsr_requests_state_ck check (state in ('RECEIVED', 'IDENTITY_VERIFIED', 'IN_PROGRESS', 'COMPLETED',
        'REJECTED', 'CANCELLED')),
    constraint dsr_requests_version_ck check (version >= 1)
);

-- The list's sorts (receipt, due time) and a subject's requests by address.
create index dsr_requests_received_ix on dsr_requests (tenant_id, received_at, id);
create index dsr_requests_due_ix on dsr_requests (tenant_id, due_at, id);
create index dsr_requests_address_ix on dsr_requests (tenant_id, address_hash);

-- A request's history, append-only for crm_app (select and insert only): the step, when, and who
-- took it (account:<id>, api-key:<id>, anonymous); no free text, so an erasure leaves it as it is.
create table dsr_events (
    tenant_id   uuid                     not null, -- tenancy
    id          uuid                     not null, -- identity
    seq         bigint generated always as identity, -- the order entries were appended in
    request_id  uuid                     not null, -- the request
    kind        varchar(16)              not null, -- RECEIVED, VERIFIED, STARTED, EXTENDED, COMPLETED, REJECTED, CANCELLED
    occurred_at timestamp with time zone not null, -- when (proof of the deadline kept)
    actor       varchar(100)             not null, -- who took the step
    constraint dsr_events_pk primary key (tenant_id, id),
    constraint dsr_events_request_fk foreign key (tenant_id, request_id) references dsr_requests (tenant_id, id),
    constraint dsr_events_kind_ck check (kind in ('RECEIVED', 'VERIFIED', 'STARTED', 'EXTENDED', 'COMPLETED',
        'REJECTED', 'CANCELLED'))
);

create index dsr_events_request_ix on dsr_events (tenant_id, request_id, seq);

-- [jooq ignore start]
-- Requests are changed step by step and purged with their workspace; never deleted by crm_app otherwise.
select crm_protect_tenant_table('dsr_requests', 'select, insert, update, delete');
select crm_protect_tenant_table('dsr_events', 'select, insert');

-- The workspace purge (V22) empties the append-only tables through this function: dsr_events joins them.
create or replace function crm_purge_append_only(target regclass, p_now timestamp with time zone) returns bigint
    language plpgsql
    security definer
    set search_path from current
as $$
declare
    tenant uuid := nullif(current_setting('crm.tenant_id', true), '')::uuid;
    deleted bigint;
begin
    if target not in ('erasure_receipt_reviews'::regclass, 'erasure_receipt_counts'::regclass,
                      'erasure_receipts'::regclass, 'suppression_entries'::regclass,
                      'invitations'::regclass, 'api_keys'::regclass, 'dsr_events'::regclass) then
        raise exception 'not an append-only table of a workspace: %', target;
    end if;
    if tenant is null or not exists (select from workspaces
                                     where id = tenant and status = 'CANCELLED' and purge_at <= p_now) then
        raise exception 'the bound workspace is not due for its purge';
    end if;
    execute format('delete from %s where %I = $1', target,
        case when target in ('invitations'::regclass, 'api_keys'::regclass) then 'workspace_id' else 'tenant_id' end)
        using tenant;
    get diagnostics deleted = row_count;
    return deleted;
end
$$;

revoke all on function crm_purge_append_only(regclass, timestamp with time zone) from public;
grant execute on function crm_purge_append_only(regclass, timestamp with time zone) to crm_app;
-- [jooq ignore stop]
