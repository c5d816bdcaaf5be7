-- Sessions and memberships: platform-level (no tenant_id, no row-level security), reached only
-- through their own ports, which filter by account or workspace in their queries. Sessions go
-- with their account when it is deleted.

-- A signed-in account's session: ends at expires_at whatever its activity (ACC-06), or earlier
-- when revoked, with the reason.
create table sessions (
    id                uuid                     not null,
    account_id        uuid                     not null,
    created_at        timestamp with time zone not null,
    expires_at        timestamp with time zone not null,
    revoked_at        timestamp with time zone,
    revocation_reason varchar(32),
    constraint sessions_pk primary key (id),
    constraint sessions_account_fk foreign key (account_id) references accounts (id) on delete cascade,
    constraint sessions_expiry_ck check (expires_at > created_at),
    constraint sessions_revocation_ck check ((revoked_at is null) = (revocation_reason is null)),
    constraint sessions_revocation_reason_ck
        check (revocation_reason in ('SIGNED_OUT', 'PASSWORD_CHANGED', 'TOKEN_REUSED'))
);

-- Revoking all of an account's sessions walks this.
create index sessions_account_ix on sessions (account_id);

-- A session's tokens, each stored only as the SHA-256 of the whole token, in hex (ACC-05). A
-- rotation sets replaced_at on the current one and adds the next; a replaced one is kept, so its
-- late reuse is recognised (ACC-07).
create table session_tokens (
    token_hash  varchar(64)              not null,
    session_id  uuid                     not null,
    issued_at   timestamp with time zone not null,
    replaced_at timestamp with time zone,
    constraint session_tokens_pk primary key (token_hash),
    constraint session_tokens_session_fk foreign key (session_id) references sessions (id) on delete cascade,
    constraint session_tokens_hash_length_ck check (char_length(token_hash) = 64)
);

-- The cascade from a session walks this.
create index session_tokens_session_ix on session_tokens (session_id);

-- Who is a member of which workspace, with which role (SEC-08's four levels). The account is not a
-- foreign key: an embedder with a sign-in of its own acts as Actor.account(<its user id>) and has
-- no account row; and an account's deletion must remove its memberships itself, after checking it
-- leaves no workspace without an owner, which a cascade would skip.
create table memberships (
    workspace_id uuid                     not null,
    account_id   uuid                     not null,
    role         varchar(16)              not null,
    created_at   timestamp with time zone not null,
    constraint memberships_pk primary key (workspace_id, account_id),
    constraint memberships_workspace_fk foreign key (workspace_id) references workspaces (id),
    constraint memberships_role_ck check (role in ('OWNER', 'ADMIN', 'MEMBER', 'VIEWER'))
);

-- An account's list of workspaces, in the order it joined them (keyset walk).
create index memberships_account_ix on memberships (account_id, created_at, workspace_id);

-- A sign-in reserves a hit on its throttle keys before the password is checked and takes it back
-- when the password was right, so only failures stay counted, and parallel guesses cannot all
-- pass the check before any is counted: a count may now fall back to 0.
alter table throttle_entries drop constraint throttle_entries_hits_ck;
alter table throttle_entries add constraint throttle_entries_hits_ck check (hits >= 0);

-- [jooq ignore start]
-- A regular expression H2 cannot replay: a hash is 64 lower-case hex digits, so no clear token fits.
alter table session_tokens add constraint session_tokens_hash_ck check (token_hash ~ '^[0-9a-f]{64}$');

-- Sessions are started and later revoked (only the two revocation columns change); tokens are
-- issued and later marked replaced. Neither is deleted by the application: they go with their
-- account. Memberships are granted and read; changing a role will come with its own grant.
grant select, insert on sessions to crm_app;
grant update (revoked_at, revocation_reason) on sessions to crm_app;
grant select, insert on session_tokens to crm_app;
grant update (replaced_at) on session_tokens to crm_app;
grant select, insert on memberships to crm_app;
-- A profile update changes the account's name and organisation, nothing else.
grant update (name, organisation) on accounts to crm_app;
-- [jooq ignore stop]
