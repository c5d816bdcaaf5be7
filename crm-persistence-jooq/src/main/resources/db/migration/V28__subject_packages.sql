-- Data-subject packages (issue 28, item 7): the ZIP an ACCESS or PORTABILITY request answers with,
-- stored as it is built, chunk by chunk, so any instance serves it and none holds it whole.
-- dsr_packages is platform-level (a download token alone finds its package: no workspace is set
-- then), reached only through its port, holding no personal data; the chunks are the workspace's
-- (tenant-owned, row-level security). A package goes once downloaded, or at its expiry.

create table dsr_packages (
    id           uuid                     not null,
    workspace_id uuid                     not null,
    request_id   uuid                     not null,
    token_hash   varchar(64),                       -- SHA-256 of the mailed token, never the token
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone not null,
    claimed_at   timestamp with time zone,          -- its one download started
    constraint dsr_packages_pk primary key (id),
    constraint dsr_packages_workspace_fk foreign key (workspace_id) references workspaces (id),
    constraint dsr_packages_token_hash_uk unique (token_hash),
    constraint dsr_packages_expiry_ck check (expires_at > created_at)
);

-- The expiry sweep takes the due ones, oldest expiry first.
create index dsr_packages_expiry_ix on dsr_packages (expires_at);

create table dsr_package_chunks (
    tenant_id  uuid    not null,
    package_id uuid    not null,
    sequence   integer not null,
    data       bytea   not null,
    constraint dsr_package_chunks_pk primary key (tenant_id, package_id, sequence),
    constraint dsr_package_chunks_package_fk foreign key (package_id) references dsr_packages (id),
    constraint dsr_package_chunks_sequence_ck check (sequence >= 0)
);

-- [jooq ignore start]
alter table dsr_packages add constraint dsr_packages_hash_ck check (token_hash ~ '^[0-9a-f]{64}$');
-- Registered, given a token, claimed once, deleted once downloaded or expired.
grant select, insert, delete on dsr_packages to crm_app;
grant update (token_hash, claimed_at) on dsr_packages to crm_app;
select crm_protect_tenant_table('dsr_package_chunks', 'select, insert, delete');
-- [jooq ignore stop]
