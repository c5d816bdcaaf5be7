-- Erasure: the suppression list (keyed hashes only), erasure receipts (no personal data), and
-- the master key's check value.

create table suppression_entries (
    tenant_id  uuid                     not null,
    kind       varchar(16)              not null,
    keyed_hash varchar(64)              not null,
    created_at timestamp with time zone not null,
    constraint suppression_entries_pk primary key (tenant_id, kind, keyed_hash),
    constraint suppression_entries_workspace_fk foreign key (tenant_id) references workspaces (id),
    constraint suppression_entries_kind_ck check (kind in ('email', 'phone'))
);

create table erasure_receipts (
    tenant_id  uuid                     not null,
    id         uuid                     not null,
    contact_id uuid                     not null,
    erased_at  timestamp with time zone not null,
    constraint erasure_receipts_pk primary key (tenant_id, id),
    constraint erasure_receipts_workspace_fk foreign key (tenant_id) references workspaces (id)
);

create index erasure_receipts_walk_ix on erasure_receipts (tenant_id, erased_at, id);

-- How many records each erasure participant removed, one row per participant.
create table erasure_receipt_counts (
    tenant_id       uuid        not null,
    receipt_id      uuid        not null,
    participant     varchar(64) not null,
    position        integer     not null,
    records_removed integer     not null,
    constraint erasure_receipt_counts_pk primary key (tenant_id, receipt_id, participant),
    constraint erasure_receipt_counts_receipt_fk foreign key (tenant_id, receipt_id)
        references erasure_receipts (tenant_id, id) on delete cascade,
    constraint erasure_receipt_counts_removed_ck check (records_removed >= 0)
);

-- Platform-level: exactly one row, the HMAC of a fixed label under the master key (never the key).
create table master_key_check (
    singleton  boolean                  not null,
    key_check  varchar(64)              not null,
    created_at timestamp with time zone not null,
    constraint master_key_check_pk primary key (singleton),
    constraint master_key_check_singleton_ck check (singleton)
);

-- [jooq ignore start]
alter table suppression_entries enable row level security;
alter table suppression_entries force row level security;
create policy suppression_entries_tenant_isolation on suppression_entries
    using (tenant_id = nullif(current_setting('crm.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('crm.tenant_id', true), '')::uuid);

alter table erasure_receipts enable row level security;
alter table erasure_receipts force row level security;
create policy erasure_receipts_tenant_isolation on erasure_receipts
    using (tenant_id = nullif(current_setting('crm.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('crm.tenant_id', true), '')::uuid);

alter table erasure_receipt_counts enable row level security;
alter table erasure_receipt_counts force row level security;
create policy erasure_receipt_counts_tenant_isolation on erasure_receipt_counts
    using (tenant_id = nullif(current_setting('crm.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('crm.tenant_id', true), '')::uuid);

-- Receipts and suppression entries are append-only for the application: proof is not rewritten.
grant select, insert on suppression_entries, erasure_receipts, erasure_receipt_counts to crm_app;
grant select, insert on master_key_check to crm_app;
-- [jooq ignore stop]
