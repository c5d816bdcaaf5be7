-- The audit trail (SEC-09, RET-08): append-only, hash-chained entries. One chain per workspace
-- (audit_entries, tenant-owned, row-level security) and one platform chain
-- (platform_audit_entries); each chain's head; and the wrapped per-account keys that encrypt
-- entries' personal fields. The application may only insert and read entries; triggers refuse
-- every update, delete and truncate of them for every role, the owner included.
--
-- Hashes are HMAC-SHA256 in lower-case hex; ciphertexts and wrapped keys are AES-256-GCM in
-- base64 (SecretCipher's stored form). No foreign key to workspaces: a workspace's chain outlives
-- the workspace's purge by 12 months (RET-08).

-- The head of each chain: its last entry's sequence and hash. chain_id is the workspace's id, or
-- the nil uuid for the platform chain. An append locks it (FOR UPDATE) or moves it conditionally.
create table audit_chain_heads (
    chain_id uuid        not null,
    sequence bigint      not null,
    hash     varchar(64) not null,
    constraint audit_chain_heads_pk primary key (chain_id),
    constraint audit_chain_heads_sequence_ck check (sequence >= 1)
);

create table audit_entries (
    tenant_id     uuid                     not null,
    sequence      bigint                   not null,
    occurred_at   timestamp with time zone not null,
    actor_kind    varchar(16)              not null,
    actor_account uuid,
    actor_api_key uuid,
    action        varchar(40)              not null,
    target_type   varchar(20)              not null,
    target_id     uuid,
    outcome       varchar(16)              not null,
    -- Canonical key=value;... of counts, ids, enum names and field names only (AuditDetails).
    details       varchar(4000)            not null,
    -- The account whose key encrypts the personal fields (the actor, or an API key's creator).
    subject_id    uuid,
    email_ct      varchar(4000),
    ip_ct         varchar(4000),
    user_agent_ct varchar(4000),
    encoding      integer                  not null,
    previous_hash varchar(64)              not null,
    hash          varchar(64)              not null,
    constraint audit_entries_pk primary key (tenant_id, sequence),
    constraint audit_entries_sequence_ck check (sequence >= 1)
);

create index audit_entries_action_ix on audit_entries (tenant_id, action, sequence);
create index audit_entries_target_ix on audit_entries (tenant_id, target_id, sequence);

create table platform_audit_entries (
    sequence      bigint                   not null,
    occurred_at   timestamp with time zone not null,
    actor_kind    varchar(16)              not null,
    actor_account uuid,
    actor_api_key uuid,
    action        varchar(40)              not null,
    target_type   varchar(20)              not null,
    target_id     uuid,
    outcome       varchar(16)              not null,
    details       varchar(4000)            not null,
    subject_id    uuid,
    email_ct      varchar(4000),
    ip_ct         varchar(4000),
    user_agent_ct varchar(4000),
    encoding      integer                  not null,
    previous_hash varchar(64)              not null,
    hash          varchar(64)              not null,
    constraint platform_audit_entries_pk primary key (sequence),
    constraint platform_audit_entries_sequence_ck check (sequence >= 1)
);

-- An account's own sign-in events, newest first.
create index platform_audit_entries_subject_ix on platform_audit_entries (subject_id, sequence);

-- A random 256-bit key per subject account, only ever stored wrapped under the master key's
-- audit-subject key. Deleting it forgets the subject: its entries' personal fields read as erased.
create table audit_subject_keys (
    subject_id  uuid                     not null,
    wrapped_key varchar(128)             not null,
    created_at  timestamp with time zone not null,
    constraint audit_subject_keys_pk primary key (subject_id)
);

-- [jooq ignore start]
create function crm_refuse_audit_change() returns trigger
    language plpgsql
    set search_path = pg_catalog
as $$
begin
    raise exception 'the audit trail is append-only: % on % is refused', tg_op, tg_table_name;
end
$$;

-- A head only moves forward by one entry, and is never deleted.
create function crm_check_audit_head() returns trigger
    language plpgsql
    set search_path = pg_catalog
as $$
begin
    if tg_op <> 'UPDATE' or new.chain_id <> old.chain_id or new.sequence <> old.sequence + 1 then
        raise exception 'an audit chain head only moves forward by one entry';
    end if;
    return new;
end
$$;

create trigger audit_entries_append_only before update or delete on audit_entries
    for each row execute function crm_refuse_audit_change();
create trigger audit_entries_no_truncate before truncate on audit_entries
    for each statement execute function crm_refuse_audit_change();
create trigger platform_audit_entries_append_only before update or delete on platform_audit_entries
    for each row execute function crm_refuse_audit_change();
create trigger platform_audit_entries_no_truncate before truncate on platform_audit_entries
    for each statement execute function crm_refuse_audit_change();
create trigger audit_chain_heads_forward before update or delete on audit_chain_heads
    for each row execute function crm_check_audit_head();
create trigger audit_chain_heads_no_truncate before truncate on audit_chain_heads
    for each statement execute function crm_refuse_audit_change();

select crm_protect_tenant_table('audit_entries', 'select, insert');
grant select, insert on platform_audit_entries to crm_app;
grant select, insert, update on audit_chain_heads to crm_app;
grant select, insert, delete on audit_subject_keys to crm_app;
-- [jooq ignore stop]
